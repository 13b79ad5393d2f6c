'use client';

import Link from 'next/link';
import { useState } from 'react';
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
import { editCli, ImageEditSchema, imagePatch, imageProperties, patchRequest, propertiesText, VISIBILITIES, type Image } from '@/lib/resources/image/image';
import { useImageDefinition } from './use-image-definition';
import { CliHint } from '@/components/ui/cli-hint';

export function ImageDetail({ id }: { id: string }) {
  const def = useImageDefinition();
  return (
    <ResourceDetail
      def={def}
      id={id}
      overviewExtra={(i) => <Properties image={i} />}
      extraActions={(i) => <ExtraActions image={i} />}
      tabs={[{ id: 'instances', label: 'Instances', render: (i) => <Instances image={i} /> }]}
    />
  );
}

function Properties({ image }: { image: Image }) {
  const props = imageProperties(image);
  return (
    <section aria-labelledby="props-heading" className="space-y-2">
      <h2 id="props-heading" className="text-sm font-semibold">
        Properties
      </h2>
      {props.length ? (
        <SubTable
          label="Properties"
          rows={props}
          rowKey={([k]) => k}
          empty=""
          columns={[
            { label: 'Property', mono: true, cell: ([k]) => k },
            { label: 'Value', mono: true, cell: ([, v]) => <span className="break-all">{v}</span> },
          ]}
        />
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">No properties.</p>
      )}
    </section>
  );
}

function ExtraActions({ image }: { image: Image }) {
  const href = useResourceHref();
  const [editing, setEditing] = useState(false);
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={editing} onClick={() => setEditing(!editing)}>
        Edit
      </button>
      {image.status === 'active' && (
        <Link href={href('instances', 'new', `image=${encodeURIComponent(image.id)}`)} className={buttonClass.secondary} title={`openstack server create --image ${image.id} ...`}>
          Launch instance
        </Link>
      )}
      {editing && (
        <div className="basis-full">
          <EditForm image={image} onDone={() => setEditing(false)} />
        </div>
      )}
    </>
  );
}

type EditValues = { name: string; visibility: string; protected: boolean; min_disk: string; min_ram: string; properties: string };

function EditForm({ image, onDone }: { image: Image; onDone: () => void }) {
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
  const [note, setNote] = useState('');
  const ops = parsed.success ? imagePatch(image, parsed.data) : [];
  // Publicizing is an admin-only policy in Glance; keep the current value selectable.
  const visibilities = VISIBILITIES.filter((x) => x !== 'public' || isAdmin || image.visibility === 'public');

  return (
    <InlineForm
      label="Edit image"
      className="mt-2 max-w-2xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      error={update.error}
      errorTitle="Could not update the image"
      cli={ops.length ? editCli(image, ops) : `openstack image set ... ${image.id}`}
      submit="Save changes"
      pending={update.isPending}
      onCancel={onDone}
      onSubmit={(e) => {
        setNote('');
        void form.submit(async (input) => {
          const patch = imagePatch(image, input);
          if (!patch.length) return setNote('Nothing changed.');
          await update.mutateAsync({ row: image, request: patchRequest(image.id, patch) });
          onDone();
        })(e);
      }}
    >
      <h2 className="text-lg font-semibold">Edit image</h2>
      <TextField label="Name" {...field('name')} />
      <SelectField label="Visibility" {...field('visibility')}>
        <ValueOptions values={visibilities} />
      </SelectField>
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.protected} onChange={(e) => set('protected', e.target.checked)} />
        Protected (cannot be deleted)
      </label>
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField label="Min disk (GB)" type="number" min={0} {...field('min_disk')} />
        <TextField label="Min RAM (MB)" type="number" min={0} {...field('min_ram')} />
      </div>
      <TextAreaField label="Properties (one key=value a line)" className="font-mono" rows={6} placeholder="os_distro=ubuntu" {...field('properties')} />
      {note && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {note}
        </p>
      )}
    </InlineForm>
  );
}

/** Servers booted from the image: Nova filters by image id (only this project's servers, or all for admins). */
function Instances({ image }: { image: Image }) {
  const q = useServersOfImage(image.id);
  if (q.isError) return <ApiErrorNotice title="Could not load the instances" error={q.error} />;
  return (
    <div className="space-y-2">
      <SubTable
        label="Instances from this image"
        busy={q.isPending}
        rows={q.data}
        rowKey={(s) => s.id}
        empty="No instances were launched from this image."
        columns={[
          { label: 'Name', link: (s) => ({ slug: 'instances', id: s.id }), cell: (s) => s.name || s.id },
          { label: 'Status', cell: (s) => <StatusBadge status={serverStatus(s)} /> },
          { label: 'Created', cell: (s) => s.created },
        ]}
      />
      <CliHint>openstack server list --image {image.id}</CliHint>
    </div>
  );
}
