'use client';

import Link from '@/components/ui/intent-link';
import { useFormatter, useTranslations } from 'next-intl';
import { useState, type ReactNode } from 'react';
import type { z } from 'zod';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import type { Msg } from '@/lib/i18n/msg';
import { useLookups, useResourceHref } from '@/lib/resources/hooks';
import { command } from '@/lib/resources/cli';
import { snapshotCreateCli, snapshotCreateRequest, SnapshotCreateSchema, SnapshotSchema, snapshotStatus } from '@/lib/resources/volume/snapshot';
import {
  attachRequest,
  attachVolumeCli,
  detachVolumeCli,
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
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { panelCli } from '@/lib/resources/row-menu';

/** A date of the API (ISO 8601; Cinder's have no zone and are UTC) in the page's language; empty when there is none. */
function dateTime(format: ReturnType<typeof useFormatter>, iso: string | null | undefined): string {
  const d = iso ? new Date(/(Z|[+-]\d\d:?\d\d)$/i.test(iso) ? iso : `${iso}Z`) : undefined;
  return d && !Number.isNaN(d.getTime()) ? format.dateTime(d, { dateStyle: 'medium', timeStyle: 'short' }) : '';
}

const panel = 'mt-2 max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

export function VolumeDetail({ id }: { id: string }) {
  const t = useTranslations('volume.detail');
  return (
    <ResourceDetail
      def={def}
      id={id}
      extraActions={(v) => <ExtraActions volume={v} />}
      overviewExtra={(v) => (v.status.startsWith('error') ? <VolumeMessages volume={v} /> : null)}
      tabs={[{ id: 'snapshots', label: t('snapshotsTab'), render: (v) => <VolumeSnapshots volume={v} />, cli: (v) => command('openstack', 'volume', 'snapshot', 'list', '--volume', v.id) }]}
    />
  );
}

/** The volume's buttons; each form opens below the toolbar's row (and from a list row's menu, `?open=<panel>`). */
function ExtraActions({ volume }: { volume: Volume }) {
  const t = useTranslations('volume.detail');
  const tc = useTranslations('common');
  const href = useResourceHref();
  // A CLI line (never translated) as the tooltip.
  const launchCli = `openstack server create --volume ${volume.id} --flavor <flavor> <name>`;
  return (
    <>
      <PanelToggle id="attach" label={t('attach')} when={canAttach(volume)} cli={panelCli(def, 'attach', volume)} />
      <PanelToggle id="detach" label={t('detach')} when={canDetach(volume)} cli={panelCli(def, 'detach', volume)} />
      <PanelToggle id="extend" label={t('extend')} when={canExtend(volume)} cli={panelCli(def, 'extend', volume)} />
      <PanelToggle id="snapshot" label={t('createSnapshot')} when={canSnapshot(volume)} cli={panelCli(def, 'snapshot', volume)} />
      <PanelToggle id="edit" label={tc('edit')} when={canEdit(volume)} cli={panelCli(def, 'edit', volume)} />
      {canLaunch(volume) && (
        <Link href={href('instances', 'new', `volume=${volume.id}`)} className={buttonClass.secondary} title={launchCli}>
          {t('launchInstance')}
        </Link>
      )}
      <ToolbarPanel id="attach" when={canAttach(volume)}>{(close) => <AttachForm volume={volume} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="detach" when={canDetach(volume)}>{(close) => <DetachForm volume={volume} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="extend" when={canExtend(volume)}>{(close) => <ExtendForm volume={volume} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="snapshot">{(close) => <SnapshotForm volume={volume} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="edit" when={canEdit(volume)}>{(close) => <EditForm volume={volume} onDone={close} />}</ToolbarPanel>
    </>
  );
}

/** Nova states in which a volume can be attached. */
const ATTACHABLE = ['ACTIVE', 'PAUSED', 'SHUTOFF', 'SUSPENDED', 'SHELVED', 'SHELVED_OFFLOADED', 'VERIFY_RESIZE'];

function AttachForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const t = useTranslations('volume.detail');
  const servers = useServerNames();
  const [serverId, setServerId] = useState('');
  const [error, setError] = useState<string>();
  const m = useOsMutation(NOVA, (sid: string) => attachRequest(sid, volume.id), { invalidates: STORAGE_CHANGES, onDone, cli: (sid) => attachVolumeCli(sid, volume.id) });
  const options = (servers.data ?? []).filter((s) => ATTACHABLE.includes(s.status));
  return (
    <InlineForm
      label={t('attachVolume')}
      className={panel}
      onSubmit={() => {
        if (!serverId) return setError(t('chooseInstanceError'));
        setError(undefined);
        m.mutate(serverId);
      }}
      error={m.error}
      errorTitle={t('attachRefused')}
      cli={attachVolumeCli(serverId || '<server>', volume.id)}
      submit={t('attachVolume')}
      pending={m.isPending}
      onCancel={onDone}
    >
      <SelectField label={t('instance')} value={serverId} error={error} onChange={(e) => setServerId(e.target.value)} disabled={servers.isPending}>
        <option value="">{servers.isPending ? t('loadingInstances') : options.length ? t('chooseInstance') : t('noInstance')}</option>
        {options.map((s) => (
          <option key={s.id} value={s.id}>
            {t('serverOption', { name: s.name, status: s.status })}
          </option>
        ))}
      </SelectField>
      {servers.isError && <ApiErrorNotice title={t('loadInstancesFailed')} error={servers.error} />}
    </InlineForm>
  );
}

function DetachForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const t = useTranslations('volume.detail');
  const tc = useTranslations('common');
  const href = useResourceHref();
  const ctx = useLookups(def, [volume]);
  const m = useOsMutation(NOVA, (sid: string) => detachRequest(sid, volume.id), { invalidates: STORAGE_CHANGES, onDone, cli: (sid) => detachVolumeCli(sid, volume.id) });
  const atts = (volume.attachments ?? []).filter((a) => a.server_id);
  return (
    <div role="group" aria-label={t('detachVolume')} className={panel}>
      <p className="text-sm">{t('detachFrom')}</p>
      <ul className="space-y-2">
        {atts.map((a) => {
          const name = ctx.lookups.servers?.[a.server_id!] ?? a.server_id!;
          const cli = detachVolumeCli(a.server_id!, volume.id);
          return (
            <li key={a.attachment_id ?? a.server_id} className="flex flex-wrap items-center gap-2 text-sm">
              <Link href={href('instances', encodeURIComponent(a.server_id!))} translate="no" className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {name}
              </Link>
              {a.device && <code className="font-mono text-xs">{a.device}</code>}
              <button type="button" className={buttonClass.secondary} disabled={m.isPending} title={cli} onClick={() => m.mutate(a.server_id!)}>
                {t('detachFromName', { name })}
              </button>
            </li>
          );
        })}
      </ul>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('detachNote')}</p>
      {m.isError && <ApiErrorNotice title={t('detachRefused')} error={m.error} />}
      <button type="button" className={buttonClass.secondary} onClick={onDone}>
        {tc('cancel')}
      </button>
    </div>
  );
}

function ExtendForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const t = useTranslations('volume.detail');
  const tm = useMsg();
  const limits = useVolumeLimits();
  const [size, setSize] = useState(String(volume.size + 1));
  const [error, setError] = useState<Msg>();
  const m = useOsMutation(CINDER, (n: number) => extendRequest(volume, n), { invalidates: STORAGE_CHANGES, onDone, cli: (n) => command('openstack', 'volume', 'set', '--size', String(n), volume.id) });
  return (
    <InlineForm
      label={t('extendVolume')}
      className={panel}
      error={m.error}
      errorTitle={t('extendRefused')}
      cli={`openstack volume set --size ${size || '<size-GiB>'} ${volume.id}`}
      submit={t('extendVolume')}
      pending={m.isPending}
      onCancel={onDone}
      onSubmit={() => {
        const problem = extendProblem(volume.size, size, limits.remaining);
        setError(problem);
        if (!problem) m.mutate(Number(size));
      }}
    >
      <TextField
        label={t('newSize')}
        type="number"
        min={volume.size + 1}
        value={size}
        error={error && tm(error)}
        hint={limits.remaining !== undefined ? t('extendHintQuota', { size: volume.size, left: limits.remaining }) : t('extendHint', { size: volume.size })}
        onChange={(e) => setSize(e.target.value)}
      />
    </InlineForm>
  );
}

function SnapshotForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const t = useTranslations('volume.detail');
  const tc = useTranslations('common');
  const href = useResourceHref();
  const form = useZodForm(SnapshotCreateSchema, { name: `${volume.name || volume.id}-snap`, description: '' });
  const m = useOsMutation(CINDER, (i: z.infer<typeof SnapshotCreateSchema>) => snapshotCreateRequest(volume, i), { invalidates: STORAGE_CHANGES, cli: (i) => snapshotCreateCli(volume, i.name) });
  const created = SnapshotSchema.safeParse((m.data as { snapshot?: unknown } | undefined)?.snapshot);
  if (created.success) {
    return (
      <div role="status" className={panel}>
        <p className="text-sm">
          {t.rich('snapshotRequested', {
            name: created.data.name || created.data.id,
            link: (chunks: ReactNode) => (
              <Link href={href('snapshots', created.data.id)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {chunks}
              </Link>
            ),
            status: () => <StatusBadge status={snapshotStatus(created.data)} />,
          })}
        </p>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          {tc('close')}
        </button>
      </div>
    );
  }
  return (
    <InlineForm
      label={t('createVolumeSnapshot')}
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
      error={m.error}
      errorTitle={t('snapshotRefused')}
      cli={snapshotCreateCli(volume, form.values.name)}
      submit={t('createSnapshot')}
      pending={m.isPending}
      onCancel={onDone}
    >
      <TextField label={t('snapshotName')} {...form.field('name')} />
      <TextField label={t('snapshotDescription')} {...form.field('description')} />
      {volume.status === 'in-use' && <p className="text-xs text-amber-800 dark:text-amber-200">{t('forceNote')}</p>}
    </InlineForm>
  );
}

function EditForm({ volume, onDone }: { volume: Volume; onDone: () => void }) {
  const t = useTranslations('volume.detail');
  const tc = useTranslations('common');
  const form = useZodForm(EditVolumeSchema, { name: volume.name ?? '', description: volume.description ?? '' });
  const { values } = form;
  const m = useOsMutation(CINDER, (i: z.infer<typeof EditVolumeSchema>) => ({ method: 'PUT', path: `volumes/${volume.id}`, body: { volume: { name: i.name, description: i.description } } }), {
    invalidates: STORAGE_CHANGES,
    onDone,
    cli: (i) => command('openstack', 'volume', 'set', '--name', i.name, '--description', i.description, volume.id),
  });
  return (
    <InlineForm
      label={t('editVolume')}
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
      error={m.error}
      errorTitle={t('updateRefused')}
      cli={`openstack volume set --name ${values.name || '""'} --description … ${volume.id}`}
      submit={tc('save')}
      pending={m.isPending}
      onCancel={onDone}
    >
      <TextField label={t('volumeName')} {...form.field('name')} />
      <TextAreaField label={t('volumeDescription')} rows={3} {...form.field('description')} />
    </InlineForm>
  );
}


function VolumeSnapshots({ volume }: { volume: Volume }) {
  const t = useTranslations('volume.detail');
  const tc = useTranslations('common');
  const m = useMsg();
  const format = useFormatter();
  const q = useVolumeSnapshots(volume.id);
  if (q.isError) return <ApiErrorNotice title={t('loadSnapshotsFailed')} error={q.error} />;
  return (
    <SubTable
      label={t('snapshotsOfVolume')}
      busy={q.isPending}
      rows={q.data}
      rowKey={(s) => s.id}
      empty={t('noSnapshots')}
      columns={[
        { label: tc('name'), link: (s) => ({ slug: 'snapshots', id: s.id }), cell: (s) => s.name || s.id },
        { label: tc('status'), cell: (s) => <StatusBadge status={snapshotStatus(s)} /> },
        { label: m('kinds.volume.fields.size'), cell: (s) => t('sizeGb', { size: s.size }) },
        { label: tc('created'), cell: (s) => dateTime(format, s.created_at) },
      ]}
    />
  );
}

/** Cinder's user messages (GET /v3/{project}/messages, 3.3+) about this volume: why it went to error. */
function VolumeMessages({ volume }: { volume: Volume }) {
  const t = useTranslations('volume.detail');
  const q = useVolumeMessages(volume.id);
  // Filtered here too: a Cinder without generic filtering answers every message of the project.
  const mine = (q.data?.messages ?? []).filter((m) => m.resource_uuid === volume.id).sort((a, b) => (b.created_at ?? '').localeCompare(a.created_at ?? ''));
  if (q.isError) return <ApiErrorNotice title={t('loadMessagesFailed')} error={q.error} />;
  if (!mine.length) return null;
  return <FailureNotice title={t('whyFailed')} message={mine[0].user_message} source="Cinder" requestId={mine[0].request_id} />;
}
