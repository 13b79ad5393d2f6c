'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { FormButtons } from '@/components/ui/form-buttons';
import { tableClass } from '@/components/ui/table';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useServersOfImage } from '@/lib/resources/compute/queries';
import { serverStatus } from '@/lib/resources/compute/server';
import { useResourceHref, useUpdate } from '@/lib/resources/hooks';
import { editCli, ImageEditSchema, imagePatch, imageProperties, patchRequest, propertiesText, VISIBILITIES, type Image } from '@/lib/resources/image/image';
import { useImageDefinition } from './use-image-definition';
import { CliHint } from '@/components/ui/cli-hint';

const { table, th, td, box } = tableClass;

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
        <div className={box}>
          <table className={table} aria-label="Properties">
            <thead>
              <tr>
                <th className={th}>Property</th>
                <th className={th}>Value</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
              {props.map(([k, v]) => (
                <tr key={k}>
                  <td className={`${td} font-mono text-xs`}>{k}</td>
                  <td className={`${td} font-mono text-xs break-all`}>{v}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
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
    <form
      noValidate
      aria-label="Edit image"
      className="mt-2 max-w-2xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
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
        {visibilities.map((x) => (
          <option key={x} value={x}>
            {x}
          </option>
        ))}
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
      {update.isError && <ApiErrorNotice title="Could not update the image" error={update.error} />}
      {note && (
        <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
          {note}
        </p>
      )}
      <CliHint>{ops.length ? editCli(image, ops) : `openstack image set ... ${image.id}`}</CliHint>
      <FormButtons submit="Save changes" pending={update.isPending} onCancel={onDone} />
    </form>
  );
}

/** Servers booted from the image: Nova filters by image id (only this project's servers, or all for admins). */
function Instances({ image }: { image: Image }) {
  const href = useResourceHref();
  const q = useServersOfImage(image.id);
  if (q.isError) return <ApiErrorNotice title="Could not load the instances" error={q.error} />;
  return (
    <div className="space-y-2">
      <div className={box}>
        <table className={table} aria-label="Instances from this image" aria-busy={q.isPending}>
          <thead>
            <tr>
              <th className={th}>Name</th>
              <th className={th}>Status</th>
              <th className={th}>Created</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {q.data?.length === 0 && (
              <tr>
                <td className={td} colSpan={3}>
                  No instances were launched from this image.
                </td>
              </tr>
            )}
            {q.data?.map((s) => (
              <tr key={s.id}>
                <td className={td}>
                  <Link href={href('instances', encodeURIComponent(s.id))} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                    {s.name || s.id}
                  </Link>
                </td>
                <td className={td}>
                  <StatusBadge status={serverStatus(s)} />
                </td>
                <td className={td}>{s.created}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <CliHint>openstack server list --image {image.id}</CliHint>
    </div>
  );
}
