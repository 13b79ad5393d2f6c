// Nova servers ("instances"). Microversion 2.79: servers embed their flavor (2.47+), so the list needs
// no flavor calls; image names come from one Glance call for the ids on screen.
import { z } from 'zod';
import { msg, type Msg, type MsgKey, type MsgWithValues } from '@/lib/i18n/msg';
import { sh } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter } from '../define';
import { serverFloatingIps } from '../network/floating-ip';
import { linkedField } from '../overview-links';
import { metadataTab } from '../define-detail';
import type { OverviewField, ResourceAction, RowMenuItem, StatusInfo } from '../types';
import { SERVER_FORMS, SERVER_MORE_ACTIONS } from './server-actions';
import { serverHeat } from '../iac/nova';

export const COMPUTE_HEADERS = { 'OpenStack-API-Version': 'compute 2.79', 'X-OpenStack-Nova-API-Version': '2.79' };
/** Nova at that microversion: what every compute definition and read starts from. */
export const NOVA = { service: 'compute', headers: COMPUTE_HEADERS } as const;

const AddressSchema = z.looseObject({
  addr: z.string(),
  version: z.number().optional(),
  'OS-EXT-IPS:type': z.string().optional(),
  'OS-EXT-IPS-MAC:mac_addr': z.string().optional(),
});

export const EmbeddedFlavorSchema = z.looseObject({
  original_name: z.string().optional(),
  id: z.string().optional(),
  vcpus: z.number().optional(),
  ram: z.number().optional(),
  disk: z.number().optional(),
  ephemeral: z.number().optional(),
  swap: z.number().optional(),
  extra_specs: z.record(z.string(), z.string()).optional(),
});

export const ServerSchema = z.looseObject({
  id: z.string().min(1),
  name: z.string(),
  status: z.string(),
  'OS-EXT-STS:task_state': z.string().nullable().optional(),
  'OS-EXT-STS:vm_state': z.string().optional(),
  'OS-EXT-STS:power_state': z.number().optional(),
  'OS-EXT-AZ:availability_zone': z.string().optional(),
  'OS-EXT-SRV-ATTR:host': z.string().nullable().optional(),
  'OS-EXT-SRV-ATTR:hypervisor_hostname': z.string().nullable().optional(),
  'OS-EXT-SRV-ATTR:instance_name': z.string().optional(),
  flavor: EmbeddedFlavorSchema,
  // "" when booted from a volume
  image: z.union([z.string(), z.looseObject({ id: z.string() })]),
  addresses: z.record(z.string(), z.array(AddressSchema)),
  key_name: z.string().nullable().optional(),
  metadata: z.record(z.string(), z.string()).optional(),
  created: z.string(),
  updated: z.string().optional(),
  tenant_id: z.string().optional(),
  user_id: z.string().optional(),
  fault: z.looseObject({ message: z.string(), code: z.number().optional(), details: z.string().optional() }).optional(),
  security_groups: z.array(z.looseObject({ name: z.string() })).optional(),
  'os-extended-volumes:volumes_attached': z.array(z.looseObject({ id: z.string() })).optional(),
  locked: z.boolean().optional(),
  // 2.73+: why an admin or the owner locked it; 2.26+: the server's tags.
  locked_reason: z.string().nullable().optional(),
  tags: z.array(z.string()).optional(),
});
export type Server = z.infer<typeof ServerSchema>;

const BUSY = new Set(['BUILD', 'REBUILD', 'REBOOT', 'HARD_REBOOT', 'RESIZE', 'MIGRATING', 'REVERT_RESIZE', 'PASSWORD']);

export function taskState(s: Pick<Server, 'OS-EXT-STS:task_state'>): string | null {
  return s['OS-EXT-STS:task_state'] ?? null;
}

