'use client';

import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass, SelectField, TextField } from '@/components/ui/field';
import { useIsAdmin } from '@/components/shell/session-context';
import {
  clusterTemplateCreateCli,
  ClusterTemplateCreateSchema,
  clusterTemplateDefinition,
  COES,
  NETWORK_DRIVERS,
} from '@/lib/resources/container-infra/cluster-template';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { fieldErrors } from '@/lib/resources/schema';
import { useExternalNetworks, useImages, useKeypairs } from './data';
import { FlavorOptions, FormHeading } from './parts';

const DEFAULTS = {
  name: '', coe: 'kubernetes', imageId: '', keypairId: '', externalNetworkId: '', masterFlavorId: '', flavorId: '',
  dockerVolumeSize: '', networkDriver: '', labels: '', public: false, hidden: false,
};

/** Create a cluster template: the image must carry os_distro (Magnum picks its driver from it), pickers from Glance, Neutron, Nova. */
export function ClusterTemplateCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  const [v, setV] = useState(DEFAULTS);
  const [submitted, setSubmitted] = useState(false);
  const set = <K extends keyof typeof DEFAULTS>(k: K, val: (typeof DEFAULTS)[K]) => setV((o) => ({ ...o, [k]: val }));
  const images = useImages();
  const networks = useExternalNetworks();
  const keypairs = useKeypairs();
  const create = useCreate(clusterTemplateDefinition);

  const parsed = ClusterTemplateCreateSchema.safeParse(v);
  const errors = submitted && !parsed.success ? fieldErrors(parsed.error) : {};
  const withDistro = (images.data?.images ?? []).filter((i) => i.os_distro);
  const withoutDistro = (images.data?.images ?? []).length - withDistro.length;
  const imageName = images.data?.images.find((i) => i.id === v.imageId)?.name ?? undefined;
  const networkName = networks.data?.networks.find((n) => n.id === v.externalNetworkId)?.name ?? undefined;

  return (
    <form
      noValidate
      aria-label="Create cluster template"
      className="max-w-2xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        setSubmitted(true);
        if (!parsed.success) return;
        create.mutate(parsed.data, { onSuccess: () => router.push(href('cluster-templates')) });
      }}
    >
      <FormHeading title="Create cluster template" back="cluster-templates" backLabel="Back to cluster templates" />
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" value={v.name} error={errors.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        <SelectField label="Container orchestration engine" value={v.coe} error={errors.coe} onChange={(e) => setV((o) => ({ ...o, coe: e.target.value, networkDriver: '' }))}>
          {COES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      <div className="space-y-1.5">
        <SelectField label="Image" value={v.imageId} error={errors.imageId} onChange={(e) => set('imageId', e.target.value)} disabled={images.isPending}>
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
          {(networks.data?.networks ?? []).map((n) => (
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
        <TextField label="Docker volume size (GB)" type="number" min={1} value={v.dockerVolumeSize} error={errors.dockerVolumeSize} onChange={(e) => set('dockerVolumeSize', e.target.value)} />
        <SelectField label="Network driver" value={v.networkDriver} error={errors.networkDriver} onChange={(e) => set('networkDriver', e.target.value)}>
          <option value="">Default for {v.coe}</option>
          {(NETWORK_DRIVERS[v.coe] ?? []).map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </SelectField>
      </div>
      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">Labels</span>
        <textarea
          className={`${inputClass} font-mono`}
          rows={3}
          placeholder={'kube_tag=v1.23.3-rancher1\ncontainer_runtime=containerd'}
          value={v.labels}
          aria-invalid={errors.labels ? true : undefined}
          onChange={(e) => set('labels', e.target.value)}
        />
        <span className="block text-xs text-zinc-500 dark:text-zinc-400">key=value pairs, one a line or separated by commas.</span>
        {errors.labels && <span className="block text-sm text-red-600 dark:text-red-400">{errors.labels}</span>}
      </label>
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
      {create.isError && <ApiErrorNotice title="The cloud refused to create the cluster template" error={create.error} />}
      <CliHint>{clusterTemplateCreateCli(v, { image: imageName, network: networkName })}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          {create.isPending ? 'Creating…' : 'Create cluster template'}
        </button>
        <Link href={href('cluster-templates')} className={buttonClass.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
