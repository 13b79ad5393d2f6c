// Issue 19's instance actions, as Horizon 23 offers them: rebuild, rescue/unrescue, shelve/unshelve, lock/unlock,
// attach an interface, tags, and the admins' moves (cold migration, live migration, evacuate). One-click actions
// are `ResourceAction`s; those that take input are `DetailForm`s on the instance page. The states each is offered in
// are those Nova's compute API accepts (nova/compute/api.py `check_instance_state`); Nova still answers 409 for the
// rest (a locked server, a task running), shown as its refusal. Every call is POST servers/{id}/action at
// COMPUTE_HEADERS' microversion 2.79: the lock reason (2.73), tags (2.26), `migrate: {host}` (2.56), an asynchronous
// live migration with `block_migration: "auto"` (2.25, 2.34) and evacuate without `onSharedStorage` (2.14).
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { nameOrId, rowNames } from '../define';
import type { ApiRequest, DetailForm, FieldOptionsSource, FormValue, ResourceAction } from '../types';
// Types only: server.ts imports these actions, so nothing runs in a cycle.
import type { Server } from './server';

const act = (s: Server, body: unknown): ApiRequest => ({ method: 'POST', path: `servers/${s.id}/action`, body });
const idle = (s: Server) => !s['OS-EXT-STS:task_state'] && s.status !== 'BUILD';
const statusIn = (...st: string[]) => (s: Server) => idle(s) && st.includes(s.status);
const withTask = (task: string) => (s: Server): Server => ({ ...s, 'OS-EXT-STS:task_state': task });
const str = (v: FormValue | undefined) => (typeof v === 'string' ? v.trim() : '');

/** Rebuild and rescue: vm_state active, stopped or error (Nova's check_instance_state). */
export const canRebuild = statusIn('ACTIVE', 'SHUTOFF', 'ERROR');
export const canRescue = statusIn('ACTIVE', 'SHUTOFF', 'ERROR');
export const canShelve = statusIn('ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED');
export const canUnshelve = statusIn('SHELVED', 'SHELVED_OFFLOADED');
/** Interfaces attach and detach on active, paused and stopped servers only. */
export const canChangeInterfaces = statusIn('ACTIVE', 'PAUSED', 'SHUTOFF');
/** Cold migration is a resize to the same flavor: active or stopped. */
export const canMigrate = statusIn('ACTIVE', 'SHUTOFF');
export const canLiveMigrate = statusIn('ACTIVE', 'PAUSED');
/** Evacuate rebuilds elsewhere what a down host held: Nova then checks the host really is down (400 otherwise). */
export const canEvacuate = statusIn('ACTIVE', 'SHUTOFF', 'ERROR');

export const SERVER_MORE_ACTIONS: readonly ResourceAction<Server>[] = [
  {
    id: 'unrescue', label: 'kinds.server.actions.unrescue', allowed: statusIn('RESCUE'),
    request: (s) => act(s, { unrescue: null }), optimistic: withTask('unrescuing'),
    cli: (s) => command('openstack server unrescue', s.id),
  },
  {
    id: 'shelve', label: 'kinds.server.actions.shelve', allowed: canShelve, bulk: true, more: true,
    request: (s) => act(s, { shelve: null }), optimistic: withTask('shelving'),
    cli: (s) => command('openstack server shelve', s.id),
    confirm: {
      title: (rows) => msg('kinds.server.confirm.shelveTitle', { count: rows.length }),
      body: (rows) => msg('kinds.server.confirm.shelveBody', { count: rows.length, ...rowNames(rows, nameOrId, 3) }),
      confirmLabel: 'kinds.server.actions.shelve',
    },
  },
  {
    id: 'unshelve', label: 'kinds.server.actions.unshelve', allowed: canUnshelve, bulk: true,
    request: (s) => act(s, { unshelve: null }), optimistic: withTask('unshelving'),
    cli: (s) => command('openstack server unshelve', s.id),
  },
  {
    id: 'unlock', label: 'kinds.server.actions.unlock', allowed: (s) => s.locked === true,
    request: (s) => act(s, { unlock: null }), optimistic: (s) => ({ ...s, locked: false, locked_reason: null }),
    cli: (s) => command('openstack server unlock', s.id),
  },
];

// ---- Forms ---------------------------------------------------------------------------------------------------