/** Reads only the status, task state and fault, so a narrower schema (the topology's) can use it too. */
export function serverStatus(s: Pick<Server, 'status' | 'OS-EXT-STS:task_state' | 'fault'>): StatusInfo {
  const task = taskState(s);
  if (task === 'deleting') return { label: 'kinds.server.status.deleting', tone: 'busy' };
  if (s.status === 'ERROR') return { label: 'ERROR', tone: 'error', detail: s.fault?.message };
  if (task || BUSY.has(s.status)) return { label: task ? msg('kinds.server.status.withTask', { status: s.status, task }) : s.status, tone: 'busy' };
  if (s.status === 'UNKNOWN') return { label: 'UNKNOWN', tone: 'unknown' };
  return { label: s.status, tone: 'ok' };
}

/** The list's badge: the status alone, as busy as `serverStatus` says, since the Task column beside it names the task. */
export function listStatus(s: Pick<Server, 'status' | 'OS-EXT-STS:task_state' | 'fault'>): StatusInfo {
  const full = serverStatus(s);
  return full.tone === 'busy' && taskState(s) && taskState(s) !== 'deleting' ? { ...full, label: s.status } : full;
}

/** The API's status and task state as data (the status column's value, sorted, searched and exported as it is). */
export function rawStatus(s: Pick<Server, 'status' | 'OS-EXT-STS:task_state'>): string {
  const task = taskState(s);
  return task ? `${s.status} (${task})` : s.status;
}

export function imageId(s: Server): string {
  return typeof s.image === 'string' ? s.image : s.image.id;
}

export function serverIps(s: Server, type?: 'fixed' | 'floating'): string[] {
  return Object.values(s.addresses).flatMap((list) => list.filter((a) => !type || a['OS-EXT-IPS:type'] === type).map((a) => a.addr));
}

/** The addresses as the list shows them: a floating one marked as such in the page's language. */
function ipsLabel(s: Server): (string | MsgWithValues)[] {
  return Object.values(s.addresses).flatMap((list) => list.map((a) => (a['OS-EXT-IPS:type'] === 'floating' ? msg('kinds.server.values.floatingAddress', { address: a.addr }) : a.addr)));
}

/** Nova's power states by number (the API sends the number; naming it is the dashboard's word, as in Horizon). */
const POWER_STATES: readonly (MsgKey | '')[] = [
  'kinds.server.powerStates.noState', 'kinds.server.powerStates.running', '', 'kinds.server.powerStates.paused',
  'kinds.server.powerStates.shutdown', '', 'kinds.server.powerStates.crashed', 'kinds.server.powerStates.suspended',
];

function powerState(s: Server): Msg | '' {
  const key = POWER_STATES[s['OS-EXT-STS:power_state'] ?? 0];
  return key ? msg(key, {}) : '';
}

const idle = (s: Server) => taskState(s) === null && s.status !== 'BUILD';
const statusIn = (...st: string[]) => (s: Server) => idle(s) && st.includes(s.status);
const withTask = (task: string) => (s: Server): Server => ({ ...s, 'OS-EXT-STS:task_state': task });
const action = (path: (s: Server) => string, body: unknown) => (s: Server) => ({ method: 'POST' as const, path: path(s), body });
const act = (s: Server) => `servers/${s.id}/action`;

/** The values of a confirmation naming the rows: `{names}` (the first three) and `{more}`, with `{count}`. */
const names = (rows: readonly Server[]) => ({ count: rows.length, ...rowNames(rows, nameOrId, 3) });

