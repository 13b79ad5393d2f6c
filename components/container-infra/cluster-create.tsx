'use client';

import { useRouter, useSearchParams } from 'next/navigation';
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
  const router = useRouter();
  const href = useResourceHref();
  const search = useSearchParams();
  const form = useZodForm(ClusterCreateSchema, { name: '', templateId: search.get('template') ?? '', masterCount: '1', nodeCount: '1', keypair: '', masterFlavorId: '', flavorId: '', timeout: '60' }, { live: true });
  const { values: v, field } = form;
  const templates = useTemplates();
  const keypairs = useKeypairOptions();
  const create = useCreate(clusterDefinition);
  const template = templates.data?.clustertemplates.find((t) => t.uuid === v.templateId);

  const fromTemplate = (x: string | null | undefined) => (template ? `Template's (${x || 'Magnum default'})` : "Template's");

  return (
    <form
      noValidate
      aria-label="Create cluster"
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((input) => create.mutate(input, { onSuccess: () => router.push(href('clusters')) }))}
    >
      <FormHeading title="Create cluster" back="clusters" backLabel="Back to clusters" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" {...field('name')} autoComplete="off" />
        <SelectField label="Cluster template" {...field('templateId')} disabled={templates.isPending}>
          <option value="">{templates.isPending ? 'Loading templates…' : 'Choose a template'}</option>
          {(templates.data?.clustertemplates ?? []).map((t) => (
            <option key={t.uuid} value={t.uuid}>
              {t.name || t.uuid} ({t.coe})
            </option>
          ))}
        </SelectField>
        <TextField label="Master count" type="number" min={1} {...field('masterCount')} hint="More than 1 needs a template with a master load balancer." />
        <TextField label="Node count" type="number" min={1} {...field('nodeCount')} />
        <SelectField label="Key pair" {...field('keypair')}>
          <option value="">{fromTemplate(template?.keypair_id)}</option>
          {(keypairs.data?.keypairs ?? []).map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Create timeout (minutes)" type="number" min={1} {...field('timeout')} />
        <SelectField label="Master flavor" {...field('masterFlavorId')}>
          <option value="">{fromTemplate(template?.master_flavor_id)}</option>
          <FlavorOptions />
        </SelectField>
        <SelectField label="Node flavor" {...field('flavorId')}>
          <option value="">{fromTemplate(template?.flavor_id)}</option>
          <FlavorOptions />
        </SelectField>
      </div>
      {templates.isError && <ApiErrorNotice title="Could not load cluster templates" error={templates.error} />}
      <FormFooter error={create.error} errorTitle="The cloud refused to create the cluster" cli={clusterCreateCli(v, template?.name ?? undefined)} submit="Create cluster" pendingLabel="Creating…" pending={create.isPending} cancelTo="clusters" />
    </form>
  );
}
