'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useMemo } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading, ValueOptions, ZoneSelect } from '@/components/resource/form-parts';
import { inputClass, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { useComputeLimits, useComputeZones, useFlavorDetails, useKeypairOptions, useServerGroupOptions } from '@/lib/resources/compute/queries';
import { groupPolicy } from '@/lib/resources/compute/server-group';
import { useVolumeTypes } from '@/lib/resources/volume/queries';
import { useActiveImages } from '@/lib/resources/image/queries';
import { useLaunchSecurityGroups, useNetworks } from '@/lib/resources/network/queries';
import { useVisibleSubnets } from '@/lib/resources/network/floating-ip-queries';
import { defaultImage, networkChoices } from '@/lib/resources/compute/launch-defaults';
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
import { bootFromVolumeBody, explicitVolumeTypes } from '@/lib/resources/volume/volume';

type Values = { name: string; count: string; source: 'image' | 'volume'; imageId: string; volumeSize: string; flavorId: string; networks: string[] | null; keyName: string | null; securityGroups: string[]; userData: string; availabilityZone: string; serverGroup: string; volumeType: string; configDrive: boolean; hints: string };

/** The launch's CLI line; a bootable volume's "Launch instance" boots from that volume. */
const launchLine = (data: ServerCreate, bootVolume: string) => (bootVolume ? launchCli(data).replace(`--image ${bootVolume}`, `--volume ${bootVolume}`) : launchCli(data));

/** cloud-init's marker line, the user data's placeholder (not a sentence). */
const CLOUD_CONFIG = '#cloud-config';

export function LaunchForm() {
  const t = useTranslations('compute.launch');
  const tk = useTranslations('kinds.server');
  const common = useTranslations('common');
  const text = useMsg();
  const router = useRouter();
  const href = useResourceHref();
  const prepend = usePrependRow(def);
  const images = useActiveImages();
  const flavors = useFlavorDetails();
  const networks = useNetworks(60_000);
  const subnets = useVisibleSubnets(60_000);
  const uid = useId();
  const keypairs = useKeypairOptions(60_000);
  const groups = useLaunchSecurityGroups();
  const zones = useComputeZones();
  const limits = useComputeLimits();
  const serverGroups = useServerGroupOptions();
  const volumeTypes = useVolumeTypes();

  // `?image=<id>` comes from an image's "Launch instance": that image is preselected.
  const search = useSearchParams();
  const preselectedImage = search.get('image') ?? '';
  // `?volume=<id>` comes from a bootable volume's "Launch instance": that volume is the root disk, no image.
  const bootVolume = search.get('volume') ?? '';
  const initial: Values = { name: '', count: '1', source: 'image', imageId: preselectedImage, volumeSize: '', flavorId: '', networks: null, keyName: null, securityGroups: ['default'], userData: '', availabilityZone: '', serverGroup: '', volumeType: '', configDrive: false, hints: '' };
  // Field errors show once the user tried to submit, then follow every change. Validates `input` below: the choices with their defaults.
  const form = useZodForm(ServerCreateSchema, initial, {
    live: true,
    // What the text fields hold at submit (read from the page: typed before hydration too) over the derived input.
    input: (now): unknown => ({ ...input, name: now.name, count: now.count, userData: now.userData, hints: now.hints, volumeSize: input.volumeSize === undefined ? undefined : now.volumeSize || input.volumeSize }),
  });
  const { values: v, set, field } = form;

  // Defaults derived from what the cloud offers, until the user chooses.
  const imageList = useMemo(() => images.data ?? [], [images.data]);
  const image = bootVolume ? undefined : imageList.find((i) => i.id === v.imageId) ?? (v.imageId ? undefined : defaultImage(imageList));
  const imageReq = image ? { min_disk: image.min_disk ?? 0, min_ram: image.min_ram ?? 0 } : undefined;
  const flavorList = (flavors.data?.flavors ?? []).filter((f) => !f['OS-FLV-DISABLED:disabled']);
  const flavor = flavorList.find((f) => f.id === v.flavorId) ?? (v.flavorId ? undefined : defaultFlavor(flavorList, imageReq));
  const netChoices = networkChoices(networks.data ?? [], subnets.data ?? []);
  const netList = netChoices.map((c) => c.network);
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
    serverGroup: v.serverGroup,
    volumeType: v.source === 'volume' && !bootVolume ? v.volumeType : '',
    configDrive: v.configDrive,
    hints: v.hints,
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
      cli: (data) => launchLine(data, bootVolume),
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

  // zod's messages and the live checks are catalog keys or Msg values: shown in the page's language.
  const liveText = Object.fromEntries(Object.entries(live).map(([k, m]) => [k, text(m)]));
  const shownErrors: Record<string, string | undefined> = { ...Object.fromEntries(Object.entries(form.errors).map(([k, m]) => [k, text(m)])), ...liveText };
  const loading = images.isPending || flavors.isPending || networks.isPending;

  return (
    <form
      noValidate
      aria-label={t('title')}
      className="max-w-3xl space-y-6"
      onSubmit={form.submit((data) => launch.mutate(data), liveText)}
    >
      <FormHeading title={t('title')} back="instances" backLabel={t('back')} />
      <Quota remaining={remaining} abs={limits.data?.limits.absolute} flavor={flavor} count={Number(v.count) || 0} />
      <fieldset className="grid gap-4 sm:grid-cols-2">
        <legend className="sr-only">{t('nameAndCount')}</legend>
        <TextField label={common('name')} value={v.name} error={shownErrors.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        <TextField label={t('count')} type="number" min={1} value={v.count} error={shownErrors.count} onChange={(e) => set('count', e.target.value)} />
      </fieldset>

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t('bootSource')}</legend>
        {bootVolume ? (
          <p className="text-sm">{t.rich('bootFromVolumeNote', { id: bootVolume, code: (chunks) => <code className="font-mono text-xs">{chunks}</code> })}</p>
        ) : (
          <>
            <div className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="source" checked={v.source === 'image'} onChange={() => set('source', 'image')} /> {t('bootFromImage')}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="source" checked={v.source === 'volume'} onChange={() => set('source', 'volume')} /> {t('bootFromNewVolume')}
              </label>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <SelectField label={tk('columns.image')} value={image?.id ?? ''} error={shownErrors.imageId} onChange={(e) => set('imageId', e.target.value)} disabled={images.isPending}>
                {images.isPending && <option value="">{t('loadingImages')}</option>}
                {imageList.map((i) => (
                  <option key={i.id} value={i.id}>
                    {t('imageOption', { name: i.name ?? i.id, disk: String(i.min_disk ?? 0), ram: String(i.min_ram ?? 0) })}
                  </option>
                ))}
              </SelectField>
              {v.source === 'volume' && (
                <TextField label={t('volumeSize')} type="number" min={1} value={input.volumeSize ?? ''} error={shownErrors.volumeSize} onChange={(e) => set('volumeSize', e.target.value)} />
              )}
              {/* Without Cinder's types (no access, or none), the volume takes the cloud's default type. */}
              {v.source === 'volume' && (volumeTypes.data?.volume_types.length ?? 0) > 0 && (
                <SelectField label={t('volumeType')} value={v.volumeType} onChange={(e) => set('volumeType', e.target.value)}>
                  <option value="">{t('defaultVolumeType')}</option>
                  <ValueOptions values={explicitVolumeTypes(volumeTypes.data?.volume_types ?? [])} />
                </SelectField>
              )}
            </div>
            {images.isError && <ApiErrorNotice title={t('loadImagesFailed')} error={images.error} />}
          </>
        )}
      </fieldset>

      <SelectField label={tk('columns.flavor')} value={flavor?.id ?? ''} error={shownErrors.flavorId} onChange={(e) => set('flavorId', e.target.value)} disabled={flavors.isPending}>
        {flavors.isPending && <option value="">{t('loadingFlavors')}</option>}
        {flavorList.map((f) => (
          <option key={f.id} value={f.id}>
            {t('flavorOption', { name: f.name, vcpus: f.vcpus, ram: f.ram, disk: f.disk })}
          </option>
        ))}
      </SelectField>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t('networks')}</legend>
        {networks.isError && <ApiErrorNotice title={t('loadNetworksFailed')} error={networks.error} />}
        {netList.length === 0 && !networks.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('noNetworks')}</p>}
        {netChoices.map(({ network: n, subnets: subs }) => (
          // The network's name labels the box; its subnets and CIDRs describe it.
          <div key={n.id} className="flex items-start gap-2 text-sm">
            <input
              id={`${uid}-net-${n.id}`}
              type="checkbox"
              className="mt-1"
              aria-describedby={`${uid}-net-${n.id}-subnets`}
              checked={chosenNets.includes(n.id)}
              onChange={(e) => set('networks', e.target.checked ? [...chosenNets, n.id] : chosenNets.filter((x) => x !== n.id))}
            />
            <div>
              <label htmlFor={`${uid}-net-${n.id}`}>
                {n.name || n.id} {n.shared ? <span className="text-xs text-zinc-500 dark:text-zinc-400">{t('shared')}</span> : null}
              </label>
              <span id={`${uid}-net-${n.id}-subnets`} className="flex flex-wrap gap-x-3 text-xs text-zinc-500 dark:text-zinc-400">
                {subs.length ? subs.map((s) => <span key={s.id}>{t('subnetCidr', { name: s.name || s.id.slice(0, 8), cidr: s.cidr })}</span>) : t('noSubnet')}
              </span>
            </div>
          </div>
        ))}
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={tk('columns.keyPair')} value={keyName} onChange={(e) => set('keyName', e.target.value)}>
          <option value="">{t('noKeyPair')}</option>
          <ValueOptions values={keyList} />
        </SelectField>
        <ZoneSelect zones={zones.data?.availabilityZoneInfo} {...field('availabilityZone')} />
      </div>

      <fieldset className="space-y-2">
        <legend className="text-sm font-semibold">{t('securityGroups')}</legend>
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

      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t('scheduling')}</legend>
        <SelectField label={t('serverGroup')} value={v.serverGroup} onChange={(e) => set('serverGroup', e.target.value)}>
          <option value="">{t('noServerGroup')}</option>
          {(serverGroups.data?.server_groups ?? []).map((g) => (
            <option key={g.id} value={g.id}>
              {t('serverGroupOption', { name: g.name || g.id, policy: groupPolicy(g) })}
            </option>
          ))}
        </SelectField>
        <TextAreaField label={t('schedulerHints')} hint={t('schedulerHintsHint')} className="font-mono" rows={2} value={v.hints} error={shownErrors.hints} onChange={(e) => set('hints', e.target.value)} />
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={v.configDrive} onChange={(e) => set('configDrive', e.target.checked)} /> {t('configDrive')}
        </label>
      </fieldset>

      <label className="block space-y-1.5 text-sm">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">{t('userData')}</span>
        <textarea className={`${inputClass} font-mono`} rows={4} value={v.userData} onChange={(e) => set('userData', e.target.value)} placeholder={CLOUD_CONFIG} />
        {shownErrors.userData && <span className="text-sm text-red-600 dark:text-red-400">{shownErrors.userData}</span>}
      </label>

      <FormFooter
        error={launch.error}
        errorTitle={t('refused')}
        cli={parsed.success ? launchLine(parsed.data, bootVolume) : 'openstack server create …'}
        submit={t('submit')}
        pendingLabel={t('launching')}
        pending={launch.isPending}
        disabled={loading}
        cancelTo="instances"
      />
    </form>
  );
}

