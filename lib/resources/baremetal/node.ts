// Ironic v1 nodes (admin). The proxy sends X-OpenStack-Ironic-API-Version 1.78 (lib/openstack/microversions.ts):
// 1.21+ has resource_class, 1.43+ `detail`, 1.73+ the deploy/undeploy verbs; Zed's Ironic 21.4 supports up to 1.82.
import { z } from 'zod';
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { command } from '../cli';
import { issueText } from '@/lib/i18n/issue';
import { ageColumn, choices, define, deleteAction, nameColumn, rest, rowNames } from '../define';
import type { ApiRequest, CreateForm, FormField, ResourceAction, StatusInfo } from '../types';
import { nodePortDefinition } from './port';
import { maybeStrings } from '../schema';
import {
  allowedPower, allowedVerbs, canDeleteNode, isBusy, isFailed, POWER_TARGETS, PROVISION_STATES, PROVISION_VERBS, type PowerVerb, type ProvisionVerb,
  BAREMETAL_SERVICE, IRONIC, IRONIC_HEADERS,
} from './states';


export const NodeSchema = z.looseObject({
  uuid: z.string().min(1),
  ...maybeStrings('name', 'power_state', 'target_power_state'),
  provision_state: z.string().nullable(),
  target_provision_state: z.string().nullable().optional(),
  maintenance: z.boolean().optional(),
  maintenance_reason: z.string().nullable().optional(),
  fault: z.string().nullable().optional(),
  driver: z.string().optional(),
  driver_info: z.record(z.string(), z.unknown()).optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  ...maybeStrings('instance_uuid', 'resource_class', 'last_error', 'owner', 'conductor', 'provision_updated_at'),
  created_at: z.string().optional(),
  updated_at: z.string().nullable().optional(),
  description: z.string().nullable().optional(),
});
export type Node = z.infer<typeof NodeSchema>;

/** "deploying → active" while a transition runs; failures and last_error are errors. */
export function nodeStatus(n: Node): StatusInfo {
  const ps = n.provision_state ?? 'unknown';
  const detail = n.last_error ?? undefined;
  if (isFailed(n)) return { label: ps, tone: 'error', detail };
  if (n.target_power_state) return { label: `${ps} (${n.target_power_state}…)`, tone: 'busy', detail };
  if (isBusy(n)) return { label: n.target_provision_state ? `${ps} → ${n.target_provision_state}` : ps, tone: 'busy', detail };
  if (n.last_error) return { label: ps, tone: 'error', detail };
  return { label: ps, tone: ps === 'unknown' ? 'unknown' : 'ok', detail };
}

/** "Yes: <reason>", "Yes" or "No" (the reason as the operator wrote it). */
export const maintenanceLabel = (n: Node) =>
  n.maintenance ? (n.maintenance_reason ? msg('kinds.node.fields.maintenanceReason', { reason: n.maintenance_reason }) : msg('common.yes', {})) : msg('common.no', {});

const provision = (n: Node, target: string, extra: Record<string, unknown> = {}): ApiRequest => ({
  method: 'PUT', path: `v1/nodes/${n.uuid}/states/provision`, body: { target, ...extra },
});

/** The one clean step the dashboard offers (manual cleaning needs explicit steps). */
export const ERASE_METADATA_STEP = { interface: 'deploy', step: 'erase_devices_metadata' } as const;
export const cleanRequest = (n: Node): ApiRequest => provision(n, 'clean', { clean_steps: [ERASE_METADATA_STEP] });

/** The confirmations of the verbs that wipe a disk: a title, and a body of the rows' names and their number. */
const WIPES: Partial<Record<ProvisionVerb, { title: MsgKey; body: MsgKey }>> = {
  undeploy: { title: 'kinds.node.confirm.undeployTitle', body: 'kinds.node.confirm.undeployBody' },
  rebuild: { title: 'kinds.node.confirm.rebuildTitle', body: 'kinds.node.confirm.rebuildBody' },
  clean: { title: 'kinds.node.confirm.cleanTitle', body: 'kinds.node.confirm.cleanBody' },
};

