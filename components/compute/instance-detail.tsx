'use client';

import Link from 'next/link';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { FormButtons } from '@/components/ui/form-buttons';
import { tableClass } from '@/components/ui/table';
import { SelectField, TextField } from '@/components/ui/field';
import { useProjectScope, useResourceHref } from '@/lib/resources/hooks';
import { command } from '@/lib/resources/cli';
import { canConsole, canResize, canSnapshot, serverDefinition as def, serverIps, type Server } from '@/lib/resources/compute/server';
import { CreateDnsRecordLink } from '@/components/dns/create-dns-record-link';
import { NOVA, ServerEditSchema, serverEditRequest, useConsoleOutput, useFlavorDetails, useInstanceActions, useVolumeAttachments, type ServerEdit } from '@/lib/resources/compute/queries';
import { useImageStatus } from '@/lib/resources/image/queries';
import { usePorts, useSecurityGroupNames } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { STORAGE_CHANGES, useProjectVolumes } from '@/lib/resources/volume/queries';
import { attachedServers, attachRequest, canAttach, canDetach, detachRequest, volumeStatus } from '@/lib/resources/volume/volume';
import { CliHint } from '@/components/ui/cli-hint';
import { FailureNotice } from '@/components/resource/failure-notice';
import { InstanceFloatingIpActions, InstanceSecurityGroups } from '@/components/network/floating-ip-instance';

const { table, th, td, box } = tableClass;

export function InstanceDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={def}
      id={id}
      overviewExtra={(s) => <OverviewExtra server={s} />}
      extraActions={(s) => <ExtraActions server={s} />}
      tabs={[
        { id: 'interfaces', label: 'Interfaces', render: (s) => <Interfaces server={s} /> },
        { id: 'volumes', label: 'Volumes', render: (s) => <Volumes server={s} /> },
        { id: 'security-groups', label: 'Security groups', render: (s) => <InstanceSecurityGroups server={s} /> },
        { id: 'console', label: 'Console log', render: (s) => <ConsoleLog server={s} /> },
        { id: 'actions', label: 'Action log', render: (s) => <ActionLog server={s} /> },
      ]}
    />
  );
}

function OverviewExtra({ server }: { server: Server }) {
  const meta = Object.entries(server.metadata ?? {});
  return (
    <>
      <Fault server={server} />
      <section aria-labelledby="meta-heading" className="space-y-2">
        <h2 id="meta-heading" className="text-sm font-semibold">
          Metadata
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
          <p className="text-sm text-zinc-500 dark:text-zinc-400">No metadata.</p>
        )}
      </section>
    </>
  );
}

function ExtraActions({ server }: { server: Server }) {
  const [open, setOpen] = useState<'edit' | 'snapshot' | 'resize' | null>(null);
  const consoleM = useOsMutation(NOVA, () => ({ method: 'POST', path: `servers/${server.id}/remote-consoles`, body: { remote_console: { protocol: 'vnc', type: 'novnc' } } }), {
    invalidates: [],
    onDone: (r) => window.open((r as { remote_console: { url: string } }).remote_console.url, '_blank', 'noopener'),
  });
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open === 'edit'} onClick={() => setOpen(open === 'edit' ? null : 'edit')}>
        Edit
      </button>
      {canSnapshot(server) && (
        <button type="button" className={buttonClass.secondary} aria-expanded={open === 'snapshot'} onClick={() => setOpen(open === 'snapshot' ? null : 'snapshot')}>
          Create snapshot
        </button>
      )}
      {canResize(server) && (
        <button type="button" className={buttonClass.secondary} aria-expanded={open === 'resize'} onClick={() => setOpen(open === 'resize' ? null : 'resize')}>
          Resize
        </button>
      )}
      {canConsole(server) && (
        <button type="button" className={buttonClass.secondary} title={`openstack console url show --novnc ${server.id}`} onClick={() => consoleM.mutate()} disabled={consoleM.isPending}>
          Open console
        </button>
      )}
      <InstanceFloatingIpActions server={server} />
      <CreateDnsRecordLink address={serverIps(server, 'floating')[0]} name={server.name} />
      <div className="basis-full">
        {consoleM.isError && <ApiErrorNotice title="No console" error={consoleM.error} />}
        {open === 'edit' && <EditForm server={server} onDone={() => setOpen(null)} />}
        {open === 'snapshot' && <SnapshotForm server={server} onDone={() => setOpen(null)} />}
        {open === 'resize' && <ResizeForm server={server} onDone={() => setOpen(null)} />}
      </div>
    </>
  );
}