function Quota({ remaining, abs, flavor, count }: { remaining?: LaunchLimits; abs?: Record<string, number>; flavor?: { vcpus: number; ram: number }; count: number }) {
  const t = useTranslations('compute');
  if (!remaining || !abs) return null;
  const item = (label: string, left: number, max: number | undefined, need: number, mb = false) => {
    const values = { left, max: max ?? '', need, launch: need > 0 ? 'yes' : 'no' };
    return (
      <div className="rounded-md border border-zinc-200 px-3 py-2 dark:border-zinc-800">
        <dt className="text-xs text-zinc-500 dark:text-zinc-400">{label}</dt>
        <dd className={`text-sm font-medium ${need > left ? 'text-red-700 dark:text-red-300' : ''}`}>
          {!Number.isFinite(left) ? t('launch.unlimited') : mb ? t('launch.quotaLeftMb', values) : t('launch.quotaLeft', values)}
        </dd>
      </div>
    );
  };
  return (
    <section aria-label={t('launch.remainingQuota')}>
      <dl className="grid gap-2 sm:grid-cols-3">
        {item(t('quota.labels.instances'), remaining.instances, abs.maxTotalInstances, count)}
        {item(t('quota.labels.cores'), remaining.cores, abs.maxTotalCores, flavor ? flavor.vcpus * count : 0)}
        {item(t('quota.labels.ram'), remaining.ram, abs.maxTotalRAMSize, flavor ? flavor.ram * count : 0, true)}
      </dl>
    </section>
  );
}