function provisionAction(verb: ProvisionVerb): ResourceAction<Node> {
  const v = PROVISION_VERBS[verb];
  const wipe = WIPES[verb];
  const destructive = !!wipe;
  return {
    id: verb,
    label: v.label,
    allowed: (n) => allowedVerbs(n).includes(verb),
    request: (n) => (verb === 'clean' ? cleanRequest(n) : provision(n, v.target)),
    optimistic: (n) => ({ ...n, target_provision_state: v.goal }),
    cli: (n) =>
      verb === 'clean'
        ? command('openstack baremetal node clean', n.uuid, '--clean-steps', JSON.stringify([ERASE_METADATA_STEP]))
        : `openstack baremetal node ${v.cli} ${n.uuid}`,
    destructive,
    confirm: wipe
      ? { title: () => wipe.title, body: (rows) => msg(wipe.body, names(rows)), confirmLabel: v.label, destructive: true }
      : undefined,
  };
}

/** Each power verb's label, and the confirmation of those that cut the power (of the rows' names and number). */
const POWER_TEXTS: Record<PowerVerb, { label: MsgKey; confirm?: { title: MsgKey; body: MsgKey } }> = {
  on: { label: 'kinds.node.actions.powerOn' },
  off: { label: 'kinds.node.actions.powerOff', confirm: { title: 'kinds.node.confirm.powerOffTitle', body: 'kinds.node.confirm.powerOffBody' } },
  reboot: { label: 'kinds.node.actions.reboot', confirm: { title: 'kinds.node.confirm.rebootTitle', body: 'kinds.node.confirm.rebootBody' } },
};

function powerAction(verb: PowerVerb): ResourceAction<Node> {
  const { label, confirm } = POWER_TEXTS[verb];
  return {
    id: `power-${verb}`,
    label,
    allowed: (n) => allowedPower(n).includes(verb),
    request: (n) => ({ method: 'PUT', path: `v1/nodes/${n.uuid}/states/power`, body: { target: POWER_TARGETS[verb] } }),
    optimistic: (n) => ({ ...n, target_power_state: verb === 'off' ? 'power off' : 'power on' }),
    cli: (n) => `openstack baremetal node ${verb === 'reboot' ? 'reboot' : `power ${verb}`} ${n.uuid}`,
    confirm: confirm && { title: () => confirm.title, body: (rows) => msg(confirm.body, names(rows)), confirmLabel: label, destructive: true },
  };
}

/** The values of a confirmation naming the rows: up to 3 names, how many more, and how many in all. */
const names = (rows: readonly Node[]) => ({ count: rows.length, ...rowNames(rows, (n) => n.name || n.uuid, 3) });

export const maintenanceOnRequest = (n: Node, reason: string): ApiRequest => ({
  method: 'PUT', path: `v1/nodes/${n.uuid}/maintenance`, body: reason.trim() ? { reason: reason.trim() } : {},
});
export const maintenanceOnCli = (n: Node, reason: string) => command('openstack baremetal node maintenance set', reason.trim() ? '--reason' : undefined, reason.trim() || undefined, n.uuid);

export const NODE_ACTIONS: readonly ResourceAction<Node>[] = [
  ...(['manage', 'inspect', 'provide', 'deploy', 'rebuild', 'undeploy', 'clean', 'unrescue', 'abort'] as const).map(provisionAction),
  ...(['on', 'off', 'reboot'] as const).map(powerAction),
  {
    id: 'maintenance-off', label: 'kinds.node.actions.maintenanceOff',
    allowed: (n) => n.maintenance === true,
    request: (n) => ({ method: 'DELETE', path: `v1/nodes/${n.uuid}/maintenance` }),
    optimistic: (n) => ({ ...n, maintenance: false, maintenance_reason: null }),
    cli: (n) => `openstack baremetal node maintenance unset ${n.uuid}`,
  },
  deleteAction({
    title: 'kinds.node.confirm.deleteTitle', allowed: canDeleteNode,
    path: (n) => `v1/nodes/${n.uuid}`, cli: (n) => `openstack baremetal node delete ${n.uuid}`,
    body: (r) => msg('kinds.node.confirm.deleteBody', names(r)),
  }),
];

