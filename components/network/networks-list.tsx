'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { networkDefinition } from '@/lib/resources/network/network';

export function NetworksList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={networkDefinition}
      detail
      notice={
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          Networks are layer-2 segments; each subnet on one is an IP range (layer 3). Shared and external networks belong to the cloud and are listed here too.{' '}
          <Link href={href('ports')} className="text-brand-700 hover:underline dark:text-brand-300">
            All ports
          </Link>
        </p>
      }
      headerActions={
        <Link href={href('networks', 'new')} className={buttonClass.primary}>
          Create network
        </Link>
      }
    />
  );
}
