'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
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
  const t = useTranslations('compute.instances');
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
          {t('launch')}
        </Link>
      }
      notice={
        <>
          {!!error && <ApiErrorNotice title={t('disassociateFailed')} error={error} />}
          {fipId && <AssociateFip id={fipId} onDone={() => router.push(href('floating-ips', encodeURIComponent(fipId)))} />}
        </>
      }
      rowActions={(s) => [
        { id: 'associate-fip', label: t('associateFip'), onSelect: () => router.push(href('instances', encodeURIComponent(s.id), 'fip=associate')) },
        ...(serverIps(s, 'floating').length
          ? [{
              id: 'disassociate-fip', label: t('disassociateFip'),
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
  const t = useTranslations('compute.instances');
  const fip = useResource(floatingIpDefinition, id);
  if (fip.isError) return <ApiErrorNotice title={t('loadFipFailed')} error={fip.error} />;
  return fip.data ? <AssociateToInstanceForm fip={fip.data} onDone={onDone} /> : null;
}
