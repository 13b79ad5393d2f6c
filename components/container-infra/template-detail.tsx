'use client';

import Link from 'next/link';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { clusterTemplateDefinition } from '@/lib/resources/container-infra/cluster-template';
import { useResourceHref } from '@/lib/resources/hooks';

export function ClusterTemplateDetail({ id }: { id: string }) {
  const href = useResourceHref();
  return (
    <ResourceDetail
      def={clusterTemplateDefinition}
      id={id}
      extraActions={(t) => (
        <Link href={href('clusters', 'new', `template=${encodeURIComponent(t.uuid)}`)} className={buttonClass.secondary}>
          Create cluster
        </Link>
      )}
    />
  );
}
