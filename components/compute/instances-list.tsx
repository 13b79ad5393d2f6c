'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { serverDefinition } from '@/lib/resources/compute/server';

export function InstancesList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={serverDefinition}
      detail
      headerActions={
        <Link href={href('instances', 'new')} className={buttonClass.primary}>
          Launch instance
        </Link>
      }
    />
  );
}
