'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading, ValueOptions, ZoneSelect } from '@/components/resource/form-parts';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { useActiveImages } from '@/lib/resources/image/queries';
import { useOsMutation, usePrependRow } from '@/lib/resources/queries';
import { volumeCreateCli, volumeCreateProblems, volumeCreateRequest, VolumeCreateSchema, volumeDefinition, VolumeSchema } from '@/lib/resources/volume/volume';
import { CINDER, STORAGE_CHANGES, useAvailableSnapshots, useVolumeLimits, useVolumeTypes, useVolumeZones } from '@/lib/resources/volume/queries';

type Source = 'empty' | 'image' | 'snapshot';
interface Values {
  name: string;
  description: string;
  source: Source;
  imageId: string;
  snapshotId: string;
  size: string;
  volumeType: string;
  availabilityZone: string;
}

const GB = 1024 ** 3;

/** Create a volume: empty, from an image or from a snapshot (`?snapshot=<id>` / `?image=<id>` preselect one). */
export function VolumeCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const search = useSearchParams();
  const prepend = usePrependRow(volumeDefinition);
  const preSnapshot = search.get('snapshot') ?? '';
  const preImage = search.get('image') ?? '';
  const initial: Values = {
    name: '', description: '', source: preSnapshot ? 'snapshot' : preImage ? 'image' : 'empty', imageId: preImage, snapshotId: preSnapshot,
    size: '', volumeType: '', availabilityZone: '',
  };
  // Validates `input` below: the values with the size the source implies.
  const form = useZodForm(VolumeCreateSchema, initial, { live: true, input: (): unknown => input });
  const { values: v, set, field } = form;

  const limits = useVolumeLimits();
  const types = useVolumeTypes();
  const zones = useVolumeZones();
  const images = useActiveImages({ enabled: v.source === 'image' });
  const snapshots = useAvailableSnapshots(v.source === 'snapshot');

  const snapshot = snapshots.data?.find((s) => s.id === v.snapshotId);
  const image = images.data?.find((i) => i.id === v.imageId);
  const imageMinGb = image ? Math.max(1, image.min_disk ?? 0, Math.ceil((image.size ?? 0) / GB)) : undefined;
  // An empty size follows the source: the snapshot's size or what the image needs.
  const size = v.size || (v.source === 'snapshot' && snapshot ? String(snapshot.size) : v.source === 'image' && imageMinGb ? String(imageMinGb) : '');
  const input = { ...v, size };
  const { parsed } = form;
  const live = volumeCreateProblems({ size: Number(size), source: v.source }, { remainingGb: limits.remaining, snapshotSize: snapshot?.size, imageMinGb });
  const shown = { ...form.errors, ...live };

  const create = useOsMutation(CINDER, volumeCreateRequest, {
    invalidates: STORAGE_CHANGES,
    onDone: (body) => {
      const r = VolumeSchema.safeParse((body as { volume?: unknown } | undefined)?.volume);
      // The new volume shows at once in `creating`; polling follows it to available or error.
      if (r.success) prepend(r.data);
      router.push(href('volumes'));
    },
  });

  return (
    <form
      noValidate
      aria-label="Create volume"
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((data) => create.mutate(data), live)}
    >
      <FormHeading title="Create volume" back="volumes" backLabel="Back to volumes" />
      <section aria-label="Remaining quota" className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        {limits.isPending ? (
          'Loading quota…'
        ) : limits.abs ? (
          <>
            Gigabytes:{' '}
            <span className="font-medium">
              {limits.remaining === undefined ? 'unlimited' : `${limits.remaining} GB of ${limits.abs.maxTotalVolumeGigabytes} GB left`}
            </span>
            {limits.abs.maxTotalVolumes !== undefined && limits.abs.maxTotalVolumes >= 0 && (
              <>
                {' '}
                · Volumes: <span className="font-medium">{limits.abs.maxTotalVolumes - (limits.abs.totalVolumesUsed ?? 0)} of {limits.abs.maxTotalVolumes} left</span>
              </>
            )}
          </>
        ) : (
          <ApiErrorNotice title="Could not load the quota" error={limits.error} />
        )}
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Name" value={v.name} error={shown.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        <TextField label="Size (GB)" type="number" min={1} value={size} error={shown.size} onChange={(e) => set('size', e.target.value)} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">Source</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ['empty', 'Empty volume'],
              ['image', 'From an image'],
              ['snapshot', 'From a snapshot'],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="source" checked={v.source === value} onChange={() => set('source', value)} /> {label}
            </label>
          ))}
        </div>
        {v.source === 'image' && (
          <SelectField label="Image" value={v.imageId} error={shown.imageId} onChange={(e) => set('imageId', e.target.value)} disabled={images.isPending}>
            <option value="">{images.isPending ? 'Loading images…' : 'Choose an image'}</option>
            {(images.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.name ?? i.id}
                {i.min_disk ? ` (min ${i.min_disk} GB)` : ''}
              </option>
            ))}
          </SelectField>
        )}
        {v.source === 'snapshot' && (
          <SelectField label="Snapshot" value={v.snapshotId} error={shown.snapshotId} onChange={(e) => set('snapshotId', e.target.value)} disabled={snapshots.isPending}>
            <option value="">{snapshots.isPending ? 'Loading snapshots…' : 'Choose a snapshot'}</option>
            {v.snapshotId && !snapshots.isPending && !snapshot && <option value={v.snapshotId}>{v.snapshotId}</option>}
            {(snapshots.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || s.id} ({s.size} GB)
              </option>
            ))}
          </SelectField>
        )}
        {images.isError && <ApiErrorNotice title="Could not load images" error={images.error} />}
        {snapshots.isError && <ApiErrorNotice title="Could not load snapshots" error={snapshots.error} />}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Volume type" {...field('volumeType')}>
          <option value="">Default</option>
          <ValueOptions values={(types.data?.volume_types ?? []).map((t) => t.name)} />
        </SelectField>
        <ZoneSelect zones={zones.data?.availabilityZoneInfo} {...field('availabilityZone')} />
      </div>
      <TextAreaField label="Description" rows={3} value={v.description} error={shown.description} onChange={(e) => set('description', e.target.value)} />
      <FormFooter
        error={create.error}
        errorTitle="The cloud refused to create the volume"
        cli={volumeCreateCli(parsed.success ? parsed.data : { ...v, size: Number(size) || undefined })}
        submit="Create volume"
        pendingLabel="Creating…"
        pending={create.isPending}
        cancelTo="volumes"
      />
    </form>
  );
}