const IMAGES: FieldOptionsSource = {
  kind: 'image', service: 'image', path: 'v2/images?status=active&limit=200&sort=name:asc', key: 'images',
  value: (o) => String(o.id), label: (o) => String(o.name ?? o.id), noun: 'kinds.image.noun', none: 'kinds.server.forms.noImages',
};

/** Compute hosts by name (what migrate, live-migrate and evacuate take), from the nova-compute services. */
const HOSTS: FieldOptionsSource = {
  kind: 'compute-service', service: 'compute', path: 'os-services?binary=nova-compute', key: 'services',
  value: (o) => String(o.host), label: (o) => `${String(o.host)} (${String(o.state ?? '')}, ${String(o.status ?? '')})`,
  noun: 'kinds.server.forms.hostNoun', none: 'kinds.server.forms.automaticHost', choose: 'kinds.server.forms.automaticHost', staleTime: 10_000,
};

const hostField = { name: 'host', label: 'kinds.server.forms.targetHost', type: 'select', optionsFrom: HOSTS, hint: 'kinds.server.forms.targetHostHint' } as const;

const imageOf = (s: Server) => (typeof s.image === 'string' ? s.image : s.image.id);

export const RebuildSchema = z.object({
  imageId: z.string().min(1, { error: 'kinds.server.errors.imageRequired' }),
  name: z.string().trim().max(255, { error: 'kinds.server.errors.tooLong' }),
  preserveEphemeral: z.boolean(),
});
export type Rebuild = z.infer<typeof RebuildSchema>;

/** Rebuild: the new image, the name (unchanged when left as it is), the ephemeral disk kept when asked. */
export function rebuildRequest(s: Server, v: Rebuild): ApiRequest {
  const rebuild: Record<string, unknown> = { imageRef: v.imageId };
  if (v.name && v.name !== s.name) rebuild.name = v.name;
  // Only sent when asked: drivers without ephemeral preservation refuse the key itself set to true.
  if (v.preserveEphemeral) rebuild.preserve_ephemeral = true;
  return act(s, { rebuild });
}

export function rebuildCli(s: Server, v: Record<string, FormValue>, labels: Record<string, string>): string {
  const image = str(v.imageId);
  const name = str(v.name);
  return command('openstack server rebuild', '--image', labels[image] || image || '<image>', ...(name && name !== s.name ? ['--name', name] : []), ...(v.preserveEphemeral === true ? ['--preserve-ephemeral'] : []), s.id);
}

export const RescueSchema = z.object({ imageId: z.string(), password: z.string().max(255, { error: 'kinds.server.errors.tooLong' }) });
export type Rescue = z.infer<typeof RescueSchema>;

/** Rescue: Nova boots the rescue image (the server's own when none is chosen) with the password, if any. */
export function rescueRequest(s: Server, v: Rescue): ApiRequest {
  const rescue: Record<string, unknown> = {};
  if (v.password) rescue.adminPass = v.password;
  if (v.imageId) rescue.rescue_image_ref = v.imageId;
  return act(s, { rescue });
}

export const LockSchema = z.object({ reason: z.string().trim().max(255, { error: 'kinds.server.errors.tooLong' }) });

/** Nova's tag rules (api-ref "Server Tags"): at most 50, each 1-60 characters without "/" or ",". */
export function parseTags(text: string): { tags: string[] } | { error: 'kinds.server.errors.tagChars' | 'kinds.server.errors.tagLength' | 'kinds.server.errors.tooManyTags' } {
  const tags = [...new Set(text.split(/[\n,]/).map((t) => t.trim()).filter(Boolean))];
  if (tags.some((t) => t.includes('/'))) return { error: 'kinds.server.errors.tagChars' };
  if (tags.some((t) => t.length > 60)) return { error: 'kinds.server.errors.tagLength' };
  if (tags.length > 50) return { error: 'kinds.server.errors.tooManyTags' };
  return { tags };
}

export const TagsSchema = z.object({ tags: z.string() }).transform((v, ctx) => {
  const r = parseTags(v.tags);
  if ('error' in r) {
    ctx.addIssue({ code: 'custom', path: ['tags'], message: r.error });
    return z.NEVER;
  }
  return r;
});

