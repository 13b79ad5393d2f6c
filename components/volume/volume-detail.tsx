'use client';

import Link from 'next/link';
import { useState } from 'react';
import type { z } from 'zod';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { useLookups, useResourceHref } from '@/lib/resources/hooks';
import { snapshotCreateCli, snapshotCreateRequest, SnapshotCreateSchema, SnapshotSchema, snapshotStatus } from '@/lib/resources/volume/snapshot';
import {
  attachRequest,
  canAttach,
  canDetach,
  canEdit,
  canExtend,
  canLaunch,
  canSnapshot,
  detachRequest,
  EditVolumeSchema,
  extendProblem,
  extendRequest,
  volumeDefinition as def,
  type Volume,
} from '@/lib/resources/volume/volume';
import { NOVA, useServerNames } from '@/lib/resources/compute/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { CINDER, STORAGE_CHANGES, useVolumeLimits, useVolumeMessages, useVolumeSnapshots } from '@/lib/resources/volume/queries';
import { InlineForm } from '@/components/resource/form-parts';
import { SubTable } from '@/components/resource/sub-list';
import { FailureNotice } from '@/components/resource/failure-notice';

const panel = 'mt-2 max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';
type Open = 'attach' | 'detach' | 'extend' | 'snapshot' | 'edit' | null;

export function VolumeDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={def}
      id={id}
      extraActions={(v) => <ExtraActions volume={v} />}
      overviewExtra={(v) => (v.status.startsWith('error') ? <VolumeMessages volume={v} /> : null)}
      tabs={[{ id: 'snapshots', label: 'Snapshots', render: (v) => <VolumeSnapshots volume={v} /> }]}
    />
  );
}

function ExtraActions({ volume }: { volume: Volume }) {
  const href = useResourceHref();
  const [open, setOpen] = useState<Open>(null);
  const toggle = (o: Exclude<Open, null>, label: string, show: boolean, cli: string) =>
    show && (
      <button type="button" className={buttonClass.secondary} aria-expanded={open === o} title={cli} onClick={() => setOpen(open === o ? null : o)}>
        {label}
      </button>
    );
  const close = () => setOpen(null);
  return (
    <>
      {toggle('attach', 'Attach', canAttach(volume), `openstack server add volume <server> ${volume.id}`)}
      {toggle('detach', 'Detach', canDetach(volume), `openstack server remove volume <server> ${volume.id}`)}
      {toggle('extend', 'Extend', canExtend(volume), `openstack volume set --size <GB> ${volume.id}`)}
      {toggle('snapshot', 'Create snapshot', canSnapshot(volume), `openstack volume snapshot create --volume ${volume.id} <name>`)}
      {toggle('edit', 'Edit', canEdit(volume), `openstack volume set --name <name> --description <text> ${volume.id}`)}
      {canLaunch(volume) && (
        <Link href={href('instances', 'new', `volume=${volume.id}`)} className={buttonClass.secondary} title={`openstack server create --volume ${volume.id} --flavor <flavor> <name>`}>
          Launch instance
        </Link>
      )}
      <div className="basis-full">
        {open === 'attach' && <AttachForm volume={volume} onDone={close} />}
        {open === 'detach' && <DetachForm volume={volume} onDone={close} />}
        {open === 'extend' && <ExtendForm volume={volume} onDone={close} />}
        {open === 'snapshot' && <SnapshotForm volume={volume} onDone={close} />}
        {open === 'edit' && <EditForm volume={volume} onDone={close} />}
      </div>
    </>
  );
}

/** Nova states in which a volume can be attached. */
const ATTACHABLE = ['ACTIVE', 'PAUSED', 'SHUTOFF', 'SUSPENDED', 'SHELVED', 'SHELVED_OFFLOADED', 'VERIFY_RESIZE'];

function AttachForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const servers = useServerNames();
  const [serverId, setServerId] = useState('');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NOVA, (sid: string) => attachRequest(sid, volume.id), { invalidates: STORAGE_CHANGES, onDone });
  const options = (servers.data ?? []).filter((s) => ATTACHABLE.includes(s.status));
  return (
    <InlineForm
      label="Attach volume"
      className={panel}
      onSubmit={() => {
        if (!serverId) return setError('Choose the instance to attach it to');
        setError(undefined);
        m.mutate(serverId);
      }}
      error={m.error}
      errorTitle="Attach refused"
      cli={`openstack server add volume ${serverId || '<server>'} ${volume.id}`}
      submit="Attach volume"
      pending={m.isPending}
      onCancel={onDone}
    >
      <SelectField label="Instance" value={serverId} error={error} onChange={(e) => setServerId(e.target.value)} disabled={servers.isPending}>
        <option value="">{servers.isPending ? 'Loading instances…' : options.length ? 'Choose an instance' : 'No instance can take a volume now'}</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {s.name} ({s.status})
          </option>
        ))}
      </SelectField>
      {servers.isError && <ApiErrorNotice title="Could not load instances" error={servers.error} />}
    </InlineForm>
  );
}

function DetachForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const ctx = useLookups(def, [volume]);
  const m = useOsMutation(NOVA, (sid: string) => detachRequest(sid, volume.id), { invalidates: STORAGE_CHANGES, onDone });
  const atts = (volume.attachments ?? []).filter((a) => a.server_id);
  return (
    <div role="group" aria-label="Detach volume" className={panel}>
      <p className="text-sm">Detach from:</p>
      <ul className="space-y-2">
        {atts.map((a) => {
          const name = ctx.lookups.servers?.[a.server_id!] ?? a.server_id!;
          return (
            <li key={a.attachment_id ?? a.server_id} className="flex flex-wrap items-center gap-2 text-sm">
              <span className="font-medium">{name}</span>
              {a.device && <code className="font-mono text-xs">{a.device}</code>}
              <button type="button" className={buttonClass.secondary} disabled={m.isPending} title={`openstack server remove volume ${a.server_id} ${volume.id}`} onClick={() => m.mutate(a.server_id!)}>
                Detach from {name}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">Unmount the file system in the guest first: a detach under load can lose writes.</p>
      {m.isError && <ApiErrorNotice title="Detach refused" error={m.error} />}
      <button type="button" className={buttonClass.secondary} onClick={onDone}>
        Cancel
      </button>
    </div>
  );
}

function ExtendForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const limits = useVolumeLimits();
  const [size, setSize] = useState(String(volume.size + 1));
  const [error, setError] = useState<string>();
  const m = useOsMutation(CINDER, (n: number) => extendRequest(volume, n), { invalidates: STORAGE_CHANGES, onDone });
  return (
    <InlineForm
      label="Extend volume"
      className={panel}
      error={m.error}
      errorTitle="Extend refused"
      cli={`openstack volume set --size ${size || '<GB>'} ${volume.id}`}
      submit="Extend volume"
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        const problem = extendProblem(volume.size, size, limits.remaining);
        setError(problem);
        if (!problem) m.mutate(Number(size));
      }}
    >
      <TextField
        label="New size (GB)"
        type="number"
        min={volume.size + 1}
        value={size}
        error={error}
        hint={`Currently ${volume.size} GB${limits.remaining !== undefined ? `; ${limits.remaining} GB of quota left` : ''}. Volumes can only grow.`}
        onChange={(e) => setSize(e.target.value)}
      />
    </InlineForm>
  );
}

function SnapshotForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const href = useResourceHref();
  const form = useZodForm(SnapshotCreateSchema, { name: `${volume.name || volume.id}-snap`, description: '' });
  const m = useOsMutation(CINDER, (i: z.infer<typeof SnapshotCreateSchema>) => snapshotCreateRequest(volume, i), { invalidates: STORAGE_CHANGES });
  const created = SnapshotSchema.safeParse((m.data as { snapshot?: unknown } | undefined)?.snapshot);
  if (created.success) {
    return (
      <div role="status" className={panel}>
        <p className="text-sm">
          Snapshot{' '}
          <Link href={href('snapshots', created.data.id)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            {created.data.name || created.data.id}
          </Link>{' '}
          requested <StatusBadge status={snapshotStatus(created.data)} />
        </p>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  return (
    <InlineForm
      label="Create volume snapshot"
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
      error={m.error}
      errorTitle="Snapshot refused"
      cli={snapshotCreateCli(volume, form.values.name)}
      submit="Create snapshot"
      pending={m.isPending}
      onCancel={onDone}
    >
      <TextField label="Snapshot name" {...form.field('name')} />
      <TextField label="Snapshot description" {...form.field('description')} />
      {volume.status === 'in-use' && <p className="text-xs text-amber-800 dark:text-amber-200">The volume is attached: the snapshot is taken with --force and is only crash-consistent.</p>}
    </InlineForm>
  );
}

function EditForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const form = useZodForm(EditVolumeSchema, { name: volume.name ?? '', description: volume.description ?? '' });
  const { values } = form;
  const m = useOsMutation(CINDER, (i: z.infer<typeof EditVolumeSchema>) => ({ method: 'PUT', path: `volumes/${volume.id}`, body: { volume: { name: i.name, description: i.description } } }), { invalidates: STORAGE_CHANGES, onDone });
  return (
    <InlineForm
      label="Edit volume"
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
      error={m.error}
      errorTitle="Update refused"
      cli={`openstack volume set --name ${values.name || '""'} --description … ${volume.id}`}
      submit="Save"
      pending={m.isPending}
      onCancel={onDone}
    >
      <TextField label="Volume name" {...form.field('name')} />
      <TextAreaField label="Volume description" rows={3} {...form.field('description')} />
    </InlineForm>
  );
}


function VolumeSnapshots({ volume }: { volume: Volume }) {
  const q = useVolumeSnapshots(volume.id);
  if (q.isError) return <ApiErrorNotice title="Could not load the snapshots" error={q.error} />;
  return (
    <SubTable
      label="Snapshots of this volume"
      busy={q.isPending}
      rows={q.data}
      rowKey={(s) => s.id}
      empty="No snapshots."
      columns={[
        { label: 'Name', link: (s) => ({ slug: 'snapshots', id: s.id }), cell: (s) => s.name || s.id },
        { label: 'Status', cell: (s) => <StatusBadge status={snapshotStatus(s)} /> },
        { label: 'Size', cell: (s) => `${s.size} GB` },
        { label: 'Created', cell: (s) => s.created_at ?? '' },
      ]}
    />
  );
}

/** Cinder's user messages (GET /v3/{project}/messages, 3.3+) about this volume: why it went to error. */
function VolumeMessages({ volume }: { volume: Volume }) {
  const q = useVolumeMessages(volume.id);
  // Filtered here too: a Cinder without generic filtering answers every message of the project.
  const mine = (q.data?.messages ?? []).filter((m) => m.resource_uuid === volume.id).sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  if (q.isError) return <ApiErrorNotice title="Could not load Cinder’s messages about this volume" error={q.error} />;
  if (!mine.length) return null;
  return <FailureNotice title="Why this volume failed" message={mine[0].user_message} source="Cinder" requestId={mine[0].request_id} />;
}
