'use client';

import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { shortIdClass } from '@/components/ui/table';
import { useClientSession, useIsAdmin } from '@/components/shell/session-context';
import { InlineForm, panelClass } from '@/components/resource/form-parts';
import { SubTable } from '@/components/resource/sub-list';
import { SelectField, TextField } from '@/components/ui/field';
import { useProjectScope } from '@/lib/resources/hooks';
import { command } from '@/lib/resources/cli';
import { canConsole, canResize, canSnapshot, serverDefinition as def, serverDefinitionFor, type Server } from '@/lib/resources/compute/server';
import { NOVA, ServerEditSchema, serverEditRequest, useFlavorDetails, useInstanceActions, useVolumeAttachments, type ServerEdit } from '@/lib/resources/compute/queries';
import { useImageStatus } from '@/lib/resources/image/queries';
import { usePorts, useSecurityGroupNames } from '@/lib/resources/network/queries';
import type { Port } from '@/lib/resources/network/port';
import { useOsMutation } from '@/lib/resources/queries';
import { useUserName } from '@/lib/resources/admin/queries';
import { STORAGE_CHANGES, useProjectVolumes } from '@/lib/resources/volume/queries';
import { attachedServers, attachRequest, attachVolumeCli, canAttach, canDetach, detachRequest, detachVolumeCli, volumeStatus } from '@/lib/resources/volume/volume';
import { FailureNotice } from '@/components/resource/failure-notice';
import { BelowToolbar, PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { panelCli } from '@/lib/resources/row-menu';
import { canChangeInterfaces, detachInterfaceCli, detachInterfaceRequest } from '@/lib/resources/compute/server-actions';
import { InstanceFloatingIpActions, InstanceSecurityGroups } from './instance-network';
import { ConsoleTail } from './console-tail';
import { addressesByNetwork } from './instance-addresses';

/** The instances definition for the logged-in user (the overview names them as the creator of their own servers). */
function useServerDefinition() {
  const user = useClientSession()?.user;
  const id = user?.id;
  const name = user?.name;
  return useMemo(() => serverDefinitionFor(id && name ? { id, name } : undefined), [id, name]);
}

export function InstanceDetail({ id }: { id: string }) {
  const t = useTranslations('compute.detail');
  const definition = useServerDefinition();
  return (
    <ResourceDetail
      def={definition}
      id={id}
      overviewExtra={(s) => <OverviewExtra server={s} />}
      extraActions={(s) => <ExtraActions server={s} />}
      tabs={[
        { id: 'interfaces', label: t('tabs.interfaces'), render: (s) => <Interfaces server={s} />, cli: (s) => command('openstack', 'port', 'list', '--server', s.id) },
        { id: 'volumes', label: t('tabs.volumes'), render: (s) => <Volumes server={s} />, cli: (s) => command('openstack', 'server', 'volume', 'list', s.id) },
        // openstackclient has no per-server security group list: the server's own field.
        { id: 'security-groups', label: t('tabs.securityGroups'), render: (s) => <InstanceSecurityGroups server={s} />, cli: (s) => command('openstack', 'server', 'show', '-c', 'security_groups', s.id) },
        { id: 'console', label: t('tabs.console'), render: (s) => <ConsoleTail server={s} />, cli: (s) => command('openstack', 'console', 'log', 'show', s.id) },
        { id: 'actions', label: t('tabs.actions'), render: (s) => <ActionLog server={s} />, cli: (s) => command('openstack', 'server', 'event', 'list', s.id) },
      ]}
    />
  );
}

function OverviewExtra({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const common = useTranslations('common');
  const meta = Object.entries(server.metadata ?? {});
  return (
    <>
      <Fault server={server} />
      <IpAddresses server={server} />
      <section aria-labelledby="meta-heading" className="space-y-2">
        <h2 id="meta-heading" className="text-sm font-semibold">
          {common('metadata')}
        </h2>
        {meta.length ? (
          <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
            {meta.map(([k, v]) => (
              <div key={k} className="contents">
                <dt className="font-mono text-xs">{k}</dt>
                <dd className="font-mono text-xs break-all">{v}</dd>
              </div>
            ))}
          </dl>
        ) : (
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('noMetadata')}</p>
        )}
      </section>
    </>
  );
}

/** The addresses per network from Nova's `addresses` (the server itself: nothing more to fetch), floating ones marked. */
function IpAddresses({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const networks = addressesByNetwork(server.addresses);
  return (
    <section aria-labelledby="ips-heading" className="space-y-2">
      <h2 id="ips-heading" className="text-sm font-semibold">
        {t('ipAddresses')}
      </h2>
      {networks.length ? (
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[12rem_1fr]">
          {networks.map((n) => (
            <div key={n.network} className="contents">
              <dt translate="no">{n.network}</dt>
              <dd>
                <ul aria-label={t('networkAddresses', { network: n.network })} className="flex flex-wrap gap-x-4 gap-y-1">
                  {n.addresses.map((a) => (
                    <li key={a.addr} className="inline-flex items-center gap-1.5">
                      <code className="font-mono text-xs" translate="no">
                        {a.addr}
                      </code>
                      {a.floating && <span className="rounded border border-zinc-300 px-1.5 text-xs text-zinc-700 dark:border-zinc-600 dark:text-zinc-300">{t('floatingIp')}</span>}
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      ) : (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('noAddresses')}</p>
      )}
    </section>
  );
}

/** The instance's buttons; each form opens below the toolbar's row (and from a list row's menu, `?open=<panel>`). */
function ExtraActions({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const common = useTranslations('common');
  const consoleM = useOsMutation(NOVA, () => ({ method: 'POST', path: `servers/${server.id}/remote-consoles`, body: { remote_console: { protocol: 'vnc', type: 'novnc' } } }), {
    invalidates: [],
    onDone: (r) => window.open((r as { remote_console: { url: string } }).remote_console.url, '_blank', 'noopener'),
  });
  return (
    <>
      <PanelToggle id="edit" label={common('edit')} cli={panelCli(def, 'edit', server)} />
      <PanelToggle id="snapshot" label={t('createSnapshot')} when={canSnapshot(server)} cli={panelCli(def, 'snapshot', server)} />
      <PanelToggle id="resize" label={t('resize')} when={canResize(server)} cli={panelCli(def, 'resize', server)} />
      {canConsole(server) && (
        <button type="button" className={buttonClass.secondary} title={command('openstack', 'console', 'url', 'show', '--novnc', server.id)} onClick={() => consoleM.mutate()} disabled={consoleM.isPending}>
          {t('openConsole')}
        </button>
      )}
      <InstanceFloatingIpActions server={server} />
      {consoleM.isError && (
        <BelowToolbar>
          <ApiErrorNotice title={t('noConsole')} error={consoleM.error} />
        </BelowToolbar>
      )}
      <ToolbarPanel id="edit">{(close) => <EditForm server={server} onDone={close} />}</ToolbarPanel>
      {/* Not closed when the state changes: the snapshot's own task (image_snapshot) must not hide its result. */}
      <ToolbarPanel id="snapshot">{(close) => <SnapshotForm server={server} onDone={close} />}</ToolbarPanel>
      <ToolbarPanel id="resize" when={canResize(server)}>{(close) => <ResizeForm server={server} onDone={close} />}</ToolbarPanel>
    </>
  );
}

/** A text field's binding with its zod error (a catalog key) in the page's language. */
const translated = <F extends { error?: string }>(field: F, text: (m: string) => string): F => ({ ...field, error: field.error && text(field.error) });

/** Name and description (PUT /servers/{id}; description needs microversion 2.19, which COMPUTE_HEADERS pins above). */
function EditForm({ server, onDone }: { server: Server; onDone: () => void }) {
  const t = useTranslations('compute.detail');
  const common = useTranslations('common');
  const text = useMsg();
  const form = useZodForm(ServerEditSchema, { name: server.name, description: typeof server.description === 'string' ? server.description : '' });
  const v = form.values;
  const cli = command('openstack', 'server', 'set', '--name', v.name.trim() || '<name>', '--description', v.description, server.id);
  const m = useOsMutation(NOVA, (body: ServerEdit) => serverEditRequest(server.id, body), { invalidates: ['server'], onDone, cli: () => cli });
  return (
    <InlineForm label={t('editInstance')} onSubmit={form.submit((input) => m.mutate(input))} error={m.error} errorTitle={t('editRefused')} cli={cli} submit={common('save')} pending={m.isPending} onCancel={onDone}>
      <TextField label={t('instanceName')} {...translated(form.field('name'), text)} />
      <TextField label={common('description')} {...translated(form.field('description'), text)} />
    </InlineForm>
  );
}

function SnapshotForm({ server, onDone }: { server: Server; onDone: () => void }) {
  const t = useTranslations('compute.detail');
  const tk = useTranslations('kinds.server');
  const [name, setName] = useState(`${server.name}-snapshot`);
  const [error, setError] = useState<string>();
  const m = useOsMutation(NOVA, (n: string) => ({ method: 'POST', path: `servers/${server.id}/action`, body: { createImage: { name: n } } }), {
    invalidates: ['server'],
    cli: (n) => command('openstack', 'server', 'image', 'create', '--name', n, server.id),
  });
  const imageId = (m.data as { image_id?: string } | undefined)?.image_id;
  return (
    <div className={panelClass}>
      {imageId ? (
        <SnapshotResult imageId={imageId} onDone={onDone} />
      ) : (
        <InlineForm
          label={t('createSnapshot')}
          className="space-y-3"
          onSubmit={() => {
            if (!name.trim()) return setError(tk('errors.nameRequired'));
            setError(undefined);
            m.mutate(name.trim());
          }}
          error={m.error}
          errorTitle={t('snapshotFailed')}
          cli={`openstack server image create --name ${name || '<name>'} ${server.id}`}
          submit={t('createSnapshot')}
          pending={m.isPending}
          onCancel={onDone}
        >
          <TextField label={t('snapshotName')} value={name} error={error} onChange={(e) => setName(e.target.value)} />
        </InlineForm>
      )}
    </div>
  );
}

function SnapshotResult({ imageId, onDone }: { imageId: string; onDone: () => void }) {
  const t = useTranslations('compute.detail');
  const common = useTranslations('common');
  const { projectId, cloud, region } = useProjectScope();
  const q = useImageStatus(imageId);
  const status = q.data?.status ?? 'queued';
  const link = `/${encodeURIComponent(cloud)}/${encodeURIComponent(projectId)}/images/${imageId}${region ? `?region=${encodeURIComponent(region)}` : ''}`;
  return (
    <div role="status" className="space-y-2 text-sm">
      <p>
        {t.rich('snapshotImage', {
          name: q.data?.name ?? imageId,
          link: (chunks) => (
            <a href={link} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
              {chunks}
            </a>
          ),
          badge: () => <StatusBadge status={{ label: status, tone: status === 'active' ? 'ok' : ['killed', 'deleted'].includes(status) ? 'error' : 'busy' }} />,
        })}
      </p>
      <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{imageId}</p>
      <button type="button" className={buttonClass.secondary} onClick={onDone}>
        {common('close')}
      </button>
    </div>
  );
}

function ResizeForm({ server, onDone }: { server: Server; onDone: () => void }) {
  const t = useTranslations('compute.detail');
  const flavors = useFlavorDetails(5 * 60_000);
  const [flavorId, setFlavorId] = useState('');
  const m = useOsMutation(NOVA, (f: string) => ({ method: 'POST', path: `servers/${server.id}/action`, body: { resize: { flavorRef: f } } }), { invalidates: ['server'], onDone });
  const options = (flavors.data?.flavors ?? []).filter((f) => f.name !== server.flavor.original_name);
  return (
    <InlineForm label={t('resizeInstance')} onSubmit={() => flavorId && m.mutate(flavorId)} error={m.error} errorTitle={t('resizeRefused')} submit={t('resize')} pending={m.isPending} disabled={!flavorId} onCancel={onDone}>
      <SelectField label={t('newFlavor')} value={flavorId} onChange={(e) => setFlavorId(e.target.value)}>
        <option value="">{t('chooseFlavor')}</option>
        {options.map((f) => (
          <option key={f.id} value={f.id}>
            {t('flavorOption', { name: f.name, vcpus: f.vcpus, ram: f.ram, disk: f.disk })}
          </option>
        ))}
      </SelectField>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('resizeNote')}</p>
    </InlineForm>
  );
}

/**
 * Neutron ports of the server (one call), with each port's security groups by name (one call for all of them).
 * Nova's addresses give the network name and the floating IPs per MAC, so nothing else is fetched.
 */
function Interfaces({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const common = useTranslations('common');
  // Nova deletes a port it made for the interface and unbinds one the user brought (api-ref "Detach Interface"), after
  // its 202: the list is followed until the port has left it.
  const [detaching, setDetaching] = useState<string>();
  const ports = usePorts(`device_id=${encodeURIComponent(server.id)}`, true, (list) => !!detaching && list.some((p) => p.id === detaching));
  const detachM = useOsMutation(NOVA, (portId: string) => detachInterfaceRequest(server.id, portId), {
    invalidates: ['port', 'server'],
    onDone: (_r, portId) => setDetaching(portId),
    cli: (portId) => detachInterfaceCli(server.id, portId),
  });
  const groupIds = [...new Set((ports.data ?? []).flatMap((p) => p.security_groups))].sort();
  const groups = useSecurityGroupNames(groupIds);
  const byMac = new Map<string, { net: string; floating: string[] }>();
  for (const [net, list] of Object.entries(server.addresses)) {
    for (const a of list) {
      const mac = a['OS-EXT-IPS-MAC:mac_addr'] ?? '';
      const e = byMac.get(mac) ?? { net, floating: [] };
      if (a['OS-EXT-IPS:type'] === 'floating') e.floating.push(a.addr);
      byMac.set(mac, e);
    }
  }
  if (ports.isError) {
    // No Neutron access: Nova's own view of the addresses still says what the server is connected to.
    return (
      <div className="space-y-4">
        <ApiErrorNotice title={t('loadPortsFailed')} error={ports.error} />
        <AddressTable server={server} />
      </div>
    );
  }
  const nova = (p: Port) => byMac.get(p.mac_address ?? '');
  return (
    <div className="space-y-3">
    <SubTable
      label={t('networkInterfaces')}
      busy={ports.isPending}
      rows={ports.data}
      rowKey={(p) => p.id}
      empty={t('noInterfaces')}
      columns={[
        { label: t('columns.port'), mono: true, title: (p) => p.id, link: (p) => ({ slug: 'ports', id: p.id }), cell: (p) => p.name || p.id.slice(0, 8) },
        { label: t('columns.network'), title: (p) => p.network_id, cell: (p) => nova(p)?.net ?? p.network_id },
        { label: t('columns.fixedIps'), mono: true, cell: (p) => p.fixed_ips.map((f) => f.ip_address).join(', ') },
        { label: t('columns.floatingIps'), mono: true, cell: (p) => nova(p)?.floating.join(', ') ?? '' },
        { label: t('columns.mac'), mono: true, cell: (p) => p.mac_address ?? '' },
        { label: common('status'), cell: (p) => p.status ?? '' },
        { label: t('columns.securityGroups'), cell: (p) => p.security_groups.map((g) => groups.data?.[g] ?? g).join(', ') || t('noGroups') },
      ]}
      buttons={(p) => [
        canChangeInterfaces(server) && {
          label: t('detachInterface'),
          ariaLabel: t('detachInterfaceOf', { name: p.fixed_ips.map((f) => f.ip_address).join(', ') || p.name || p.id }),
          title: detachInterfaceCli(server.id, p.id),
          disabled: detachM.isPending,
          onClick: () => detachM.mutate(p.id),
        },
      ]}
    />
    {detachM.isError && <ApiErrorNotice title={t('detachInterfaceRefused')} error={detachM.error} />}
    </div>
  );
}

function AddressTable({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const rows = Object.entries(server.addresses).flatMap(([net, list]) => list.map((a) => ({ net, ...a })));
  return (
    <SubTable
      label={t('addresses')}
      rows={rows}
      rowKey={(r) => `${r.net}-${r.addr}`}
      empty={t('noAddresses')}
      columns={[
        { label: t('columns.network'), cell: (r) => r.net },
        { label: t('columns.address'), mono: true, cell: (r) => r.addr },
        { label: t('columns.type'), cell: (r) => r['OS-EXT-IPS:type'] ?? '' },
        { label: t('columns.mac'), mono: true, cell: (r) => r['OS-EXT-IPS-MAC:mac_addr'] ?? '' },
      ]}
    />
  );
}

function Volumes({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const common = useTranslations('common');
  const [volumeId, setVolumeId] = useState('');
  const [pickError, setPickError] = useState<string>();
  // The project's volumes (under the 'volume' kind, so attach/detach refetch them): names, statuses, attach choices.
  const vols = useProjectVolumes();
  const busy = !!vols.data?.some((v) => volumeStatus(v).tone === 'busy');
  const byId = new Map((vols.data ?? []).map((v) => [v.id, v]));
  // Followed while a volume changes, and while Nova still lists a volume Cinder says is available (a detach ending).
  const q = useVolumeAttachments(server.id, (atts) => busy || atts.some((a) => byId.get(a.volumeId)?.status === 'available'));
  const attachedIds = new Set(q.data?.map((a) => a.volumeId));
  const choices = (vols.data ?? []).filter((v) => !attachedIds.has(v.id) && !attachedServers(v).includes(server.id));
  const attachM = useOsMutation(NOVA, (vid: string) => attachRequest(server.id, vid), { invalidates: STORAGE_CHANGES, onDone: () => setVolumeId(''), cli: (vid) => attachVolumeCli(server.id, vid) });
  const detachM = useOsMutation(NOVA, (vid: string) => detachRequest(server.id, vid), { invalidates: STORAGE_CHANGES, cli: (vid) => detachVolumeCli(server.id, vid) });
  if (q.isError) return <ApiErrorNotice title={t('loadAttachmentsFailed')} error={q.error} />;
  const volume = (a: { volumeId: string }) => byId.get(a.volumeId);
  return (
    <div className="space-y-4">
      <SubTable
        label={t('attachedVolumes')}
        busy={q.isPending}
        rows={q.data}
        rowKey={(a) => a.volumeId}
        empty={t('noAttachedVolumes')}
        columns={[
          { label: t('columns.volume'), link: (a) => ({ slug: 'volumes', id: a.volumeId }), cell: (a) => volume(a)?.name || a.volumeId },
          { label: common('status'), cell: (a) => volume(a) && <StatusBadge status={volumeStatus(volume(a)!)} /> },
          { label: t('columns.size'), cell: (a) => (volume(a) ? `${volume(a)!.size} GiB` : '') },
          { label: t('columns.device'), mono: true, cell: (a) => a.device ?? '' },
        ]}
        buttons={(a) => [
          (!volume(a) || canDetach(volume(a)!)) && {
            label: t('detach', { name: volume(a)?.name || a.volumeId }),
            disabled: detachM.isPending,
            title: detachVolumeCli(server.id, a.volumeId),
            onClick: () => detachM.mutate(a.volumeId),
          },
        ]}
      />
      {detachM.isError && <ApiErrorNotice title={t('detachRefused')} error={detachM.error} />}
      <InlineForm
        label={t('attachVolume')}
        className="max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={() => {
          const v = byId.get(volumeId);
          // Caught here rather than by Nova: a volume in use elsewhere needs a detach first (unless multi-attach).
          const problem = !v
            ? t('chooseVolumeToAttach')
            : canAttach(v)
              ? undefined
              : v.status === 'in-use'
                ? t('volumeInUse', { name: v.name || v.id })
                : t('volumeNotAvailable', { name: v.name || v.id, status: v.status });
          setPickError(problem);
          if (!problem) attachM.mutate(volumeId);
        }}
        error={attachM.error}
        errorTitle={t('attachRefused')}
        cli={attachVolumeCli(server.id, volumeId || '<volume>')}
        submit={t('attachSubmit')}
        pending={attachM.isPending}
      >
        <SelectField label={t('volumeToAttach')} value={volumeId} error={pickError} onChange={(e) => setVolumeId(e.target.value)} disabled={vols.isPending}>
          <option value="">{vols.isPending ? t('loadingVolumes') : t('chooseVolume')}</option>
          {choices.map((v) => (
            <option key={v.id} value={v.id}>
              {t('volumeOption', { name: v.name || v.id, size: v.size, status: v.status })}
            </option>
          ))}
        </SelectField>
        {vols.isError && <ApiErrorNotice title={t('loadVolumesFailed')} error={vols.error} />}
      </InlineForm>
    </div>
  );
}

/** The fault with the request id of the action that failed (Nova marks it message "Error"), else the newest one. */
function Fault({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const actions = useInstanceActions(server, !!server.fault);
  if (!server.fault) return null;
  const failed = actions.data?.find((a) => a.message === 'Error') ?? actions.data?.[0];
  return <FailureNotice title={t('fault')} code={server.fault.code} message={server.fault.message} source="Nova" requestId={failed?.request_id} />;
}

function ActionLog({ server }: { server: Server }) {
  const t = useTranslations('compute.detail');
  const q = useInstanceActions(server);
  if (q.isError) return <ApiErrorNotice title={t('loadActionsFailed')} error={q.error} />;
  return (
    <SubTable
      label={t('tabs.actions')}
      busy={q.isPending}
      rows={q.data}
      rowKey={(a) => a.request_id + a.action}
      empty={t('noActions')}
      columns={[
        { label: t('columns.action'), cell: (a) => a.action },
        { label: t('columns.started'), cell: (a) => a.start_time },
        { label: t('columns.requestId'), mono: true, cell: (a) => a.request_id },
        { label: t('columns.user'), cell: (a) => a.user_id && <ActionUser id={a.user_id} action={a.action} time={a.start_time} /> },
        { label: t('columns.message'), cell: (a) => a.message ?? '' },
      ]}
    />
  );
}

/**
 * Who started an action, by name where it can be known: the logged-in user from the session; anyone else from
 * Keystone's `GET /v3/users/{id}` for admins only (most clouds' policy refuses it to others, so nobody else asks). Until
 * then, and when Keystone refuses, the id shortened, whole as a tooltip, with a copy button.
 */
function ActionUser({ id, action, time }: { id: string; action: string; time: string }) {
  const t = useTranslations('compute.detail');
  const session = useClientSession();
  const isAdmin = useIsAdmin();
  const self = session?.user.id === id ? session.user.name : undefined;
  const other = useUserName(id, isAdmin && !self);
  const name = self ?? (isAdmin ? other : undefined);
  if (name) {
    return (
      <span title={id} translate="no">
        {name}
      </span>
    );
  }
  return (
    <span className="inline-flex items-center gap-1 whitespace-nowrap">
      <span className={shortIdClass} title={id} translate="no">
        {id}
      </span>
      <CopyButton text={id} label={t('copyUserId', { action, time })} />
    </span>
  );
}
