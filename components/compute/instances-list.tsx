'use client';

import Link from '@/components/ui/intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResource, useResourceHref } from '@/lib/resources/hooks';
import { disassociateCli, floatingIpDefinition } from '@/lib/resources/network/floating-ip';
import { disassociateAll } from '@/lib/resources/network/queries';
import { useInvalidateKinds } from '@/lib/resources/queries';
import { serverDefinition, serverIps, type Server } from '@/lib/resources/compute/server';
import { msg } from '@/lib/i18n/msg';
import { AssociateToInstanceForm } from './instance-network';

export function InstancesList() {
  const t = useTranslations('compute.instances');
  const href = useResourceHref();
  const router = useRouter();
  const invalidate = useInvalidateKinds();
  const format = useFormatter();
  const [error, setError] = useState<unknown>(null);
  // The instance whose floating IPs the user is asked to confirm disassociating (a destructive action asks first).
  const [asking, setAsking] = useState<{ server: Server; ips: string[] } | null>(null);
  const [busy, setBusy] = useState(false);
  // `?associate-fip=<id>`: the floating IP page's "Associate" (choose the instance here).
  const fipId = useSearchParams().get('associate-fip');
  return (
    <>
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
        // Associate is the definition's row item (the instance page's form); disassociating asks here, at once.
        rowActions={(s) =>
          serverIps(s, 'floating').length ? [{ id: 'disassociate-fip', label: t('disassociateFip'), onSelect: () => setAsking({ server: s, ips: serverIps(s, 'floating') }) }] : []
        }
      />
      <ConfirmDialog
        open={!!asking}
        title={msg('kinds.floatingIp.confirm.disassociateTitle', { count: asking?.ips.length ?? 1 })}
        body={msg('kinds.floatingIp.confirm.disassociateBody', { count: asking?.ips.length ?? 1, names: format.list(asking?.ips ?? [], { type: 'conjunction' }) })}
        items={asking?.ips}
        confirmLabel={t('disassociateFip')}
        destructive
        cli={asking?.ips.map(disassociateCli).join('\n')}
        busy={busy}
        onConfirm={() => {
          if (!asking) return;
          setError(null);
          setBusy(true);
          disassociateAll(asking.server.id)
            .catch(setError)
            .finally(() => {
              setBusy(false);
              setAsking(null);
              void invalidate(['server', 'floating-ip']);
            });
        }}
        onCancel={() => setAsking(null)}
      />
    </>
  );
}

function AssociateFip({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useTranslations('compute.instances');
  const fip = useResource(floatingIpDefinition, id);
  if (fip.isError) return <ApiErrorNotice title={t('loadFipFailed')} error={fip.error} />;
  return fip.data ? <AssociateToInstanceForm fip={fip.data} onDone={onDone} /> : null;
}
