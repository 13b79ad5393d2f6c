'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading, ValueOptions } from '@/components/resource/form-parts';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useIsAdmin } from '@/components/shell/session-context';
import {
  clusterTemplateCreateCli,
  ClusterTemplateCreateSchema,
  clusterTemplateDefinition,
  COES,
  NETWORK_DRIVERS,
} from '@/lib/resources/container-infra/cluster-template';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { issueMsg } from '@/lib/i18n/issue';
import { useKeypairOptions } from '@/lib/resources/compute/queries';
import { useActiveImages } from '@/lib/resources/image/queries';
import { useExternalNetworks } from '@/lib/resources/network/queries';
import { FlavorOptions } from './parts';

const DEFAULTS = {
  name: '', coe: 'kubernetes', imageId: '', keypairId: '', externalNetworkId: '', masterFlavorId: '', flavorId: '',
  dockerVolumeSize: '', networkDriver: '', labels: '', public: false, hidden: false,
};

/** The command that sets an image's os_distro: a CLI line, never translated. */
const SET_DISTRO = 'openstack image set --property os_distro=fedora-coreos <image>';
const code = (chunks: ReactNode) => <code className="font-mono">{chunks}</code>;

/** Create a cluster template: the image must carry os_distro (Magnum picks its driver from it), pickers from Glance, Neutron, Nova. */
export function ClusterTemplateCreateForm() {
  const t = useTranslations('containerInfra.templateCreate');
  const tc = useTranslations('common');
  const m = useMsg();
  const router = useRouter();
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  const form = useZodForm(ClusterTemplateCreateSchema, DEFAULTS, { live: true });
  const { values: v, set, errors } = form;
  // A message with values (a label that is no key=value) comes through zod as its JSON (network/issue.ts).
  const field = (key: Parameters<typeof form.field>[0]) => {
    const f = form.field(key);
    return { ...f, error: f.error && m(issueMsg(f.error)) };
  };
  const images = useActiveImages({ staleTime: 30_000 });
  const networks = useExternalNetworks();
  const keypairs = useKeypairOptions();
  const create = useCreate(clusterTemplateDefinition);

  const withDistro = (images.data ?? []).filter((i) => i.os_distro);
  const withoutDistro = (images.data ?? []).length - withDistro.length;
  const imageName = images.data?.find((i) => i.id === v.imageId)?.name ?? undefined;
  const networkName = networks.data?.find((n) => n.id === v.externalNetworkId)?.name ?? undefined;

  return (
    <form
      noValidate
      aria-label={t('title')}
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((input) => create.mutate(input, { onSuccess: () => router.push(href('cluster-templates')) }))}
    >
      <FormHeading title={t('title')} back="cluster-templates" backLabel={t('back')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tc('name')} {...field('name')} autoComplete="off" />
        <SelectField label={t('coe')} value={v.coe} error={errors.coe} onChange={(e) => form.setValues((o) => ({ ...o, coe: e.target.value, networkDriver: '' }))}>
          <ValueOptions values={COES} />
        </SelectField>
      </div>
      <div className="space-y-1.5">
        <SelectField label={t('image')} {...field('imageId')} disabled={images.isPending}>
          <option value="">{images.isPending ? t('loadingImages') : t('chooseImage')}</option>
          {withDistro.map((i) => (
            <option key={i.id} value={i.id}>
              {t('imageOption', { name: i.name ?? i.id, distro: i.os_distro ?? '' })}
            </option>
          ))}
        </SelectField>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">{t.rich('distroNote', { code, hidden: withoutDistro, command: SET_DISTRO })}</p>
        {images.isError && <ApiErrorNotice title={t('loadImagesFailed')} error={images.error} />}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t('externalNetwork')} value={v.externalNetworkId} onChange={(e) => set('externalNetworkId', e.target.value)}>
          <option value="">{t('none')}</option>
          {(networks.data ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.name || n.id}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('keypair')} value={v.keypairId} onChange={(e) => set('keypairId', e.target.value)}>
          <option value="">{t('none')}</option>
          {(keypairs.data?.keypairs ?? []).map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <SelectField label={t('masterFlavor')} value={v.masterFlavorId} onChange={(e) => set('masterFlavorId', e.target.value)}>
          <option value="">{t('magnumDefault')}</option>
          <FlavorOptions />
        </SelectField>
        <SelectField label={t('nodeFlavor')} value={v.flavorId} onChange={(e) => set('flavorId', e.target.value)}>
          <option value="">{t('magnumDefault')}</option>
          <FlavorOptions />
        </SelectField>
        <TextField label={t('dockerVolumeSize')} type="number" min={1} {...field('dockerVolumeSize')} />
        <SelectField label={t('networkDriver')} {...field('networkDriver')}>
          <option value="">{t('defaultFor', { coe: v.coe })}</option>
          <ValueOptions values={NETWORK_DRIVERS[v.coe] ?? []} />
        </SelectField>
      </div>
      <TextAreaField
        label={t('labels')}
        className="font-mono"
        rows={3}
        placeholder={t('labelsPlaceholder')}
        hint={t('labelsHint')}
        {...field('labels')}
      />
      {isAdmin && (
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={v.public} onChange={(e) => set('public', e.target.checked)} /> {t('public')}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={v.hidden} onChange={(e) => set('hidden', e.target.checked)} /> {t('hidden')}
          </label>
        </div>
      )}
      <FormFooter
        error={create.error}
        errorTitle={t('refused')}
        cli={clusterTemplateCreateCli(v, { image: imageName, network: networkName })}
        submit={t('title')}
        pendingLabel={t('creating')}
        pending={create.isPending}
        cancelTo="cluster-templates"
      />
    </form>
  );
}
