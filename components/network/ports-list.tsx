'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { useResourceHref } from '@/lib/resources/hooks';
import { portDefinition } from '@/lib/resources/network/port';

export function PortsList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={portDefinition}
      detail
      notice={
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          A port is a plug on a network with a MAC address and fixed IPs. Create one from a{' '}
          <Link href={href('networks')} className="text-brand-700 hover:underline dark:text-brand-300">
            network&apos;s page
          </Link>
          .
        </p>
      }
    />
  );
}