/** Tags replace the whole set (PUT servers/{id}/tags); nothing is sent when they did not change. */
export function tagsRequest(s: Server, tags: readonly string[]): ApiRequest | undefined {
  const before = [...(s.tags ?? [])].sort();
  if (before.length === tags.length && [...tags].sort().every((t, i) => t === before[i])) return undefined;
  return { method: 'PUT', path: `servers/${s.id}/tags`, body: { tags } };
}

export const InterfaceSchema = z
  .object({ by: z.enum(['network', 'port']), networkId: z.string(), portId: z.string(), fixedIp: z.string().trim() })
  .superRefine((v, ctx) => {
    if (v.by === 'network' && !v.networkId) ctx.addIssue({ code: 'custom', path: ['networkId'], message: 'kinds.server.errors.networkRequired' });
    if (v.by === 'port' && !v.portId) ctx.addIssue({ code: 'custom', path: ['portId'], message: 'kinds.server.errors.portRequired' });
    if (v.by === 'network' && v.fixedIp && !isIp(v.fixedIp)) ctx.addIssue({ code: 'custom', path: ['fixedIp'], message: 'kinds.server.errors.fixedIp' });
  });
export type InterfaceAttach = z.infer<typeof InterfaceSchema>;

/** An IPv4 address in dotted quads, or an IPv6 address (hex groups, at most one "::"). */
export function isIp(s: string): boolean {
  const v4 = s.split('.');
  if (v4.length === 4) return v4.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255);
  if (!/^[0-9a-fA-F:]+$/.test(s) || s.split('::').length > 2) return false;
  const groups = s.split(':');
  return groups.length <= 8 && groups.every((g) => g.length <= 4) && (s.includes('::') || groups.length === 8);
}

/** POST servers/{id}/os-interface: a new port on a network (with the fixed IP asked for), or an existing port. */
export function interfaceRequest(s: Server, v: InterfaceAttach): ApiRequest {
  const interfaceAttachment = v.by === 'port' ? { port_id: v.portId } : { net_id: v.networkId, ...(v.fixedIp && { fixed_ips: [{ ip_address: v.fixedIp }] }) };
  return { method: 'POST', path: `servers/${s.id}/os-interface`, body: { interfaceAttachment } };
}

export function interfaceCli(s: Server, v: Record<string, FormValue>, labels: Record<string, string>): string {
  if (v.by === 'port') return command('openstack server add port', s.id, str(v.portId) || '<port>');
  const net = str(v.networkId);
  const ip = str(v.fixedIp);
  return command('openstack server add network', ...(ip ? ['--fixed-ip-address', ip] : []), s.id, labels[net] || net || '<network>');
}

/** The server's interface as the detach button calls it: DELETE servers/{id}/os-interface/{port}. */
export const detachInterfaceRequest = (serverId: string, portId: string): ApiRequest => ({ method: 'DELETE', path: `servers/${serverId}/os-interface/${portId}` });
export const detachInterfaceCli = (serverId: string, portId: string) => command('openstack server remove port', serverId, portId);

const HostSchema = z.object({ host: z.string() });
export const LiveMigrateSchema = z.object({ host: z.string(), blockMigration: z.enum(['auto', 'true', 'false']) });
export type LiveMigrate = z.infer<typeof LiveMigrateSchema>;

/** Live migration: `host: null` lets the scheduler choose; "auto" lets Nova decide between shared and block storage. */
export function liveMigrateRequest(s: Server, v: LiveMigrate): ApiRequest {
  const block = v.blockMigration === 'auto' ? 'auto' : v.blockMigration === 'true';
  return act(s, { 'os-migrateLive': { host: v.host || null, block_migration: block } });
}

export function liveMigrateCli(s: Server, v: Record<string, FormValue>): string {
  const host = str(v.host);
  const block = v.blockMigration === 'true' ? ['--block-migration'] : v.blockMigration === 'false' ? ['--shared-migration'] : [];
  return command('openstack --os-compute-api-version 2.79 server migrate --live-migration', ...(host ? ['--host', host] : []), ...block, s.id);
}

