'use client';

import { useRouter, useSearchParams } from 'next/navigation';
import type { ReactNode } from 'react';
import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { FormFooter, FormHeading, ValueOptions, ZoneSelect } from '@/components/resource/form-parts';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { useActiveImages } from '@/lib/resources/image/queries';
import { useOsMutation, usePrependRow } from '@/lib/resources/queries';
import { explicitVolumeTypes, volumeCreateCli, volumeCreateProblems, volumeCreateRequest, VolumeCreateSchema, volumeDefinition, VolumeSchema } from '@/lib/resources/volume/volume';
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

/** The quota's figures, emphasised. */
const b = (chunks: ReactNode) => <span className="font-medium">{chunks}</span>;

/** Create a volume: empty, from an image or from a snapshot (`?snapshot=<id>` / `?image=<id>` preselect one). */
export function VolumeCreateForm() {
  const t = useTranslations('volume.create');
  const tc = useTranslations('common');
  const m = useMsg();
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
  const form = useZodForm(VolumeCreateSchema, initial, { live: true, input: (now): unknown => ({ ...input, ...now, size: now.size || input.size }) });
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
  // The checks outside the schema word their problems as Msg values, shown in the page's language like the schema's.
  const live = Object.fromEntries(
    Object.entries(volumeCreateProblems({ size: Number(size), source: v.source }, { remainingGb: limits.remaining, snapshotSize: snapshot?.size, imageMinGb })).map(([k, p]) => [k, m(p)]),
  );
  const shown: Record<string, string | undefined> = { ...form.errors, ...live };

  const create = useOsMutation(CINDER, volumeCreateRequest, {
    invalidates: STORAGE_CHANGES,
    cli: volumeCreateCli,
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
      aria-label={t('title')}
      className="max-w-2xl space-y-5"
      onSubmit={form.submit((data) => create.mutate(data), live)}
    >
      <FormHeading title={t('title')} back="volumes" backLabel={t('back')} />
      <section aria-label={t('quota')} className="rounded-md border border-zinc-200 px-3 py-2 text-sm dark:border-zinc-800">
        {limits.isPending ? (
          t('loadingQuota')
        ) : limits.abs ? (
          <>
            {limits.remaining === undefined
              ? t.rich('gigabytesUnlimited', { b })
              : t.rich('gigabytesLeft', { b, left: limits.remaining, max: limits.abs.maxTotalVolumeGigabytes })}
            {limits.abs.maxTotalVolumes !== undefined && limits.abs.maxTotalVolumes >= 0 && (
              <>
                {' '}
                {t.rich('volumesLeft', { b, left: limits.abs.maxTotalVolumes - (limits.abs.totalVolumesUsed ?? 0), max: limits.abs.maxTotalVolumes })}
              </>
            )}
          </>
        ) : (
          <ApiErrorNotice title={t('loadQuotaFailed')} error={limits.error} />
        )}
      </section>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label={tc('name')} value={v.name} error={shown.name} onChange={(e) => set('name', e.target.value)} autoComplete="off" />
        <TextField label={t('sizeGb')} type="number" min={1} value={size} error={shown.size} onChange={(e) => set('size', e.target.value)} />
      </div>
      <fieldset className="space-y-3">
        <legend className="text-sm font-semibold">{t('source')}</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          {(
            [
              ['empty', t('sourceEmpty')],
              ['image', t('sourceImage')],
              ['snapshot', t('sourceSnapshot')],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="flex items-center gap-2">
              <input type="radio" name="source" checked={v.source === value} onChange={() => set('source', value)} /> {label}
            </label>
          ))}
        </div>
        {v.source === 'image' && (
          <SelectField label={t('image')} value={v.imageId} error={shown.imageId} onChange={(e) => set('imageId', e.target.value)} disabled={images.isPending}>
            <option value="">{images.isPending ? t('loadingImages') : t('chooseImage')}</option>
            {(images.data ?? []).map((i) => (
              <option key={i.id} value={i.id}>
                {i.min_disk ? t('imageOption', { name: i.name ?? i.id, size: i.min_disk }) : (i.name ?? i.id)}
              </option>
            ))}
          </SelectField>
        )}
        {v.source === 'snapshot' && (
          <SelectField label={t('snapshot')} value={v.snapshotId} error={shown.snapshotId} onChange={(e) => set('snapshotId', e.target.value)} disabled={snapshots.isPending}>
            <option value="">{snapshots.isPending ? t('loadingSnapshots') : t('chooseSnapshot')}</option>
            {v.snapshotId && !snapshots.isPending && !snapshot && <option value={v.snapshotId}>{v.snapshotId}</option>}
            {(snapshots.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {t('snapshotOption', { name: s.name || s.id, size: s.size })}
              </option>
            ))}
          </SelectField>
        )}
        {images.isError && <ApiErrorNotice title={t('loadImagesFailed')} error={images.error} />}
        {snapshots.isError && <ApiErrorNotice title={t('loadSnapshotsFailed')} error={snapshots.error} />}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label={t('volumeType')} {...field('volumeType')}>
          <option value="">{t('defaultType')}</option>
          <ValueOptions values={explicitVolumeTypes(types.data?.volume_types ?? [])} />
        </SelectField>
        <ZoneSelect zones={zones.data?.availabilityZoneInfo} {...field('availabilityZone')} />
      </div>
      <TextAreaField label={tc('description')} rows={3} value={v.description} error={shown.description} onChange={(e) => set('description', e.target.value)} />
      <FormFooter
        error={create.error}
        errorTitle={t('refused')}
        cli={volumeCreateCli(parsed.success ? parsed.data : { ...v, size: Number(size) || undefined })}
        submit={t('title')}
        pendingLabel={t('creating')}
        pending={create.isPending}
        cancelTo="volumes"
      />
    </form>
  );
}
