'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField, TextField } from '@/components/ui/field';
import { clusterCreateCli, ClusterCreateSchema, clusterDefinition } from '@/lib/resources/container-infra/cluster';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { fieldErrors } from '@/lib/resources/schema';
import { useKeypairs, useTemplates } from './data';
import { FlavorOptions, FormHeading } from './parts';

/** Create a cluster from a template (`?template=<uuid>` preselects one); empty choices keep the template's values. */
export function ClusterCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const search = useSearchParams();
  const [v, setV] = useState({ name: '', templateId: search.get('template') ?? '', masterCount: '1', nodeCount: '1', keypair: '', masterFlavorId: '', flavorId: '', timeout: '60' });
  const [submitted, setSubmitted] = useState(false);
  const set = (k: keyof typeof v, val: string) => setV((o) => ({ ...o, [k]: val }));
  const templates = useTemplates();
  const keypairs = useKeypairs();
  const create = useCreate(clusterDefinition);
  const template = templates.data?.clustertemplates.find((t) => t.uuid === v.templateId);

  const parsed = ClusterCreateSchema.safeParse(v);
  const errors = submitted && !parsed.success ? fieldErrors(parsed.error) : {};
  const fromTemplate = (x: string | null | undefined) => (template ? `Template's (${x || 'Magnum default'})` : "Template's");

  return (
    <form
      noValidate
      aria-label="Create cluster"
      className="max-w-2xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!parsed.success) return;
        create.mutate(parsed.data, { onSuccess: () => router.push(href('clusters')) });
      }}
    >
      <FormHeading title="Create cluster" back="clusters" backLabel="Back to clusters" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" value={v.name} error={errors.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        <SelectField label="Cluster template" value={v.templateId} error={errors.templateId} onChange={(e) => set('templateId', e.target.value)} disabled={templates.isPending}>
          <option value="">{templates.isPending ? 'Loading templates…' : 'Choose a template'}</option>
          {(templates.data?.clustertemplates ?? []).map((t) => (
            <option key={t.uuid} value={t.uuid}>
              {t.name || t.uuid} ({t.coe})
            </option>
          ))}
        </SelectField>
        <TextField label="Master count" type="number" min={1} value={v.masterCount} error={errors.masterCount} onChange={(e) => set('masterCount', e.target.value)} hint="More than 1 needs a template with a master load balancer." />
        <TextField label="Node count" type="number" min={1} value={v.nodeCount} error={errors.nodeCount} onChange={(e) => set('nodeCount', e.target.value)} />
        <SelectField label="Key pair" value={v.keypair} onChange={(e) => set('keypair', e.target.value)}>
          <option value="">{fromTemplate(template?.keypair_id)}</option>
          {(keypairs.data?.keypairs ?? []).map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <TextField label="Create timeout (minutes)" type="number" min={1} value={v.timeout} error={errors.timeout} onChange={(e) => set('timeout', e.target.value)} />
        <SelectField label="Master flavor" value={v.masterFlavorId} onChange={(e) => set('masterFlavorId', e.target.value)}>
          <option value="">{fromTemplate(template?.master_flavor_id)}</option>
          <FlavorOptions />
        </SelectField>
        <SelectField label="Node flavor" value={v.flavorId} onChange={(e) => set('flavorId', e.target.value)}>
          <option value="">{fromTemplate(template?.flavor_id)}</option>
          <FlavorOptions />
        </SelectField>
      </div>
      {templates.isError && <ApiErrorNotice title="Could not load cluster templates" error={templates.error} />}
      {create.isError && <ApiErrorNotice title="The cloud refused to create the cluster" error={create.error} />}
      <CliHint>{clusterCreateCli(v, template?.name ?? undefined)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create cluster'}
        </button>
        <Link href={href('clusters')} className={buttonClass.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
