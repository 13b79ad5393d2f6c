'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { containerDefinition } from '@/lib/resources/key-manager/container';

export function ContainersList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={containerDefinition}
      detail
      headerActions={
        <>
          <Link href={href('secrets')} className={buttonClass.secondary}>
            Secrets
          </Link>
          <Link href={href('secret-containers', 'new')} className={buttonClass.primary}>
            Create container
          </Link>
        </>
      }
    />
  );
}