// ---- Enroll -----------------------------------------------------------------------------------

/** Logical names: RFC 3986 unreserved characters, not a UUID (Ironic refuses others with 400). */
const NAME_RE = /^[A-Za-z0-9\-._~]+$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A whole-number property, or empty; `error` names the property ("CPUs must be a whole number, 0 or more"). */
const wholeOrEmpty = (error: MsgKey) => z.string().trim().refine((s) => s === '' || /^\d+$/.test(s), { error });

export const NodeCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'kinds.node.errors.nameLength' })
      .refine((s) => s === '' || NAME_RE.test(s), { error: 'kinds.node.errors.nameCharacters' })
      .refine((s) => !UUID_RE.test(s), { error: 'kinds.node.errors.nameUuid' }),
    driver: z.string().min(1, { error: 'kinds.node.errors.chooseDriver' }),
    driverInfo: z.array(z.object({ key: z.string().trim(), value: z.string() })),
    cpus: wholeOrEmpty('kinds.node.errors.cpusWhole'),
    memory_mb: wholeOrEmpty('kinds.node.errors.memoryWhole'),
    local_gb: wholeOrEmpty('kinds.node.errors.localDiskWhole'),
    cpu_arch: z.string().trim().max(64, { error: 'kinds.node.errors.cpuArchLength' }),
    resource_class: z.string().trim().max(80, { error: 'kinds.node.errors.resourceClassLength' }),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.driverInfo.forEach((row, i) => {
      if (!row.key && row.value) ctx.addIssue({ code: 'custom', path: ['driverInfo', i, 'key'], message: 'kinds.node.errors.keyRequired' });
      // A message with a value travels through zod as its JSON (network/issue.ts).
      if (row.key && seen.has(row.key)) ctx.addIssue({ code: 'custom', path: ['driverInfo', i, 'key'], message: issueText(msg('kinds.node.errors.duplicateKey', { key: row.key })) });
      seen.add(row.key);
    });
  });
export type NodeCreate = z.infer<typeof NodeCreateSchema>;

function nodeProperties(i: NodeCreate): Record<string, string | number> {
  const p: Record<string, string | number> = {};
  for (const k of ['cpus', 'memory_mb', 'local_gb'] as const) if (i[k]) p[k] = Number(i[k]);
  if (i.cpu_arch) p.cpu_arch = i.cpu_arch;
  return p;
}

export function nodeCreateRequest(i: NodeCreate): ApiRequest {
  const body: Record<string, unknown> = { driver: i.driver };
  if (i.name) body.name = i.name;
  const info = Object.fromEntries(i.driverInfo.filter((r) => r.key).map((r) => [r.key, r.value]));
  if (Object.keys(info).length) body.driver_info = info;
  const props = nodeProperties(i);
  if (Object.keys(props).length) body.properties = props;
  if (i.resource_class) body.resource_class = i.resource_class;
  return { method: 'POST', path: 'v1/nodes', body };
}

/** ironicclient: `openstack baremetal node create --driver <d> [--name] [--driver-info k=v]… [--property k=v]… [--resource-class]`. */
export function nodeCreateCli(i: Partial<NodeCreate>): string {
  const words: Array<string | undefined> = ['openstack', 'baremetal', 'node', 'create', '--driver', i.driver || '<driver>'];
  if (i.name?.trim()) words.push('--name', i.name.trim());
  for (const r of i.driverInfo ?? []) if (r.key.trim()) words.push('--driver-info', `${r.key.trim()}=${r.value}`);
  for (const k of ['cpus', 'memory_mb', 'local_gb', 'cpu_arch'] as const) {
    const v = i[k]?.trim();
    if (v) words.push('--property', `${k}=${v}`);
  }
  if (i.resource_class?.trim()) words.push('--resource-class', i.resource_class.trim());
  return command(...words);
}

