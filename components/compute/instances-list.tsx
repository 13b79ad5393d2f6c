'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { disassociateAll } from '@/lib/resources/network/queries';
import { useInvalidateKinds } from '@/lib/resources/queries';
import { serverDefinition, serverIps } from '@/lib/resources/compute/server';

export function InstancesList() {
  const href = useResourceHref();
  const router = useRouter();
  const invalidate = useInvalidateKinds();
  const [error, setError] = useState<unknown>(null);
  return (
    <ResourceList
      def={serverDefinition}
      detail
      headerActions={
        <Link href={href('instances', 'new')} className={buttonClass.primary}>
          Launch instance
        </Link>
      }
      notice={error ? <ApiErrorNotice title="Disassociate failed" error={error} /> : undefined}
      rowActions={(s) => [
        { id: 'associate-fip', label: 'Associate floating IP', onSelect: () => router.push(href('instances', encodeURIComponent(s.id), 'fip=associate')) },
        ...(serverIps(s, 'floating').length
          ? [{
              id: 'disassociate-fip', label: 'Disassociate floating IP',
              onSelect: () => {
                setError(null);
                disassociateAll(s.id)
                  .catch(setError)
                  .finally(() => void invalidate(['server', 'floating-ip']));
              },
            }]
          : []),
      ]}
    />
  );
}
