'use client';

import Link from '@/components/ui/intent-link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { InlineForm, ValueOptions } from '@/components/resource/form-parts';
import { SubTable } from '@/components/resource/sub-list';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useServersOfImage } from '@/lib/resources/compute/queries';
import { serverStatus } from '@/lib/resources/compute/server';
import { useResourceHref, useUpdate } from '@/lib/resources/hooks';
import { editCli, ImageEditSchema, imagePatch, imageProperties, parseProperties, patchRequest, propertiesText, VISIBILITIES, type Image } from '@/lib/resources/image/image';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { panelCli } from '@/lib/resources/row-menu';
import { useImageDefinition } from './use-image-definition';
import { command } from '@/lib/resources/cli';

/** An example of the properties' text (data, not words). */
const PROPERTIES_EXAMPLE = 'os_distro=ubuntu';

export function ImageDetail({ id }: { id: string }) {
  const t = useTranslations('image.detail');
  const def = useImageDefinition();
  return (
    <ResourceDetail
      def={def}
      id={id}
      overviewExtra={(i) => <Properties image={i} />}
      extraActions={(i) => <ExtraActions image={i} />}
      tabs={[{ id: 'instances', label: t('instancesTab'), render: (i) => <Instances image={i} />, cli: (i) => command('openstack', 'server', 'list', '--image', i.id) }]}
    />
  );
}

function Properties({ image }: { image: Image }) {
  const t = useTranslations('image.detail');
  const props = imageProperties(image);
  return (
    <section aria-labelledby="props-heading" className="space-y-2">
      <h2 id="props-heading" className="text-sm font-semibold">
        {t('properties')}
      </h2>
      {props.length ? (
        <SubTable
          label={t('properties')}
          rows={props}
          rowKey={([k]) => k}
          empty=""
          columns={[
            { label: t('property'), mono: true, cell: ([k]) => k },
            { label: t('value'), mono: true, cell: ([, v]) => <span className="break-all">{v}</span> },
          ]}
        />
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('noProperties')}</p>
      )}
    </section>
  );
}

/** The image's buttons; Edit opens its form below the toolbar's row (and from a list row's menu, `?open=edit`). */
function ExtraActions({ image }: { image: Image }) {
  const t = useTranslations('image.detail');
  const tc = useTranslations('common');
  const href = useResourceHref();
  const def = useImageDefinition();
  // A CLI line (never translated) as the tooltip.
  const launchCli = `openstack server create --image ${image.id} ...`;
  return (
    <>
      <PanelToggle id="edit" label={tc('edit')} cli={panelCli(def, 'edit', image)} />
      {image.status === 'active' && (
        <Link href={href('instances', 'new', `image=${encodeURIComponent(image.id)}`)} className={buttonClass.secondary} title={launchCli}>
          {t('launchInstance')}
        </Link>
      )}
      <ToolbarPanel id="edit">{(close) => <EditForm image={image} onDone={close} />}</ToolbarPanel>
    </>
  );
}

type EditValues = { name: string; visibility: string; protected: boolean; min_disk: string; min_ram: string; properties: string };

function EditForm({ image, onDone }: { image: Image; onDone: () => void }) {
  const t = useTranslations('image');
  const tc = useTranslations('common');
  const m = useMsg();
  const def = useImageDefinition();
  const isAdmin = useIsAdmin();
  const update = useUpdate(def);
  const form = useZodForm(ImageEditSchema, (): EditValues => ({
    name: image.name ?? '',
    visibility: image.visibility,
    protected: image.protected,
    min_disk: String(image.min_disk ?? 0),
    min_ram: String(image.min_ram ?? 0),
    properties: propertiesText(image),
  }));
  const { values: v, set, field, parsed } = form;
  const [note, setNote] = useState(false);
  // The schema's message takes no values: the field shows parseProperties' problem, which names the line.
  const properties = field('properties');
  const propertiesProblem = parseProperties(v.properties);
  const propertiesError = properties.error && !propertiesProblem.ok ? m(propertiesProblem.error) : properties.error;
  const ops = parsed.success ? imagePatch(image, parsed.data) : [];
  // Publicizing is an admin-only policy in Glance; keep the current value selectable.
  const visibilities = VISIBILITIES.filter((x) => x !== 'public' || isAdmin || image.visibility === 'public');

  return (
    <InlineForm
      label={t('detail.editImage')}
      className="mt-2 max-w-2xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      error={update.error}
      errorTitle={t('detail.updateFailed')}
      cli={ops.length ? editCli(image, ops) : `openstack image set ... ${image.id}`}
      submit={t('detail.saveChanges')}
      pending={update.isPending}
      onCancel={onDone}
      onSubmit={(e) => {
        setNote(false);
        void form.submit(async (input) => {
          const patch = imagePatch(image, input);
          if (!patch.length) return setNote(true);
          await update.mutateAsync({ row: image, request: patchRequest(image.id, patch), cli: editCli(image, patch) });
          onDone();
        })(e);
      }}
    >
      <h2 className="text-lg font-semibold">{t('detail.editImage')}</h2>
      <TextField label={tc('name')} {...field('name')} />
      <SelectField label={m('kinds.image.fields.visibility')} {...field('visibility')}>
        <ValueOptions values={visibilities} />
      </SelectField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.protected} onChange={(e) => set('protected', e.target.checked)} />
        {t('protected')}
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label={m('kinds.image.fields.minDiskGb')} type="number" min={0} {...field('min_disk')} />
        <TextField label={m('kinds.image.fields.minRamMb')} type="number" min={0} {...field('min_ram')} />
      </div>
      <TextAreaField label={t('detail.propertiesField')} className="font-mono" rows={6} placeholder={PROPERTIES_EXAMPLE} {...properties} error={propertiesError} />
      {note && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {t('detail.nothingChanged')}
        </p>
      )}
    </InlineForm>
  );
}

/** Servers booted from the image: Nova filters by image id (only this project's servers, or all for admins). */
function Instances({ image }: { image: Image }) {
  const t = useTranslations('image.detail');
  const tc = useTranslations('common');
  const format = useFormatter();
  const q = useServersOfImage(image.id);
  if (q.isError) return <ApiErrorNotice title={t('loadInstancesFailed')} error={q.error} />;
  return (
    <div className="space-y-2">
      <SubTable
        label={t('instancesFromImage')}
        busy={q.isPending}
        rows={q.data}
        rowKey={(s) => s.id}
        empty={t('noInstances')}
        columns={[
          { label: tc('name'), link: (s) => ({ slug: 'instances', id: s.id }), cell: (s) => s.name || s.id },
          { label: tc('status'), cell: (s) => <StatusBadge status={serverStatus(s)} /> },
          { label: tc('created'), cell: (s) => dateTime(format, s.created) },
        ]}
      />
    </div>
  );
}

/** A date of the API (ISO 8601) in the page's language; empty when there is none. */
function dateTime(format: ReturnType<typeof useFormatter>, iso: string | null | undefined): string {
  const d = iso ? new Date(iso) : undefined;
  return d && !Number.isNaN(d.getTime()) ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}