/** Name and description (PUT /servers/{id}; description needs microversion 2.19, which COMPUTE_HEADERS pins above). */
function EditForm({ server, onDone }: { server: Server; onDone: () => void }) {
  const form = useZodForm(ServerEditSchema, { name: server.name, description: typeof server.description === 'string' ? server.description : '' });
  const v = form.values;
  const m = useOsMutation(NOVA, (body: ServerEdit) => serverEditRequest(server.id, body), { invalidates: ['server'], onDone });
  const cli = command('openstack', 'server', 'set', '--name', v.name.trim() || '<name>', '--description', v.description, server.id);
  return (
    <form
      noValidate
      aria-label="Edit instance"
      className="mt-2 max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit((input) => m.mutate(input))}
    >
      <TextField label="Instance name" {...form.field('name')} />
      <TextField label="Description" {...form.field('description')} />
      {m.isError && <ApiErrorNotice title="The change was refused" error={m.error} />}
      <CliHint>{cli}</CliHint>
      <FormButtons submit="Save" pending={m.isPending} onCancel={onDone} />
    </form>
  );
}

function SnapshotForm({ server, onDone }: { server: Server; onDone: () => void }) {
  const [name, setName] = useState(`${server.name}-snapshot`);
  const [error, setError] = useState<string>();
  const m = useOsMutation(NOVA, (n: string) => ({ method: 'POST', path: `servers/${server.id}/action`, body: { createImage: { name: n } } }), { invalidates: ['server'] });
  const imageId = (m.data as { image_id?: string } | undefined)?.image_id;
  return (
    <div className="mt-2 max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      {imageId ? (
        <SnapshotResult imageId={imageId} onDone={onDone} />
      ) : (
        <form
          noValidate
          aria-label="Create snapshot"
          className="space-y-3"
          onSubmit={(e) => {
            e.preventDefault();
            if (!name.trim()) return setError('Enter a name');
            setError(undefined);
            m.mutate(name.trim());
          }}
        >
          <TextField label="Snapshot name" value={name} error={error} onChange={(e) => setName(e.target.value)} />
          {m.isError && <ApiErrorNotice title="Snapshot failed" error={m.error} />}
          <CliHint>openstack server image create --name {name || '<name>'} {server.id}</CliHint>
          <div className="flex gap-2">
            <button type="submit" className={buttonClass.primary} disabled={m.isPending}>
              Create snapshot
            </button>
            <button type="button" className={buttonClass.secondary} onClick={onDone}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

function SnapshotResult({ imageId, onDone }: { imageId: string; onDone: () => void }) {
  const { projectId, cloud, region } = useProjectScope();
  const q = useImageStatus(imageId);
  const status = q.data?.status ?? 'queued';
  const link = `/${encodeURIComponent(cloud)}/${encodeURIComponent(projectId)}/images/${imageId}${region ? `?region=${encodeURIComponent(region)}` : ''}`;
  return (
    <div role="status" className="space-y-2 text-sm">
      <p>
        Snapshot image{' '}
        <a href={link} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
          {q.data?.name ?? imageId}
        </a>{' '}
        <StatusBadge status={{ label: status, tone: status === 'active' ? 'ok' : ['killed', 'deleted'].includes(status) ? 'error' : 'busy' }} />
      </p>
      <p className="font-mono text-xs text-zinc-500 dark:text-zinc-400">{imageId}</p>
      <button type="button" className={buttonClass.secondary} onClick={onDone}>
        Close
      </button>
    </div>
  );
}

function ResizeForm({ server, onDone }: { server: Server; onDone: () => void }) {
  const flavors = useFlavorDetails(5 * 60_000);
  const [flavorId, setFlavorId] = useState('');
  const m = useOsMutation(NOVA, (f: string) => ({ method: 'POST', path: `servers/${server.id}/action`, body: { resize: { flavorRef: f } } }), { invalidates: ['server'], onDone });
  const options = (flavors.data?.flavors ?? []).filter((f) => f.name !== server.flavor.original_name);
  return (
    <form
      aria-label="Resize instance"
      className="mt-2 max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        if (flavorId) m.mutate(flavorId);
      }}
    >
      <SelectField label="New flavor" value={flavorId} onChange={(e) => setFlavorId(e.target.value)}>
        <option value="">Choose a flavor</option>
        {options.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name} ({f.vcpus} vCPU, {f.ram} MB RAM, {f.disk} GB disk)
          </option>
        ))}
      </SelectField>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">After the resize, confirm it (or revert) from this page.</p>
      {m.isError && <ApiErrorNotice title="Resize refused" error={m.error} />}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={!flavorId || m.isPending}>
          Resize
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/**
 * Neutron ports of the server (one call), with each port's security groups by name (one call for all of them).
 * Nova's addresses give the network name and the floating IPs per MAC, so nothing else is fetched.
 */
