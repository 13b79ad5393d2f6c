'use client';

import Link from '@/components/ui/intent-link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading } from '@/components/resource/form-parts';
import { TextAreaField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { createNetwork, createSubnet, useVisibleCidrs } from '@/lib/resources/network/queries';
import { useInvalidateKinds, usePrependRow } from '@/lib/resources/queries';
import { networkCreateBody, networkCreateCli, NetworkCreateSchema, networkDefinition, type Network } from '@/lib/resources/network/network';
import { emptySubnetValues, subnetCreateBody, subnetCreateCli, subnetCreateSchema, type SubnetValues } from '@/lib/resources/network/subnet';
import { useIssueText } from './form-bits';
import { suggestion, SubnetFields } from './subnet-fields';

// Overlap is checked per network: a new network has no subnets yet, so only the format and sizes are checked.
// The subnet's errors are keyed `subnet.<field>`: the network's and the subnet's `name` share one error map.
const CreateSchema = NetworkCreateSchema.extend({ subnet: subnetCreateSchema([]).optional() });
type Values = { name: string; description: string; adminStateUp: boolean; subnet: SubnetValues | null };
const EMPTY: Values = { name: '', description: '', adminStateUp: true, subnet: null };

/** Create a network and, in the same form, its first subnet (one POST each; a refused subnet keeps the network). */
export function NetworkCreateForm() {
  const t = useTranslations('network.create');
  const tc = useTranslations('common');
  const router = useRouter();
  const href = useResourceHref();
  const invalidate = useInvalidateKinds();
  const prepend = usePrependRow(networkDefinition);
  const taken = useVisibleCidrs();
  const [withSubnet, setWithSubnet] = useState(true);
  // The suggestion fills in once the existing CIDRs are known, until the user types their own.
  const subnetOf = (v: Values) => v.subnet ?? { ...emptySubnetValues(suggestion('4', taken)), name: v.name ? `${v.name}-subnet` : '' };
  const form = useZodForm(CreateSchema, EMPTY, { input: (v) => ({ ...v, subnet: withSubnet ? subnetOf(v) : undefined }) });
  const { values: net, errors } = form;
  const { withText } = useIssueText();
  const field = (k: 'name' | 'description') => withText(form.field(k));
  const subnet = subnetOf(net);
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ title: string; error: unknown; network?: Network } | null>(null);

  async function submit(n: z.infer<typeof CreateSchema>) {
    setPending(true);
    setFailure(null);
    let created: Network | undefined;
    try {
      created = await createNetwork(networkCreateBody(n));
      prepend(created);
      if (n.subnet) await createSubnet(subnetCreateBody(created.id, n.subnet));
      await invalidate(['network', 'subnet']);
      router.push(href('networks', created.id));
    } catch (e) {
      setFailure(created ? { title: t('subnetRefused', { name: created.name }), error: e, network: created } : { title: t('refused'), error: e });
      if (created) void invalidate(['network']);
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      aria-label={t('title')}
      className="max-w-2xl space-y-5"
      onSubmit={form.submit(submit)}
    >
      <FormHeading title={t('title')} back="networks" backLabel={t('back')} />
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t.rich('intro', { strong: (chunks) => <strong>{chunks}</strong> })}</p>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t('network')}</legend>
        <TextField label={t('name')} {...field('name')} autoComplete="off" />
        <TextAreaField label={tc('description')} rows={2} {...field('description')} />
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={net.adminStateUp} onChange={(e) => form.set('adminStateUp', e.target.checked)} />
          <span>
            <span className="font-medium">{t('adminUp')}</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t('adminUpHint')}</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">{t('firstSubnet')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={withSubnet} onChange={(e) => setWithSubnet(e.target.checked)} />
          {t('withSubnet')}
        </label>
        {withSubnet && <SubnetFields values={subnet} errors={unprefixed(errors)} taken={taken} onChange={(s) => form.set('subnet', s)} />}
      </fieldset>
      {failure && (
        <div className="space-y-2">
          <ApiErrorNotice title={failure.title} error={failure.error} />
          {failure.network && (
            <Link href={href('networks', failure.network.id)} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
              {t('openToAddSubnet', { name: failure.network.name })}
            </Link>
          )}
        </div>
      )}
      <FormFooter
        cli={withSubnet ? [networkCreateCli(net), subnetCreateCli(net.name.trim() || '<network>', subnet)] : networkCreateCli(net)}
        submit={t('title')}
        pendingLabel={t('creating')}
        pending={pending}
        cancelTo="networks"
      />
    </form>
  );
}

const unprefixed = (e: Record<string, string>) => Object.fromEntries(Object.entries(e).filter(([k]) => k.startsWith('subnet.')).map(([k, v]) => [k.slice(7), v]));
