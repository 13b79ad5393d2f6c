'use client';
// The floating IPs list: the generic table with the definition's actions (Disassociate asks first, Release), and in
// each row's menu "Associate…" or "Move to another instance…", which open the address picker above the table.
// `?associate=<id>` opens it too (the detail page's links; Done goes back there), `?new=1` the allocate form.
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceForm } from '@/components/resource/resource-form';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResource, useResourceHref } from '@/lib/resources/hooks';
import { floatingIpDefinition as def, isAssociated } from '@/lib/resources/network/floating-ip';
import { findSection } from '@/lib/resources/registry';
import { AssociateFloatingIpForm } from './floating-ip-associate';

export function FloatingIpsList() {
  const t = useTranslations('network.floatingIps');
  const m = useMsg();
  const router = useRouter();
  const href = useResourceHref();
  const search = useSearchParams();
  const fromLink = search.get('associate');
  const [picking, setPicking] = useState<string | null>(fromLink);
  const [allocating, setAllocating] = useState(search.get('new') === '1');
  const mode = def.create!.modes![0];
  const description = findSection(def.slug)?.description;
  const done = () => {
    // Opened from an address's page: back to it, where the new status shows.
    if (picking && picking === fromLink) router.push(href(def.slug, encodeURIComponent(picking)));
    setPicking(null);
  };
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        <button type="button" className={buttonClass.primary} aria-expanded={allocating} onClick={() => setAllocating(!allocating)}>
          {m(mode.label)}
        </button>
      }
      notice={
        <>
          {description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{m(description)}</p>}
          {allocating && (
            <ResourceForm def={def} title={mode.label} fields={mode.fields} submitLabel={mode.submitLabel} errorTitle={def.create?.errorTitle} onCancel={() => setAllocating(false)} onCreated={() => setAllocating(false)} />
          )}
          {picking && <Picker key={picking} id={picking} onDone={done} />}
        </>
      }
      rowActions={(f) => [
        isAssociated(f)
          ? { id: 'move', label: t('moveMenu'), onSelect: () => setPicking(f.id) }
          : { id: 'associate', label: t('associateMenu'), onSelect: () => setPicking(f.id) },
      ]}
    />
  );
}

function Picker({ id, onDone }: { id: string; onDone: () => void }) {
  const t = useTranslations('network.floatingIps');
  const fip = useResource(def, id);
  if (fip.isError) return <ApiErrorNotice title={t('loadFipFailed')} error={fip.error} />;
  return fip.data ? <AssociateFloatingIpForm fip={fip.data} onDone={onDone} /> : null;
}