function Interfaces({ server }: { server: Server }) {
  const href = useResourceHref();
  const ports = usePorts(`device_id=${encodeURIComponent(server.id)}`);
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
        <ApiErrorNotice title="Could not load the ports" error={ports.error} />
        <AddressTable server={server} />
      </div>
    );
  }
  return (
    <div className={box}>
      <table className={table} aria-label="Network interfaces" aria-busy={ports.isPending}>
        <thead>
          <tr>
            <th className={th}>Port</th>
            <th className={th}>Network</th>
            <th className={th}>Fixed IPs</th>
            <th className={th}>Floating IPs</th>
            <th className={th}>MAC</th>
            <th className={th}>Status</th>
            <th className={th}>Security groups</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {ports.data?.length === 0 && (
            <tr>
              <td className={td} colSpan={7}>
                No network interfaces.
              </td>
            </tr>
          )}
          {ports.data?.map((p) => {
            const nova = byMac.get(p.mac_address ?? '');
            return (
              <tr key={p.id}>
                <td className={`${td} font-mono text-xs`} title={p.id}>
                  <Link href={href('ports', p.id)} className="text-brand-700 hover:underline dark:text-brand-300">{p.name || p.id.slice(0, 8)}</Link>
                </td>
                <td className={td} title={p.network_id}>{nova?.net ?? p.network_id}</td>
                <td className={`${td} font-mono text-xs`}>{p.fixed_ips.map((f) => f.ip_address).join(', ')}</td>
                <td className={`${td} font-mono text-xs`}>{nova?.floating.join(', ') ?? ''}</td>
                <td className={`${td} font-mono text-xs`}>{p.mac_address ?? ''}</td>
                <td className={td}>{p.status ?? ''}</td>
                <td className={td}>{p.security_groups.map((g) => groups.data?.[g] ?? g).join(', ') || 'none'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function AddressTable({ server }: { server: Server }) {
  const rows = Object.entries(server.addresses).flatMap(([net, list]) => list.map((a) => ({ net, ...a })));
  return (
    <div className={box}>
      <table className={table} aria-label="Addresses">
        <thead>
          <tr>
            <th className={th}>Network</th>
            <th className={th}>Address</th>
            <th className={th}>Type</th>
            <th className={th}>MAC</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {rows.map((r) => (
            <tr key={`${r.net}-${r.addr}`}>
              <td className={td}>{r.net}</td>
              <td className={`${td} font-mono text-xs`}>{r.addr}</td>
              <td className={td}>{r['OS-EXT-IPS:type'] ?? ''}</td>
              <td className={`${td} font-mono text-xs`}>{r['OS-EXT-IPS-MAC:mac_addr'] ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function Volumes({ server }: { server: Server }) {
  const href = useResourceHref();
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
  const attachM = useOsMutation(NOVA, (vid: string) => attachRequest(server.id, vid), { invalidates: STORAGE_CHANGES, onDone: () => setVolumeId('') });
  const detachM = useOsMutation(NOVA, (vid: string) => detachRequest(server.id, vid), { invalidates: STORAGE_CHANGES });
  if (q.isError) return <ApiErrorNotice title="Could not load the attached volumes" error={q.error} />;
  return (
    <div className="space-y-4">
      <div className={box}>
        <table className={table} aria-label="Attached volumes" aria-busy={q.isPending}>
          <thead>
            <tr>
              <th className={th}>Volume</th>
              <th className={th}>Status</th>
              <th className={th}>Size</th>
              <th className={th}>Device</th>
              <th className={th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {q.data?.length === 0 && (
              <tr>
                <td className={td} colSpan={5}>
                  No volumes attached.
                </td>
              </tr>
            )}
            {q.data?.map((a) => {
              const v = byId.get(a.volumeId);
              const name = v?.name || a.volumeId;
              return (
                <tr key={a.volumeId}>
                  <td className={td}>
                    <a href={href('volumes', a.volumeId)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                      {name}
                    </a>
                  </td>
                  <td className={td}>{v && <StatusBadge status={volumeStatus(v)} />}</td>
                  <td className={td}>{v ? `${v.size} GB` : ''}</td>
                  <td className={`${td} font-mono text-xs`}>{a.device ?? ''}</td>
                  <td className={td}>
                    {(!v || canDetach(v)) && (
                      <button type="button" className={buttonClass.secondary} disabled={detachM.isPending} title={`openstack server remove volume ${server.id} ${a.volumeId}`} onClick={() => detachM.mutate(a.volumeId)}>
                        Detach {name}
                      </button>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {detachM.isError && <ApiErrorNotice title="Detach refused" error={detachM.error} />}
      <form
        noValidate
        aria-label="Attach a volume"
        className="max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={(e) => {
          e.preventDefault();
          const v = byId.get(volumeId);
          // Caught here rather than by Nova: a volume in use elsewhere needs a detach first (unless multi-attach).
          const problem = !v ? 'Choose the volume to attach' : canAttach(v) ? undefined : v.status === 'in-use' ? `${v.name || v.id} is in use (attached elsewhere): detach it first` : `${v.name || v.id} is ${v.status}: only available volumes can be attached`;
          setPickError(problem);
          if (!problem) attachM.mutate(volumeId);
        }}
      >
        <SelectField label="Volume to attach" value={volumeId} error={pickError} onChange={(e) => setVolumeId(e.target.value)} disabled={vols.isPending}>
          <option value="">{vols.isPending ? 'Loading volumes…' : 'Choose a volume'}</option>
          {choices.map((v) => (
            <option key={v.id} value={v.id}>
              {v.name || v.id} ({v.size} GB, {v.status})
            </option>
          ))}
        </SelectField>
        {vols.isError && <ApiErrorNotice title="Could not load volumes" error={vols.error} />}
        {attachM.isError && <ApiErrorNotice title="Attach refused" error={attachM.error} />}
        <CliHint>openstack server add volume {server.id} {volumeId || '<volume>'}</CliHint>
        <button type="submit" className={buttonClass.primary} disabled={attachM.isPending}>
          Attach volume
        </button>
      </form>
    </div>
  );
}

function ConsoleLog({ server }: { server: Server }) {
  const [length, setLength] = useState(30);
  const q = useConsoleOutput(server.id, length);
  const lines = q.data ? q.data.split('\n').length : 0;
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap gap-2">
        <button type="button" className={buttonClass.secondary} onClick={() => void q.refetch()} disabled={q.isFetching}>
          Refresh
        </button>
        <button type="button" className={buttonClass.secondary} onClick={() => setLength((l) => l + 100)} disabled={q.isFetching || lines < length}>
          Load more
        </button>
        <span className="self-center text-xs text-zinc-500 dark:text-zinc-400">Last {length} lines requested, {lines} shown</span>
      </div>
      {q.isError && <ApiErrorNotice title="No console output" error={q.error} />}
      <pre aria-label="Console output" className="max-h-[60vh] overflow-auto rounded-lg bg-zinc-950 p-4 font-mono text-xs text-zinc-100">
        {q.data ?? (q.isPending ? 'Loading…' : '')}
      </pre>
    </div>
  );
}

/** The fault with the request id of the action that failed (Nova marks it message "Error"), else the newest one. */
function Fault({ server }: { server: Server }) {
  const actions = useInstanceActions(server, !!server.fault);
  if (!server.fault) return null;
  const failed = actions.data?.find((a) => a.message === 'Error') ?? actions.data?.[0];
  return <FailureNotice title="Fault" code={server.fault.code} message={server.fault.message} source="Nova" requestId={failed?.request_id} />;
}

function ActionLog({ server }: { server: Server }) {
  const q = useInstanceActions(server);
  if (q.isError) return <ApiErrorNotice title="Could not load the action log" error={q.error} />;
  return (
    <div className={box}>
      <table className={table} aria-label="Action log" aria-busy={q.isPending}>
        <thead>
          <tr>
            <th className={th}>Action</th>
            <th className={th}>Started</th>
            <th className={th}>Request ID</th>
            <th className={th}>User</th>
            <th className={th}>Message</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
          {q.data?.map((a) => (
            <tr key={a.request_id + a.action}>
              <td className={td}>{a.action}</td>
              <td className={td}>{a.start_time}</td>
              <td className={`${td} font-mono text-xs`}>{a.request_id}</td>
              <td className={`${td} font-mono text-xs`}>{a.user_id ?? ''}</td>
              <td className={td}>{a.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
