'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading } from '@/components/resource/form-parts';
import { SelectField, TextField } from '@/components/ui/field';
import { clusterCreateCli, ClusterCreateSchema, clusterDefinition } from '@/lib/resources/container-infra/cluster';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { useKeypairOptions } from '@/lib/resources/compute/queries';
import { useTemplates } from '@/lib/resources/container-infra/queries';
import { FlavorOptions } from './parts';

/** Create a cluster from a template (`?template=<uuid>` preselects one); empty choices keep the template's values. */
export function ClusterCreateForm() {
  const t = useTranslations('containerInfra.clusterCreate');
  const tc = useTranslations('common');
  const router = useRouter();
  const href = useResourceHref();
  const search = useSearchParams();
  const form = useZodForm(ClusterCreateSchema, { name: '', templateId: search.get('template') ?? '', masterCount: '1', nodeCount: '1', keypair: '', masterFlavorId: '', flavorId: '', timeout: '60' }, { live: true });
  const { values: v, field } = form;
  const templates = useTemplates();
  const keypairs = useKeypairOptions();
  const create = useCreate(clusterDefinition);
  const template = templates.data?.clustertemplates.find((tpl) => tpl.uuid === v.templateId);

  /** The empty choice: the chosen template's value (or Magnum's default when it has none). */
  const fromTemplate = (x: string | null | undefined) => (!template ? t('fromTemplate') : x ? t('fromTemplateValue', { value: x }) : t('fromTemplateDefault'));

  return (
    <form
      noValidate
      aria-label={t('title')}
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((input) => create.mutate(input, { onSuccess: () => router.push(href('clusters')) }))}
    >
      <FormHeading title={t('title')} back="clusters" backLabel={t('back')} />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tc('name')} {...field('name')} autoComplete="off" />
        <SelectField label={t('template')} {...field('templateId')} disabled={templates.isPending}>
          <option value="">{templates.isPending ? t('loadingTemplates') : t('chooseTemplate')}</option>
          {(templates.data?.clustertemplates ?? []).map((tpl) => (
            <option key={tpl.uuid} value={tpl.uuid}>
              {tpl.name || tpl.uuid} ({tpl.coe})
            </option>
          ))}
        </SelectField>
        <TextField label={t('masterCount')} type="number" min={1} {...field('masterCount')} hint={t('masterCountHint')} />
        <TextField label={t('nodeCount')} type="number" min={1} {...field('nodeCount')} />
        <SelectField label={t('keypair')} {...field('keypair')}>
          <option value="">{fromTemplate(template?.keypair_id)}</option>
          {(keypairs.data?.keypairs ?? []).map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <TextField label={t('timeout')} type="number" min={1} {...field('timeout')} />
        <SelectField label={t('masterFlavor')} {...field('masterFlavorId')}>
          <option value="">{fromTemplate(template?.master_flavor_id)}</option>
          <FlavorOptions />
        </SelectField>
        <SelectField label={t('nodeFlavor')} {...field('flavorId')}>
          <option value="">{fromTemplate(template?.flavor_id)}</option>
          <FlavorOptions />
        </SelectField>
      </div>
      {templates.isError && <ApiErrorNotice title={t('loadTemplatesFailed')} error={templates.error} />}
      <FormFooter error={create.error} errorTitle={t('refused')} cli={clusterCreateCli(v, template?.name ?? undefined)} submit={t('title')} pendingLabel={t('creating')} pending={create.isPending} cancelTo="clusters" />
    </form>
  );
}