// A `DetailForm` per input-taking action; `any` input since each form has its own schema (as in database/instance.ts).
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const SERVER_FORMS: readonly DetailForm<Server, any>[] = [
  {
    id: 'rebuild', label: 'kinds.server.forms.rebuild', more: true, when: canRebuild,
    hint: (s) => command('openstack server rebuild', '--image', '<image>', s.id),
    schema: RebuildSchema,
    fields: [
      { name: 'imageId', label: 'kinds.server.columns.image', type: 'select', optionsFrom: IMAGES },
      { name: 'name', label: 'common.name', type: 'text' },
      { name: 'preserveEphemeral', label: 'kinds.server.forms.preserveEphemeral', type: 'checkbox', hint: 'kinds.server.forms.preserveEphemeralHint' },
    ],
    initial: (s) => ({ imageId: imageOf(s), name: s.name, preserveEphemeral: false }),
    note: () => 'kinds.server.forms.rebuildNote',
    request: rebuildRequest,
    cli: rebuildCli,
    submitLabel: 'kinds.server.forms.rebuildSubmit', errorTitle: 'kinds.server.forms.rebuildRefused',
  },
  {
    id: 'rescue', label: 'kinds.server.forms.rescue', more: true, when: canRescue,
    hint: (s) => command('openstack server rescue', s.id),
    schema: RescueSchema,
    fields: [
      { name: 'imageId', label: 'kinds.server.forms.rescueImage', type: 'select', optionsFrom: { ...IMAGES, choose: 'kinds.server.forms.rescueOwnImage' } },
      { name: 'password', label: 'kinds.server.forms.rescuePassword', type: 'text', hint: 'kinds.server.forms.rescuePasswordHint' },
    ],
    initial: () => ({ imageId: '', password: '' }),
    request: rescueRequest,
    cli: (s, v, labels) => command('openstack server rescue', ...(str(v.imageId) ? ['--image', labels[str(v.imageId)] || str(v.imageId)] : []), ...(str(v.password) ? ['--password', '<password>'] : []), s.id),
    submitLabel: 'kinds.server.forms.rescueSubmit', errorTitle: 'kinds.server.forms.rescueRefused',
  },
  {
    id: 'lock', label: 'kinds.server.forms.lock', more: true, when: (s) => s.locked !== true,
    hint: (s) => command('openstack server lock', s.id),
    schema: LockSchema,
    fields: [{ name: 'reason', label: 'kinds.server.forms.lockReason', type: 'text', hint: 'kinds.server.forms.lockHint' }],
    initial: () => ({ reason: '' }),
    request: (s, v: z.infer<typeof LockSchema>) => act(s, { lock: v.reason ? { locked_reason: v.reason } : null }),
    cli: (s, v) => command('openstack --os-compute-api-version 2.73 server lock', ...(str(v.reason) ? ['--reason', str(v.reason)] : []), s.id),
    submitLabel: 'kinds.server.forms.lock', errorTitle: 'kinds.server.forms.lockRefused',
  },
  {
    id: 'attach-interface', label: 'kinds.server.forms.attachInterface', more: true, when: canChangeInterfaces,
    hint: (s) => command('openstack server add network', s.id, '<network>'),
    schema: InterfaceSchema,
    fields: [
      { name: 'by', label: 'kinds.server.forms.interfaceBy', type: 'select', options: [{ value: 'network', label: 'kinds.server.forms.byNetwork' }, { value: 'port', label: 'kinds.server.forms.byPort' }] },
      {
        name: 'networkId', label: 'kinds.server.forms.network', type: 'select', when: (v) => v.by !== 'port',
        optionsFrom: { kind: 'network', service: 'network', path: 'v2.0/networks?fields=id&fields=name', key: 'networks', value: (o) => String(o.id), label: (o) => String(o.name || o.id), noun: 'kinds.network.noun', none: 'kinds.server.forms.noNetworks' },
      },
      { name: 'fixedIp', label: 'kinds.server.forms.fixedIp', type: 'text', when: (v) => v.by !== 'port', hint: 'kinds.server.forms.fixedIpHint' },
      {
        name: 'portId', label: 'kinds.server.forms.port', type: 'select', when: (v) => v.by === 'port',
        // Ports bound to nothing: Neutron matches the empty device_id.
        optionsFrom: { kind: 'port', service: 'network', path: (project) => `v2.0/ports?device_id=&project_id=${project}&fields=id&fields=name&fields=fixed_ips`, key: 'ports', value: (o) => String(o.id), label: portLabel, noun: 'kinds.port.noun', none: 'kinds.server.forms.noFreePorts' },
      },
    ],
    initial: () => ({ by: 'network', networkId: '', portId: '', fixedIp: '' }),
    request: interfaceRequest,
    cli: interfaceCli,
    submitLabel: 'kinds.server.forms.attach', errorTitle: 'kinds.server.forms.attachInterfaceRefused',
  },
  {
    id: 'tags', label: 'kinds.server.forms.tags', more: true,
    hint: (s) => command('openstack --os-compute-api-version 2.26 server set', '--tag', '<tag>', s.id),
    schema: TagsSchema,
    fields: [{ name: 'tags', label: 'kinds.server.forms.tagsField', type: 'textarea', hint: 'kinds.server.forms.tagsHint' }],
    initial: (s) => ({ tags: (s.tags ?? []).join('\n') }),
    resetKey: (s) => (s.tags ?? []).join(','),
    request: (s, v: { tags: string[] }) => tagsRequest(s, v.tags),
    cli: (s, v) => {
      const r = parseTags(str(v.tags));
      const tags = 'tags' in r ? r.tags : [];
      return command('openstack --os-compute-api-version 2.26 server set', '--no-tag', ...tags.flatMap((t) => ['--tag', t]), s.id);
    },
    submitLabel: 'common.save', errorTitle: 'kinds.server.forms.tagsRefused',
  },
  {
    id: 'migrate', label: 'kinds.server.forms.migrate', more: true, when: canMigrate, adminOnly: true,
    hint: (s) => command('openstack server migrate', s.id),
    schema: HostSchema,
    fields: [hostField],
    initial: () => ({ host: '' }),
    note: () => 'kinds.server.forms.migrateNote',
    request: (s, v: z.infer<typeof HostSchema>) => act(s, { migrate: v.host ? { host: v.host } : null }),
    cli: (s, v) => (str(v.host) ? command('openstack --os-compute-api-version 2.56 server migrate', '--host', str(v.host), s.id) : command('openstack server migrate', s.id)),
    submitLabel: 'kinds.server.forms.migrateSubmit', errorTitle: 'kinds.server.forms.migrateRefused',
  },
  {
    id: 'live-migrate', label: 'kinds.server.forms.liveMigrate', more: true, when: canLiveMigrate, adminOnly: true,
    hint: (s) => command('openstack server migrate --live-migration', s.id),
    schema: LiveMigrateSchema,
    fields: [
      hostField,
      {
        name: 'blockMigration', label: 'kinds.server.forms.blockMigration', type: 'select',
        options: [{ value: 'auto', label: 'kinds.server.forms.blockAuto' }, { value: 'true', label: 'kinds.server.forms.blockYes' }, { value: 'false', label: 'kinds.server.forms.blockNo' }],
      },
    ],
    initial: () => ({ host: '', blockMigration: 'auto' }),
    request: liveMigrateRequest,
    cli: liveMigrateCli,
    submitLabel: 'kinds.server.forms.liveMigrateSubmit', errorTitle: 'kinds.server.forms.liveMigrateRefused',
  },
  {
    id: 'evacuate', label: 'kinds.server.forms.evacuate', more: true, when: canEvacuate, adminOnly: true,
    hint: (s) => command('openstack server evacuate', s.id),
    schema: HostSchema,
    fields: [hostField],
    initial: () => ({ host: '' }),
    note: () => 'kinds.server.forms.evacuateNote',
    request: (s, v: z.infer<typeof HostSchema>) => act(s, { evacuate: v.host ? { host: v.host } : {} }),
    cli: (s, v) => command('openstack --os-compute-api-version 2.79 server evacuate', ...(str(v.host) ? ['--host', str(v.host)] : []), s.id),
    submitLabel: 'kinds.server.forms.evacuateSubmit', errorTitle: 'kinds.server.forms.evacuateRefused',
  },
];

function portLabel(o: Record<string, unknown>): string {
  const ips = Array.isArray(o.fixed_ips) ? o.fixed_ips.map((f) => String((f as { ip_address?: unknown }).ip_address ?? '')).filter(Boolean) : [];
  const name = String(o.name || String(o.id).slice(0, 8));
  return ips.length ? `${name} (${ips.join(', ')})` : name;
}