/** The enabled drivers: the list's filter and the enroll form's select. */
const DRIVERS = { service: BAREMETAL_SERVICE, path: 'v1/drivers', key: 'drivers', kind: 'baremetal-driver', value: (o: Record<string, unknown>) => String(o.name), label: (o: Record<string, unknown>) => String(o.name) };

const property = (name: string, label: MsgKey, placeholder?: MsgKey): FormField => ({ name, label, type: 'text', numeric: !placeholder, placeholder, group: 'kinds.node.form.properties' });

/** Enroll: POST /v1/nodes. The node starts in `enroll`; manage and provide it from its page. */
export const nodeCreateForm: CreateForm<Node, NodeCreate> = {
  schema: NodeCreateSchema,
  fields: [
    { name: 'name', label: 'common.name', type: 'text', hint: 'kinds.node.form.nameHint' },
    { name: 'driver', label: 'kinds.node.fields.driver', type: 'select', optionsFrom: { ...DRIVERS, headers: IRONIC_HEADERS, noun: 'kinds.node.form.driverNoun', none: 'kinds.node.form.noDriver' } },
    { name: 'driverInfo', label: 'kinds.node.fields.driverInfo', type: 'pairs', hint: 'kinds.node.form.driverInfoHint' },
    property('cpus', 'kinds.node.form.cpus'), property('memory_mb', 'kinds.node.form.memory'), property('local_gb', 'kinds.node.form.localDisk'), property('cpu_arch', 'kinds.node.form.cpuArch', 'kinds.node.form.cpuArchPlaceholder'),
    { name: 'resource_class', label: 'kinds.node.fields.resourceClass', type: 'text', placeholder: 'kinds.node.form.resourceClassPlaceholder', hint: 'kinds.node.form.resourceClassHint' },
  ],
  defaults: { name: '', driver: '', driverInfo: [{ key: '', value: '' }], cpus: '', memory_mb: '', local_gb: '', cpu_arch: '', resource_class: '' },
  request: nodeCreateRequest,
  cli: nodeCreateCli,
  created: (body) => NodeSchema.safeParse(body).data,
  breadcrumb: true, cancelLink: true, errorTitle: 'kinds.node.create.errorTitle',
};

