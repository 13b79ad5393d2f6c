'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useMemo } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading, ValueOptions, ZoneSelect } from '@/components/resource/form-parts';
import { inputClass, SelectField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { useComputeLimits, useComputeZones, useFlavorDetails, useKeypairOptions } from '@/lib/resources/compute/queries';
import { useActiveImages } from '@/lib/resources/image/queries';
import { useLaunchSecurityGroups, useNetworks } from '@/lib/resources/network/queries';
import { useOsMutation, usePrependRow } from '@/lib/resources/queries';
import {
  defaultFlavor,
  launchCli,
  launchProblems,
  launchRequest,
  serverDefinition as def,
  ServerCreateSchema,
  remainingQuota,
  type LaunchLimits,
  type ServerCreate,
} from '@/lib/resources/compute/server';
import { bootFromVolumeBody } from '@/lib/resources/volume/volume';

type Values = { name: string; count: string; source: 'image' | 'volume'; imageId: string; volumeSize: string; flavorId: string; networks: string[] | null; keyName: string | null; securityGroups: string[]; userData: string; availabilityZone: string };

export function LaunchForm() {
  const router = useRouter();
  const href = useResourceHref();
  const prepend = usePrependRow(def);
  const images = useActiveImages();
  const flavors = useFlavorDetails();
  const networks = useNetworks(60_000);
  const keypairs = useKeypairOptions(60_000);
  const groups = useLaunchSecurityGroups();
  const zones = useComputeZones();
  const limits = useComputeLimits();

  // `?image=<id>` comes from an image's "Launch instance": that image is preselected.
  const search = useSearchParams();
  const preselectedImage = search.get('image') ?? '';
  // `?volume=<id>` comes from a bootable volume's "Launch instance": that volume is the root disk, no image.
  const bootVolume = search.get('volume') ?? '';
  const initial: Values = { name: '', count: '1', source: 'image', imageId: preselectedImage, volumeSize: '', flavorId: '', networks: null, keyName: null, securityGroups: ['default'], userData: '', availabilityZone: '' };
  // Field errors show once the user tried to submit, then follow every change. Validates `input` below: the choices with their defaults.
  const form = useZodForm(ServerCreateSchema, initial, { live: true, input: (): unknown => input });
  const { values: v, set, field } = form;

  // Defaults derived from what the cloud offers, until the user chooses.
  const imageList = useMemo(() => images.data ?? [], [images.data]);
  const image = bootVolume ? undefined : imageList.find((i) => i.id === v.imageId) ?? (v.imageId ? undefined : (imageList.find((i) => !i.name?.startsWith('fail-')) ?? imageList[0]));
  const imageReq = image ? { min_disk: image.min_disk ?? 0, min_ram: image.min_ram ?? 0 } : undefined;
  const flavorList = (flavors.data?.flavors ?? []).filter((f) => !f['OS-FLV-DISABLED:disabled']);
  const flavor = flavorList.find((f) => f.id === v.flavorId) ?? (v.flavorId ? undefined : defaultFlavor(flavorList, imageReq));
  const netList = (networks.data ?? []).filter((n) => !n['router:external']);
  const defaultNets = netList.length === 1 ? [netList[0].id] : netList.filter((n) => n.name === 'private').map((n) => n.id);
  const chosenNets = v.networks ?? defaultNets;
  const keyList = (keypairs.data?.keypairs ?? []).map((k) => k.name);
  const keyName = v.keyName ?? (keyList.length === 1 ? keyList[0] : '');
  const remaining = remainingQuota(limits.data?.limits.absolute);
  const imageSize = image?.size ? Math.ceil(image.size / 1024 ** 3) : 1;

  const input = {
    name: v.name,
    count: v.count,
    source: bootVolume ? ('image' as const) : v.source,
    imageId: bootVolume || (image?.id ?? ''),
    volumeSize: v.source === 'volume' ? v.volumeSize || String(Math.max(imageSize, image?.min_disk ?? 0, 1)) : undefined,
    flavorId: flavor?.id ?? '',
    networks: chosenNets,
    keyName,
    securityGroups: v.securityGroups,
    userData: v.userData,
    availabilityZone: v.availabilityZone,
  };
  const { parsed } = form;
  const live = parsed.success ? launchProblems(parsed.data, flavor, imageReq, remaining) : launchProblems({ count: Number(v.count), source: v.source }, flavor, imageReq, remaining);

  const launch = useOsMutation(
    def,
    (data: ServerCreate) => {
      const req = launchRequest(data);
      if (bootVolume) req.body = { server: bootFromVolumeBody((req.body as { server: Record<string, unknown> }).server, bootVolume) };
      return req;
    },
    {
      invalidates: ['server', 'limits'],
      onDone: (answer, data) => {
        // The new server appears at once in BUILD (optimistic); polling then follows it to ACTIVE or ERROR.
        const id = (answer as { server?: { id?: string } } | undefined)?.server?.id;
        if (id && data.count === 1) {
          prepend({
            id,
            name: data.name,
            status: 'BUILD',
            'OS-EXT-STS:task_state': 'scheduling',
            flavor: { original_name: flavor?.name, vcpus: flavor?.vcpus, ram: flavor?.ram, disk: flavor?.disk },
            image: data.source === 'image' && !bootVolume ? { id: data.imageId } : '',
            addresses: {},
            key_name: data.keyName || null,
            created: new Date().toISOString(),
          });
        }
        router.push(href('instances'));
      },
    },
  );

  const shownErrors = { ...form.errors, ...live };
  const loading = images.isPending || flavors.isPending || networks.isPending;

  return (
    <form
      noValidate
      aria-label="Launch instance"
      className="max-w-3xl space-y-6"
      onSubmit={form.submit((data) => launch.mutate(data), live)}
    >
      <FormHeading title="Launch instance" back="instances" backLabel="Back to instances" />
      <Quota remaining={remaining} abs={limits.data?.limits.absolute} flavor={flavor} count={Number(v.count) || 0} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">Name and count</legend>
        <TextField label="Name" value={v.name} error={shownErrors.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        <TextField label="Count" type="number" min={1} value={v.count} error={shownErrors.count} onChange={(e) => set('count', e.target.value)} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Boot source</legend>
        {bootVolume ? (
          <p className="text-sm">
            Boot from volume <code className="font-mono text-xs">{bootVolume}</code> (kept when the instance is deleted)
          </p>
        ) : (
          <>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="source" checked={v.source === 'image'} onChange={() => set('source', 'image')} /> Boot from image
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="source" checked={v.source === 'volume'} onChange={() => set('source', 'volume')} /> Boot from a new volume
              </label>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField label="Image" value={image?.id ?? ''} error={shownErrors.imageId} onChange={(e) => set('imageId', e.target.value)} disabled={images.isPending}>
                {images.isPending && <option value="">Loading images…</option>}
                {imageList.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.name ?? i.id}
                    {i.min_disk ? ` (min ${i.min_disk} GB disk)` : ''}
                    {i.min_ram ? ` (min ${i.min_ram} MB RAM)` : ''}
                  </option>
                ))}
              </SelectField>
              {v.source === 'volume' && (
                <TextField label="Volume size (GB)" type="number" min={1} value={input.volumeSize ?? ''} error={shownErrors.volumeSize} onChange={(e) => set('volumeSize', e.target.value)} />
              )}
            </div>
            {images.isError && <ApiErrorNotice title="Could not load images" error={images.error} />}
          </>
        )}
      </fieldset>

      <SelectField label="Flavor" value={flavor?.id ?? ''} error={shownErrors.flavorId} onChange={(e) => set('flavorId', e.target.value)} disabled={flavors.isPending}>
        {flavors.isPending && <option value="">Loading flavors…</option>}
        {flavorList.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}: {f.vcpus} vCPU, {f.ram} MB RAM, {f.disk} GB disk
          </option>
        ))}
      </SelectField>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Networks</legend>
        {networks.isError && <ApiErrorNotice title="Could not load networks" error={networks.error} />}
        {netList.length === 0 && !networks.isPending && <p className="text-sm text-zinc-500">No networks: the instance will have no network interface.</p>}
        {netList.map((n) => (
          <label key={n.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={chosenNets.includes(n.id)}
              onChange={(e) => set('networks', e.target.checked ? [...chosenNets, n.id] : chosenNets.filter((x) => x !== n.id))}
            />
            {n.name || n.id} {n.shared ? <span className="text-xs text-zinc-500">(shared)</span> : null}
          </label>
        ))}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Key pair" value={keyName} onChange={(e) => set('keyName', e.target.value)}>
          <option value="">None</option>
          <ValueOptions values={keyList} />
        </SelectField>
        <ZoneSelect zones={zones.data?.availabilityZoneInfo} {...field('availabilityZone')} />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">Security groups</legend>
        {(groups.data?.security_groups ?? []).map((g) => (
          <label key={g.id} className="flex items-center gap-2 text-sm">
            <input
              type="checkbox"
              checked={v.securityGroups.includes(g.name)}
              onChange={(e) => set('securityGroups', e.target.checked ? [...v.securityGroups, g.name] : v.securityGroups.filter((x) => x !== g.name))}
            />
            {g.name}
          </label>
        ))}
      </fieldset>

      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">User data (cloud-init)</span>
        <textarea className={`${inputClass} font-mono`} rows={4} value={v.userData} onChange={(e) => set('userData', e.target.value)} placeholder="#cloud-config" />
        {shownErrors.userData && <span className="text-sm text-red-600 dark:text-red-400">{shownErrors.userData}</span>}
      </label>

      <FormFooter
        error={launch.error}
        errorTitle="The cloud refused to launch the instance"
        cli={parsed.success ? (bootVolume ? launchCli(parsed.data).replace(`--image ${bootVolume}`, `--volume ${bootVolume}`) : launchCli(parsed.data)) : 'openstack server create …'}
        submit="Launch"
        pendingLabel="Launching…"
        pending={launch.isPending}
        disabled={loading}
        cancelTo="instances"
      />
    </form>
  );
}

function Quota({ remaining, abs, flavor, count }: { remaining?: LaunchLimits; abs?: Record<string, number>; flavor?: { vcpus: number; ram: number }; count: number }) {
  if (!remaining || !abs) return null;
  const item = (label: string, left: number, max: number | undefined, need: number, unit = '') => (
    <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
      <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className={`text-sm font-medium ${need > left ? 'text-red-700 dark:text-red-300' : ''}`}>
        {Number.isFinite(left) ? `${left}${unit} of ${max}${unit} left` : 'Unlimited'}
        {need > 0 && Number.isFinite(left) ? ` · this launch: ${need}${unit}` : ''}
      </dd>
    </div>
  );
  return (
    <section aria-label="Remaining quota">
      <dl className="grid gap-2 sm:grid-cols-3">
        {item('Instances', remaining.instances, abs.maxTotalInstances, count)}
        {item('vCPUs', remaining.cores, abs.maxTotalCores, flavor ? flavor.vcpus * count : 0)}
        {item('RAM', remaining.ram, abs.maxTotalRAMSize, flavor ? flavor.ram * count : 0, ' MB')}
      </dl>
    </section>
  );
}
