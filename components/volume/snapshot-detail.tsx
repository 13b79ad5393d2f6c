'use client';

import Link from 'next/link';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { snapshotDefinition } from '@/lib/resources/volume/snapshot';

export function SnapshotDetail({ id }: { id: string }) {
  const href = useResourceHref();
  return (
    <ResourceDetail
      def={snapshotDefinition}
      id={id}
      extraActions={(s) => (
        <>
          {s.status === 'available' && (
            <Link href={href('volumes', 'new', `snapshot=${s.id}`)} className={buttonClass.secondary} title={`openstack volume create --snapshot ${s.id} --size ${s.size} <name>`}>
              Create volume
            </Link>
          )}
          <Link href={href('volumes', s.volume_id)} className={buttonClass.ghost}>
            Source volume
          </Link>
        </>
      )}
    />
  );
}