export const nodeDefinition = define<Node, NodeCreate>({
  kind: 'baremetal-node',
  slug: 'nodes',
  label: { singular: 'kinds.node.singular', plural: 'kinds.node.plural', noun: 'kinds.node.noun' },
  ...rest(IRONIC, 'v1/nodes', '', { list: 'v1/nodes/detail' }),
  schema: NodeSchema,
  id: (n) => n.uuid,
  status: nodeStatus,
  pageSize: 50,
  columns: [
    nameColumn((n) => n.name || n.uuid, { sortKey: 'name' }),
    // The name links to the node (and is its UUID when it has none): the UUID column is one pick away.
    { id: 'uuid', label: 'kinds.node.fields.uuid', value: (n) => n.uuid, cell: 'mono', short: 'id', hidden: true },
    { id: 'power', label: 'kinds.node.fields.powerState', value: (n) => n.power_state ?? msg('kinds.node.fields.none', {}) },
    { id: 'provision', label: 'kinds.node.fields.provisionState', value: (n) => n.provision_state, cell: 'status', sortKey: 'provision_state' },
    { id: 'targets', label: 'kinds.node.fields.targetStates', value: (n) => [n.target_power_state, n.target_provision_state].filter(Boolean).join(', '), hidden: true },
    { id: 'maintenance', label: 'kinds.node.fields.maintenance', value: maintenanceLabel },
    { id: 'driver', label: 'kinds.node.fields.driver', value: (n) => n.driver ?? '', sortKey: 'driver', hidden: true },
    { id: 'instance', label: 'kinds.node.fields.instanceUuid', value: (n) => n.instance_uuid ?? '', cell: 'mono', short: 'id' },
    { id: 'resource_class', label: 'kinds.node.fields.resourceClass', value: (n) => n.resource_class ?? '' },
    { id: 'last_error', label: 'kinds.node.fields.lastError', value: (n) => n.last_error ?? '', width: 'sm' },
    ageColumn((n) => n.created_at ?? '', { sortKey: 'created_at', hidden: true }),
  ],
  filters: [
    { id: 'provision_state', label: 'kinds.node.fields.provisionState', type: 'select', options: choices(PROVISION_STATES) },
    { id: 'maintenance', label: 'kinds.node.fields.maintenance', type: 'select', options: [{ value: 'true', label: 'kinds.node.filters.inMaintenance' }, { value: 'false', label: 'kinds.node.filters.notInMaintenance' }] },
    { id: 'driver', label: 'kinds.node.fields.driver', type: 'select', optionsFrom: DRIVERS },
  ],
  actions: NODE_ACTIONS,
  create: nodeCreateForm,
  overview: [
    { label: 'kinds.node.fields.uuid', value: (n) => n.uuid, mono: true },
    { label: 'kinds.node.fields.provisionState', value: (n) => n.provision_state, empty: 'kinds.node.fields.none' },
    { label: 'kinds.node.fields.targetProvisionState', value: (n) => n.target_provision_state ?? '' },
    { label: 'kinds.node.fields.powerState', value: (n) => n.power_state, empty: 'kinds.node.fields.none' },
    { label: 'kinds.node.fields.targetPowerState', value: (n) => n.target_power_state ?? '' },
    { label: 'kinds.node.fields.maintenance', value: maintenanceLabel },
    { label: 'kinds.node.fields.lastError', value: (n) => n.last_error ?? '' },
    { label: 'kinds.node.fields.driver', value: (n) => n.driver ?? '' },
    { label: 'kinds.node.fields.driverInfo', value: (n) => kv(n.driver_info), mono: true },
    { label: 'kinds.node.fields.properties', value: (n) => kv(n.properties), mono: true },
    { label: 'kinds.node.fields.resourceClass', value: (n) => n.resource_class ?? '' },
    { label: 'kinds.node.fields.instanceUuid', value: (n) => n.instance_uuid ?? '', mono: true },
    { label: 'kinds.node.fields.conductor', value: (n) => n.conductor ?? '' },
    { label: 'kinds.node.fields.owner', value: (n) => n.owner ?? '', mono: true, sensitive: 'projectId' },
    { label: 'kinds.node.fields.provisionUpdated', value: (n) => n.provision_updated_at ?? '' },
    { label: 'common.created', value: (n) => n.created_at ?? '' },
  ],
  failure: (n) => (n.last_error ? { title: 'kinds.node.fields.lastError', message: n.last_error, source: 'Ironic' } : undefined),
  forms: [
    {
      id: 'maintenance', label: 'kinds.node.maintenance.label', when: (n) => !n.maintenance, hint: (n) => maintenanceOnCli(n, ''),
      schema: z.object({ reason: z.string() }),
      fields: [{ name: 'reason', label: 'kinds.node.maintenance.reason', type: 'text', maxLength: 255, hint: 'kinds.node.maintenance.reasonHint' }],
      initial: () => ({ reason: '' }),
      request: (n: Node, i: { reason: string }) => maintenanceOnRequest(n, i.reason),
      cli: (n, v) => maintenanceOnCli(n, String(v.reason)),
      submitLabel: 'kinds.node.maintenance.submit', errorTitle: 'kinds.node.maintenance.errorTitle',
    },
  ],
  tabs: [
    {
      id: 'ports', label: 'kinds.baremetalPort.plural', view: 'compact', list: (n) => nodePortDefinition(n.uuid), table: 'kinds.node.ports.table', empty: 'kinds.node.ports.empty',
      note: (n) => (isBusy(n) ? 'kinds.node.ports.busy' : undefined),
    },
  ],
  cli: { list: 'openstack baremetal node list --long', show: (n) => `openstack baremetal node show ${n.uuid}` },
});

function kv(o: Record<string, unknown> | undefined): string {
  // Ironic masks secrets in driver_info (******) itself.
  return Object.entries(o ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
}

