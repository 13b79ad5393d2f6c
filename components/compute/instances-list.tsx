'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResource, useResourceHref } from '@/lib/resources/hooks';
import { floatingIpDefinition } from '@/lib/resources/network/floating-ip';
import { disassociateAll } from '@/lib/resources/network/queries';
import { useInvalidateKinds } from '@/lib/resources/queries';
import { serverDefinition, serverIps } from '@/lib/resources/compute/server';
import { AssociateToInstanceForm } from './instance-network';

export function InstancesList() {
  const href = useResourceHref();
  const router = useRouter();
  const invalidate = useInvalidateKinds();
  const [error, setError] = useState<unknown>(null);
  // `?associate-fip=<id>`: the floating IP page's "Associate" (choose the instance here).
  const fipId = useSearchParams().get('associate-fip');
  return (
    <ResourceList
      def={serverDefinition}
      detail
      headerActions={
        <Link href={href('instances', 'new')} className={buttonClass.primary}>
          Launch instance
        </Link>
      }
      notice={
        <>
          {!!error && <ApiErrorNotice title="Disassociate failed" error={error} />}
          {fipId && <AssociateFip id={fipId} onDone={() => router.push(href('floating-ips', encodeURIComponent(fipId)))} />}
        </>
      }
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

function AssociateFip({ id, onDone }: { id: string; onDone: () => void }) {
  const fip = useResource(floatingIpDefinition, id);
  if (fip.isError) return <ApiErrorNotice title="Could not load the floating IP" error={fip.error} />;
  return fip.data ? <AssociateToInstanceForm fip={fip.data} onDone={onDone} /> : null;
}
