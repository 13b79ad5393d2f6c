'use client';

import { useRouter } from 'next/navigation';
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
import { useKeypairOptions } from '@/lib/resources/compute/queries';
import { useActiveImages } from '@/lib/resources/image/queries';
import { useExternalNetworks } from '@/lib/resources/network/queries';
import { FlavorOptions } from './parts';

const DEFAULTS = {
  name: '', coe: 'kubernetes', imageId: '', keypairId: '', externalNetworkId: '', masterFlavorId: '', flavorId: '',
  dockerVolumeSize: '', networkDriver: '', labels: '', public: false, hidden: false,
};

/** Create a cluster template: the image must carry os_distro (Magnum picks its driver from it), pickers from Glance, Neutron, Nova. */
export function ClusterTemplateCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  const form = useZodForm(ClusterTemplateCreateSchema, DEFAULTS, { live: true });
  const { values: v, set, errors } = form;
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
      aria-label="Create cluster template"
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((input) => create.mutate(input, { onSuccess: () => router.push(href('cluster-templates')) }))}
    >
      <FormHeading title="Create cluster template" back="cluster-templates" backLabel="Back to cluster templates" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" {...form.field('name')} autoComplete="off" />
        <SelectField label="Container orchestration engine" value={v.coe} error={errors.coe} onChange={(e) => form.setValues((o) => ({ ...o, coe: e.target.value, networkDriver: '' }))}>
          <ValueOptions values={COES} />
        </SelectField>
      </div>
      <div className="space-y-1.5">
        <SelectField label="Image" {...form.field('imageId')} disabled={images.isPending}>
          <option value="">{images.isPending ? 'Loading images…' : 'Choose an image'}</option>
          {withDistro.map((i) => (
            <option key={i.id} value={i.id}>
              {i.name ?? i.id} (os_distro {i.os_distro})
            </option>
          ))}
        </SelectField>
        <p className="text-xs text-zinc-500 dark:text-zinc-400">
          Magnum chooses its cluster driver from the image&apos;s <code className="font-mono">os_distro</code> property (for Kubernetes:{' '}
          <code className="font-mono">fedora-coreos</code>) and refuses images without it, so only images that have one are listed
          {withoutDistro > 0 ? ` (${withoutDistro} without it hidden)` : ''}. Set it with <code className="font-mono">openstack image set --property os_distro=fedora-coreos &lt;image&gt;</code>.
        </p>
        {images.isError && <ApiErrorNotice title="Could not load images" error={images.error} />}
      </div>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="External network" value={v.externalNetworkId} onChange={(e) => set('externalNetworkId', e.target.value)}>
          <option value="">None</option>
          {(networks.data ?? []).map((n) => (
            <option key={n.id} value={n.id}>
              {n.name || n.id}
            </option>
          ))}
        </SelectField>
        <SelectField label="Key pair" value={v.keypairId} onChange={(e) => set('keypairId', e.target.value)}>
          <option value="">None</option>
          {(keypairs.data?.keypairs ?? []).map((k) => (
            <option key={k.name} value={k.name}>
              {k.name}
            </option>
          ))}
        </SelectField>
        <SelectField label="Master flavor" value={v.masterFlavorId} onChange={(e) => set('masterFlavorId', e.target.value)}>
          <option value="">Magnum&apos;s default</option>
          <FlavorOptions />
        </SelectField>
        <SelectField label="Node flavor" value={v.flavorId} onChange={(e) => set('flavorId', e.target.value)}>
          <option value="">Magnum&apos;s default</option>
          <FlavorOptions />
        </SelectField>
        <TextField label="Docker volume size (GB)" type="number" min={1} {...form.field('dockerVolumeSize')} />
        <SelectField label="Network driver" {...form.field('networkDriver')}>
          <option value="">Default for {v.coe}</option>
          <ValueOptions values={NETWORK_DRIVERS[v.coe] ?? []} />
        </SelectField>
      </div>
      <TextAreaField
        label="Labels"
        className="font-mono"
        rows={3}
        placeholder={'kube_tag=v1.23.3-rancher1\ncontainer_runtime=containerd'}
        hint="key=value pairs, one a line or separated by commas."
        {...form.field('labels')}
      />
      {isAdmin && (
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={v.public} onChange={(e) => set('public', e.target.checked)} /> Public (every project sees it)
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={v.hidden} onChange={(e) => set('hidden', e.target.checked)} /> Hidden
          </label>
        </div>
      )}
      <FormFooter
        error={create.error}
        errorTitle="The cloud refused to create the cluster template"
        cli={clusterTemplateCreateCli(v, { image: imageName, network: networkName })}
        submit="Create cluster template"
        pendingLabel="Creating…"
        pending={create.isPending}
        cancelTo="cluster-templates"
      />
    </form>
  );
}
