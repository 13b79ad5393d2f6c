'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { clusterDefinition } from '@/lib/resources/container-infra/cluster';
import { clusterTemplateDefinition } from '@/lib/resources/container-infra/cluster-template';
import { useResourceHref } from '@/lib/resources/hooks';

export function ClustersList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={clusterDefinition}
      detail
      headerActions={
        <>
          <Link href={href('cluster-templates')} className={buttonClass.secondary}>
            Cluster templates
          </Link>
          <Link href={href('clusters', 'new')} className={buttonClass.primary}>
            Create cluster
          </Link>
        </>
      }
    />
  );
}

export function ClusterTemplatesList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={clusterTemplateDefinition}
      detail
      headerActions={
        <Link href={href('cluster-templates', 'new')} className={buttonClass.primary}>
          Create cluster template
        </Link>
      }
    />
  );
}
