'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { volumeDefinition } from '@/lib/resources/volume/volume';

export function VolumesList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={volumeDefinition}
      detail
      headerActions={
        <Link href={href('volumes', 'new')} className={buttonClass.primary}>
          Create volume
        </Link>
      }
    />
  );
}