export const SERVER_ACTIONS: readonly ResourceAction<Server>[] = [
  {
    id: 'start', label: 'kinds.server.actions.start', bulk: true, allowed: statusIn('SHUTOFF'),
    request: action(act, { 'os-start': null }), optimistic: withTask('powering-on'),
    cli: (s) => `openstack server start ${s.id}`,
  },
  {
    id: 'stop', label: 'kinds.server.actions.stop', bulk: true, allowed: statusIn('ACTIVE', 'ERROR'),
    request: action(act, { 'os-stop': null }), optimistic: withTask('powering-off'),
    cli: (s) => `openstack server stop ${s.id}`,
    confirm: {
      title: (r) => msg('kinds.server.confirm.stopTitle', { count: r.length }),
      body: (r) => msg('kinds.server.confirm.stopBody', names(r)),
      confirmLabel: 'kinds.server.actions.stop',
    },
  },
  {
    id: 'reboot-soft', label: 'kinds.server.actions.rebootSoft', allowed: statusIn('ACTIVE'),
    request: action(act, { reboot: { type: 'SOFT' } }), optimistic: (s) => ({ ...s, status: 'REBOOT', 'OS-EXT-STS:task_state': 'reboot_started' }),
    cli: (s) => `openstack server reboot --soft ${s.id}`,
    confirm: {
      title: () => 'kinds.server.confirm.rebootSoftTitle',
      body: (r) => msg('kinds.server.confirm.rebootSoftBody', { names: rowNames(r, nameOrId).names }),
      confirmLabel: 'kinds.server.actions.reboot',
    },
  },
  {
    id: 'reboot-hard', label: 'kinds.server.actions.rebootHard',
    allowed: (s) => ['ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'ERROR', 'REBOOT', 'HARD_REBOOT'].includes(s.status) && s.status !== 'BUILD',
    request: action(act, { reboot: { type: 'HARD' } }), optimistic: (s) => ({ ...s, status: 'HARD_REBOOT', 'OS-EXT-STS:task_state': 'reboot_started_hard' }),
    cli: (s) => `openstack server reboot --hard ${s.id}`,
    confirm: {
      title: () => 'kinds.server.confirm.rebootHardTitle',
      body: (r) => msg('kinds.server.confirm.rebootHardBody', { names: rowNames(r, nameOrId).names }),
      confirmLabel: 'kinds.server.actions.rebootHard',
      destructive: true,
    },
  },
  { id: 'pause', label: 'kinds.server.actions.pause', more: true, allowed: statusIn('ACTIVE'), request: action(act, { pause: null }), optimistic: withTask('pausing'), cli: (s) => `openstack server pause ${s.id}` },
  { id: 'unpause', label: 'kinds.server.actions.unpause', allowed: statusIn('PAUSED'), request: action(act, { unpause: null }), optimistic: withTask('unpausing'), cli: (s) => `openstack server unpause ${s.id}` },
  { id: 'suspend', label: 'kinds.server.actions.suspend', more: true, allowed: statusIn('ACTIVE'), request: action(act, { suspend: null }), optimistic: withTask('suspending'), cli: (s) => `openstack server suspend ${s.id}` },
  { id: 'resume', label: 'kinds.server.actions.resume', allowed: statusIn('SUSPENDED'), request: action(act, { resume: null }), optimistic: withTask('resuming'), cli: (s) => `openstack server resume ${s.id}` },
  {
    id: 'confirm-resize', label: 'kinds.server.actions.confirmResize', allowed: statusIn('VERIFY_RESIZE'),
    request: action(act, { confirmResize: null }), cli: (s) => `openstack server resize confirm ${s.id}`,
  },
  {
    id: 'revert-resize', label: 'kinds.server.actions.revertResize', allowed: statusIn('VERIFY_RESIZE'),
    request: action(act, { revertResize: null }), optimistic: (s) => ({ ...s, status: 'REVERT_RESIZE', 'OS-EXT-STS:task_state': 'resize_reverting' }),
    cli: (s) => `openstack server resize revert ${s.id}`,
  },
  ...SERVER_MORE_ACTIONS,
  deleteAction({
    title: 'kinds.server.confirm.deleteTitle', allowed: (s) => taskState(s) !== 'deleting', optimistic: withTask('deleting'),
    path: (s) => `servers/${s.id}`, cli: (s) => `openstack server delete ${s.id}`,
    body: (r) => msg('kinds.server.confirm.deleteBody', names(r)),
    dependents: serverDependents,
  }),
];

/** What a server delete leaves behind: attached volumes (detached, kept) and floating IPs (disassociated, kept). */
export async function serverDependents(rows: readonly Server[], get: (service: string, path: string) => Promise<unknown>): Promise<Msg[]> {
  const out: Msg[] = [];
  for (const s of rows) {
    const name = s.name || s.id;
    const vols = s['os-extended-volumes:volumes_attached'] ?? [];
    if (vols.length) out.push(msg('kinds.server.dependents.volumes', { name, count: vols.length }));
    try {
      const floatingips = await serverFloatingIps((path) => get('network', path), s.id);
      if (floatingips.length) out.push(msg('kinds.server.dependents.floatingIps', { name, addresses: floatingips.map((f) => f.floating_ip_address).join(', ') }));
    } catch {
      // No Neutron in this cloud: nothing more to say.
    }
  }
  return out;
}

/** Snapshot and resize take input; the detail page renders their forms. */
export const canSnapshot = statusIn('ACTIVE', 'SHUTOFF', 'PAUSED', 'SUSPENDED');
export const canResize = statusIn('ACTIVE', 'SHUTOFF');
export const canConsole = statusIn('ACTIVE');

/**
 * Horizon's row: Create snapshot, Associate floating IP, Edit instance, Resize instance; each opens the instance page
 * with that form open below its toolbar (the panels components/compute/instance-detail.tsx declares).
 */
const SERVER_ROW_MENU: readonly RowMenuItem<Server>[] = [
  { id: 'snapshot', label: 'kinds.server.rowMenu.createSnapshot', panel: 'snapshot', when: canSnapshot, cli: (s) => `openstack server image create --name <name> ${s.id}` },
  { id: 'associate-fip', label: 'kinds.server.rowMenu.associateFloatingIp', panel: 'associate-fip', cli: (s) => `openstack server add floating ip ${s.id} <address>` },
  { id: 'edit', label: 'kinds.server.rowMenu.edit', panel: 'edit', cli: (s) => `openstack server set --name <name> --description <text> ${s.id}` },
  { id: 'resize', label: 'kinds.server.rowMenu.resize', panel: 'resize', when: canResize, cli: (s) => `openstack server resize --flavor <flavor> ${s.id}` },
];

/** Who the logged-in user is, as the session says (Keystone's users API is refused to most users). */
export interface SessionUser {
  id: string;
  name: string;
}

/** The user who created the server: the logged-in user by name, anyone else by id (Nova gives only the id). */
function userField(self?: SessionUser): OverviewField<Server> {
  return linkedField<Server>({ label: 'kinds.server.overview.user', links: (s) => (s.user_id ? [{ name: s.user_id === self?.id ? self.name : s.user_id }] : []) });
}

/** Locked or not, with the reason Nova keeps (2.73+). */
function lockedText(s: Server): Msg {
  if (!s.locked) return msg('common.no', {});
  return s.locked_reason ? msg('kinds.server.values.lockedBecause', { reason: s.locked_reason }) : msg('common.yes', {});
}

function serverOverview(self?: SessionUser): OverviewField<Server>[] {
  return [
    { label: 'common.id', value: (s) => s.id, mono: true },
    { label: 'common.status', value: rawStatus },
    { label: 'common.description', value: (s) => (typeof s.description === 'string' ? s.description : '') },
    { label: 'kinds.server.overview.powerState', value: powerState },
    { label: 'kinds.server.columns.flavor', value: (s) => msg('kinds.server.values.flavor', { name: s.flavor.original_name ?? s.flavor.id ?? '', vcpus: s.flavor.vcpus ?? '?', ram: s.flavor.ram ?? '?', disk: s.flavor.disk ?? '?' }) },
    { label: 'kinds.server.columns.image', value: (s, ctx) => (imageId(s) ? `${ctx.lookups.images?.[imageId(s)] ?? ''} ${imageId(s)}`.trim() : ''), empty: 'kinds.server.overview.bootedFromVolume' },
    { label: 'kinds.server.columns.keyPair', value: (s) => s.key_name ?? '', empty: 'kinds.server.overview.noKeyPair' },
    { label: 'kinds.server.overview.locked', value: lockedText },
    { label: 'kinds.server.overview.tags', value: (s) => s.tags ?? [], empty: 'kinds.server.overview.noTags' },
    { label: 'kinds.server.columns.availabilityZone', value: (s) => s['OS-EXT-AZ:availability_zone'] ?? '' },
    { label: 'common.created', value: (s) => s.created },
    { label: 'common.updated', value: (s) => s.updated ?? '' },
    { label: 'kinds.server.overview.projectId', value: (s) => s.tenant_id ?? '', mono: true, sensitive: 'projectId' },
    userField(self),
    { label: 'kinds.server.overview.host', value: (s) => s['OS-EXT-SRV-ATTR:host'] ?? '', adminOnly: true },
    { label: 'kinds.server.overview.hypervisor', value: (s) => s['OS-EXT-SRV-ATTR:hypervisor_hostname'] ?? '', adminOnly: true },
    { label: 'kinds.server.overview.instanceName', value: (s) => s['OS-EXT-SRV-ATTR:instance_name'] ?? '', adminOnly: true, mono: true },
  ];
}

/**
 * Rows of the first page: Nova's time grows with the page size, and the first row waits for the whole page. Horizon
 * shows 20 too; the next page is fetched in the background (see resource-list), so paging on stays instant.
 */
export const SERVER_PAGE_SIZE = 20;

/** Tie-breakers after the chosen key, so servers created in one batch (the same created_at) keep one order. */
const NOVA_TIEBREAK: readonly (readonly [string, 'asc' | 'desc'])[] = [['created_at', 'desc'], ['display_name', 'asc'], ['uuid', 'asc']];

/** Nova takes several sort_key/sort_dir pairs (api-ref "List Servers": sort_key and sort_dir may repeat). */
export function novaSort(key: string, dir: 'asc' | 'desc'): [string, string][] {
  const keys = [[key, dir] as const, ...NOVA_TIEBREAK.filter(([k]) => k !== key)];
  return keys.flatMap(([k, d]) => [['sort_key', k], ['sort_dir', d]] as [string, string][]);
}

export const SERVER_STATUSES = ['ACTIVE', 'BUILD', 'ERROR', 'SHUTOFF', 'PAUSED', 'SUSPENDED', 'REBOOT', 'HARD_REBOOT', 'REBUILD', 'RESIZE', 'VERIFY_RESIZE', 'MIGRATING', 'RESCUE', 'SHELVED', 'SHELVED_OFFLOADED'];

export const serverDefinition = define<Server>({
  kind: 'server',
  slug: 'instances',
  label: { singular: 'kinds.server.singular', plural: 'kinds.server.plural', noun: 'kinds.server.noun' },
  ...rest(NOVA, 'servers', 'server', { list: 'servers/detail' }),
  schema: ServerSchema,
  status: serverStatus,
  addresses: (s) => serverIps(s),
  pageSize: SERVER_PAGE_SIZE,
  sortQuery: novaSort,
  columns: [
    nameColumn((s) => s.name, { sortKey: 'display_name' }),
    statusColumn(rawStatus, { sortKey: 'vm_state', badge: listStatus }),
    { id: 'task', label: 'kinds.server.columns.task', value: (s) => taskState(s) ?? '', sortKey: 'task_state', width: 'sm' },
    { id: 'power', label: 'kinds.server.overview.powerState', value: powerState, sortKey: 'power_state' },
    { id: 'image', label: 'kinds.server.columns.image', value: (s, ctx) => (imageId(s) ? (ctx.lookups.images?.[imageId(s)] ?? imageId(s)) : msg('kinds.server.values.volume', {})) },
    { id: 'flavor', label: 'kinds.server.columns.flavor', value: (s) => s.flavor.original_name ?? s.flavor.id ?? '', width: 'sm' },
    { id: 'ips', label: 'kinds.server.columns.ips', value: ipsLabel, cell: 'list' },
    { id: 'key', label: 'kinds.server.columns.keyPair', value: (s) => s.key_name ?? '', sortKey: 'key_name', width: 'sm' },
    { id: 'az', label: 'kinds.server.columns.availabilityZone', value: (s) => s['OS-EXT-AZ:availability_zone'] ?? '', sortKey: 'availability_zone', hidden: true },
    ageColumn((s) => s.created, { label: 'kinds.server.columns.age', sortKey: 'created_at' }),
    idColumn((s) => s.id, { sortKey: 'uuid', short: 'id' }),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  filters: [
    nameFilter,
    statusFilter(SERVER_STATUSES),
    {
      id: 'image', label: 'kinds.server.columns.image', type: 'select',
      optionsFrom: { kind: 'image', service: 'image', path: 'v2/images?limit=200&sort=name:asc', key: 'images', value: (o) => String(o.id), label: (o) => String(o.name ?? o.id) },
    },
    {
      id: 'flavor', label: 'kinds.server.columns.flavor', type: 'select',
      optionsFrom: { kind: 'flavor', service: 'compute', path: 'flavors?limit=200', key: 'flavors', value: (o) => String(o.id), label: (o) => String(o.name ?? o.id) },
    },
  ],
  lookups: [
    {
      name: 'images', kind: 'image', service: 'image', key: 'images',
      ids: (rows) => rows.map(imageId).filter(Boolean),
      path: (ids) => `v2/images?id=in:${ids.join(',')}&limit=${ids.length}`,
      label: (o) => String(o.name ?? o.id),
    },
  ],
  // A server delete frees its ports, floating IPs and volumes.
  invalidates: ['port', 'floating-ip', 'volume'],
  actions: SERVER_ACTIONS,
  forms: SERVER_FORMS,
  // Nova's metadata at its own path, replaced whole (PUT servers/{id}/metadata); refused while shelved or locked.
  metadata: metadataTab({ path: (s) => `servers/${s.id}/metadata`, cli: (s) => `openstack server show -c properties ${s.id}` }),
  rowMenu: SERVER_ROW_MENU,
  links: [
    // An A or AAAA record for the first floating IP: the DNS pages ask for the zone, then open the recordset form
    // prefilled. Only in a cloud with Designate.
    {
      label: 'kinds.server.links.createDnsRecord', needsSection: true,
      when: (s) => serverIps(s, 'floating').length > 0,
      to: (s) => {
        const address = serverIps(s, 'floating')[0];
        const q = new URLSearchParams({ type: address.includes(':') ? 'AAAA' : 'A', records: address });
        if (s.name) q.set('name', s.name);
        return { slug: 'zones', rest: 'record', query: q.toString() };
      },
    },
  ],
  overview: serverOverview(),
  heat: serverHeat,
  // Deleted servers answer changes-since lists as DELETED; their actions say who deleted them.
  activity: { type: 'nova-actions', gone: (s) => s.status === 'DELETED' },
  cli: { list: 'openstack server list --long', show: (s) => `openstack server show ${s.id}` },
});

/** The definition as the logged-in user reads it: their own servers' creator by name. */
export function serverDefinitionFor(self: SessionUser | undefined): typeof serverDefinition {
  return self ? { ...serverDefinition, overview: serverOverview(self) } : serverDefinition;
}

// ---- Launch form ----------------------------------------------------------------------------

export interface LaunchLimits {
  instances: number;
  cores: number;
  ram: number;
}

/** What Nova's absolute limits leave for a launch (Infinity: unlimited). */
export function remainingQuota(abs: Record<string, number> | undefined): LaunchLimits | undefined {
  if (!abs) return undefined;
  const left = (max: string, used: string) => (abs[max] === undefined || abs[max] < 0 ? Infinity : abs[max] - (abs[used] ?? 0));
  return { instances: left('maxTotalInstances', 'totalInstancesUsed'), cores: left('maxTotalCores', 'totalCoresUsed'), ram: left('maxTotalRAMSize', 'totalRAMUsed') };
}

export interface FlavorSize {
  id: string;
  vcpus: number;
  ram: number;
  disk: number;
}

export const ServerCreateSchema = z
  .object({
    name: z.string().trim().min(1, { error: 'kinds.server.errors.nameRequired' }).max(255, { error: 'kinds.server.errors.tooLong' }),
    count: z.coerce
      .number({ error: 'kinds.server.errors.countNumber' })
      .int({ error: 'kinds.server.errors.countWhole' })
      .min(1, { error: 'kinds.server.errors.countMin' })
      .max(100, { error: 'kinds.server.errors.countMax' }),
    source: z.enum(['image', 'volume']),
    imageId: z.string().min(1, { error: 'kinds.server.errors.imageRequired' }),
    volumeSize: z.coerce.number().int().min(1, { error: 'kinds.server.errors.volumeSizeMin' }).optional(),
    flavorId: z.string().min(1, { error: 'kinds.server.errors.flavorRequired' }),
    networks: z.array(z.string()),
    keyName: z.string(),
    securityGroups: z.array(z.string()),
    userData: z.string().max(65535, { error: 'kinds.server.errors.userDataTooLong' }),
    availabilityZone: z.string(),
    // Issue 19: a server group (the scheduler hint `group`), the new root volume's type, a config drive, more hints.
    serverGroup: z.string().optional(),
    volumeType: z.string().optional(),
    configDrive: z.boolean().optional(),
    hints: z.string().optional(),
  })
  .superRefine((v, ctx) => {
    const r = parseHints(v.hints ?? '');
    if ('error' in r) ctx.addIssue({ code: 'custom', path: ['hints'], message: r.error });
  });
export type ServerCreate = z.infer<typeof ServerCreateSchema>;

/**
 * Scheduler hints as `key=value` lines (`different_host=<server id>`); a key given twice becomes a list, as the CLI's
 * repeated `--hint` makes it. Nova's schema takes any key (filters read what they know), so only the shape is checked.
 */
export function parseHints(text: string): { hints: Record<string, string | string[]> } | { error: 'kinds.server.errors.schedulerHint' } {
  const hints: Record<string, string | string[]> = {};
  for (const line of text.split('\n').map((l) => l.trim()).filter(Boolean)) {
    const at = line.indexOf('=');
    if (at <= 0 || at === line.length - 1) return { error: 'kinds.server.errors.schedulerHint' };
    const key = line.slice(0, at).trim();
    const value = line.slice(at + 1).trim();
    const prev = hints[key];
    hints[key] = prev === undefined ? value : [...(Array.isArray(prev) ? prev : [prev]), value];
  }
  return { hints };
}

/** The hints the launch sends: the typed ones and the chosen server group's (which wins over a typed `group`). */
function launchHints(input: Pick<ServerCreate, 'hints' | 'serverGroup'>): Record<string, string | string[]> {
  const r = parseHints(input.hints ?? '');
  const hints = 'hints' in r ? r.hints : {};
  return input.serverGroup ? { ...hints, group: input.serverGroup } : hints;
}

/** Checks the form can answer without the API: flavor too small for the image, quota. Field -> message (a Msg the form translates). */
export function launchProblems(
  input: Pick<ServerCreate, 'count' | 'source' | 'volumeSize'>,
  flavor: FlavorSize | undefined,
  image: { min_disk?: number; min_ram?: number } | undefined,
  remaining: LaunchLimits | undefined,
): Record<string, Msg> {
  const out: Record<string, Msg> = {};
  if (flavor && image) {
    const disk = input.source === 'volume' ? (input.volumeSize ?? 0) : flavor.disk;
    if ((image.min_ram ?? 0) > flavor.ram) out.flavorId = msg('kinds.server.errors.flavorRamTooSmall', { need: image.min_ram ?? 0, have: flavor.ram });
    else if (input.source === 'image' && flavor.disk > 0 && (image.min_disk ?? 0) > disk) out.flavorId = msg('kinds.server.errors.flavorDiskTooSmall', { need: image.min_disk ?? 0, have: flavor.disk });
    if (input.source === 'volume' && (image.min_disk ?? 0) > disk) out.volumeSize = msg('kinds.server.errors.volumeTooSmall', { need: image.min_disk ?? 0 });
  }
  if (remaining && Number.isFinite(input.count) && input.count >= 1) {
    const n = input.count;
    if (n > remaining.instances) out.count = msg('kinds.server.errors.overInstances', { count: remaining.instances });
    else if (flavor && n * flavor.vcpus > remaining.cores) out.count = msg('kinds.server.errors.overCores', { need: n * flavor.vcpus, left: remaining.cores });
    else if (flavor && n * flavor.ram > remaining.ram) out.count = msg('kinds.server.errors.overRam', { need: n * flavor.ram, left: remaining.ram });
  }
  return out;
}

/** The smallest flavor (vCPU, RAM, disk) that fits the image. */
export function defaultFlavor<F extends FlavorSize & { name?: string }>(flavors: readonly F[], image: { min_disk?: number; min_ram?: number } | undefined): F | undefined {
  const fits = flavors.filter((f) => !f.name?.startsWith('fail-') && f.ram >= (image?.min_ram ?? 0) && (f.disk === 0 || f.disk >= (image?.min_disk ?? 0)));
  return [...fits].sort((a, b) => a.vcpus - b.vcpus || a.ram - b.ram || a.disk - b.disk)[0];
}

function base64(text: string): string {
  let bin = '';
  for (const b of new TextEncoder().encode(text)) bin += String.fromCharCode(b);
  return btoa(bin);
}

export function launchRequest(input: ServerCreate): { method: 'POST'; path: string; body: unknown } {
  const server: Record<string, unknown> = {
    name: input.name.trim(),
    flavorRef: input.flavorId,
    min_count: input.count,
    max_count: input.count,
    networks: input.networks.length ? input.networks.map((uuid) => ({ uuid })) : 'none',
  };
  if (input.source === 'image') server.imageRef = input.imageId;
  else
    server.block_device_mapping_v2 = [
      // volume_type: 2.67+, which COMPUTE_HEADERS pins.
      { boot_index: 0, uuid: input.imageId, source_type: 'image', destination_type: 'volume', volume_size: input.volumeSize ?? 1, delete_on_termination: true, ...(input.volumeType && { volume_type: input.volumeType }) },
    ];
  if (input.configDrive) server.config_drive = true;
  if (input.keyName) server.key_name = input.keyName;
  if (input.securityGroups.length) server.security_groups = input.securityGroups.map((name) => ({ name }));
  if (input.userData) server.user_data = base64(input.userData);
  if (input.availabilityZone) server.availability_zone = input.availabilityZone;
  // Beside `server`, not in it (api-ref "Create Server": os:scheduler_hints).
  const hints = launchHints(input);
  return { method: 'POST', path: 'servers', body: Object.keys(hints).length ? { server, 'os:scheduler_hints': hints } : { server } };
}

export function launchCli(input: ServerCreate): string {
  // No network is `networks: "none"` in the request (launchRequest); the CLI's default would be "auto", which Nova
  // refuses when the project has several networks: say `--nic none`, which needs microversion 2.37.
  // A volume type needs a block device mapping, which the CLI sends with 2.67.
  const typed = input.source === 'volume' && !!input.volumeType;
  const parts = [typed ? 'openstack --os-compute-api-version 2.67 server create' : input.networks.length ? 'openstack server create' : 'openstack --os-compute-api-version 2.37 server create'];
  if (input.source === 'image') parts.push(`--image ${sh(input.imageId)}`);
  else if (typed)
    parts.push(`--block-device ${sh(`uuid=${input.imageId},source_type=image,destination_type=volume,volume_size=${input.volumeSize ?? 1},volume_type=${input.volumeType},boot_index=0,delete_on_termination=true`)}`);
  else parts.push(`--image ${sh(input.imageId)} --boot-from-volume ${input.volumeSize ?? 1}`);
  parts.push(`--flavor ${sh(input.flavorId)}`);
  if (input.networks.length) for (const n of input.networks) parts.push(`--network ${sh(n)}`);
  else parts.push('--nic none');
  if (input.keyName) parts.push(`--key-name ${sh(input.keyName)}`);
  for (const g of input.securityGroups) parts.push(`--security-group ${sh(g)}`);
  if (input.availabilityZone) parts.push(`--availability-zone ${sh(input.availabilityZone)}`);
  if (input.userData) parts.push('--user-data <file>');
  if (input.configDrive) parts.push('--config-drive True');
  for (const [k, v] of Object.entries(launchHints(input))) for (const one of Array.isArray(v) ? v : [v]) parts.push(`--hint ${sh(`${k}=${one}`)}`);
  if (input.count > 1) parts.push(`--min ${input.count} --max ${input.count}`);
  parts.push(input.name.trim() ? sh(input.name.trim()) : '<name>');
  return parts.join(' ');
}
