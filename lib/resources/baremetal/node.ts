// Ironic v1 nodes (admin). The proxy sends X-OpenStack-Ironic-API-Version 1.78 (lib/openstack/microversions.ts):
// 1.21+ has resource_class, 1.43+ `detail`, 1.73+ the deploy/undeploy verbs; Zed's Ironic 21.4 supports up to 1.82.
import { z } from 'zod';
import { command } from '../cli';
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

export const maintenanceLabel = (n: Node) => (n.maintenance ? `Yes${n.maintenance_reason ? `: ${n.maintenance_reason}` : ''}` : 'No');

const provision = (n: Node, target: string, extra: Record<string, unknown> = {}): ApiRequest => ({
  method: 'PUT', path: `v1/nodes/${n.uuid}/states/provision`, body: { target, ...extra },
});

/** The one clean step the dashboard offers (manual cleaning needs explicit steps). */
export const ERASE_METADATA_STEP = { interface: 'deploy', step: 'erase_devices_metadata' } as const;
export const cleanRequest = (n: Node): ApiRequest => provision(n, 'clean', { clean_steps: [ERASE_METADATA_STEP] });

function provisionAction(verb: ProvisionVerb): ResourceAction<Node> {
  const v = PROVISION_VERBS[verb];
  const destructive = verb === 'undeploy' || verb === 'rebuild' || verb === 'clean';
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
    confirm: destructive
      ? {
          title: () => `${v.label} node?`,
          body: (rows) =>
            verb === 'clean'
              ? `Erases the partition tables of ${names(rows)} (clean step deploy.erase_devices_metadata). Drivers without the step fail the clean; last_error then says so.`
              : `${v.label} ${names(rows)}: the instance on ${rows.length === 1 ? 'it' : 'them'} and its disks are wiped.`,
          confirmLabel: v.label,
          destructive: true,
        }
      : undefined,
  };
}

function powerAction(verb: PowerVerb): ResourceAction<Node> {
  const label = verb === 'reboot' ? 'Reboot' : `Power ${verb}`;
  return {
    id: `power-${verb}`,
    label,
    allowed: (n) => allowedPower(n).includes(verb),
    request: (n) => ({ method: 'PUT', path: `v1/nodes/${n.uuid}/states/power`, body: { target: POWER_TARGETS[verb] } }),
    optimistic: (n) => ({ ...n, target_power_state: verb === 'off' ? 'power off' : 'power on' }),
    cli: (n) => `openstack baremetal node ${verb === 'reboot' ? 'reboot' : `power ${verb}`} ${n.uuid}`,
    confirm: verb === 'on' ? undefined : { title: () => `${label}?`, body: (rows) => `${label} ${names(rows)} without shutting the operating system down.`, confirmLabel: label, destructive: true },
  };
}

const names = (rows: readonly Node[]) => rowNames(rows, (n) => n.name || n.uuid, 3);

export const maintenanceOnRequest = (n: Node, reason: string): ApiRequest => ({
  method: 'PUT', path: `v1/nodes/${n.uuid}/maintenance`, body: reason.trim() ? { reason: reason.trim() } : {},
});
export const maintenanceOnCli = (n: Node, reason: string) => command('openstack baremetal node maintenance set', reason.trim() ? '--reason' : undefined, reason.trim() || undefined, n.uuid);

export const NODE_ACTIONS: readonly ResourceAction<Node>[] = [
  ...(['manage', 'inspect', 'provide', 'deploy', 'rebuild', 'undeploy', 'clean', 'unrescue', 'abort'] as const).map(provisionAction),
  ...(['on', 'off', 'reboot'] as const).map(powerAction),
  {
    id: 'maintenance-off', label: 'Leave maintenance',
    allowed: (n) => n.maintenance === true,
    request: (n) => ({ method: 'DELETE', path: `v1/nodes/${n.uuid}/maintenance` }),
    optimistic: (n) => ({ ...n, maintenance: false, maintenance_reason: null }),
    cli: (n) => `openstack baremetal node maintenance unset ${n.uuid}`,
  },
  deleteAction({
    noun: 'node', allowed: canDeleteNode,
    path: (n) => `v1/nodes/${n.uuid}`, cli: (n) => `openstack baremetal node delete ${n.uuid}`,
    body: (r) => `This removes ${names(r)} and ${r.length === 1 ? 'its' : 'their'} ports from Ironic. The hardware is untouched.`,
  }),
];

// ---- Enroll -----------------------------------------------------------------------------------

/** Logical names: RFC 3986 unreserved characters, not a UUID (Ironic refuses others with 400). */
const NAME_RE = /^[A-Za-z0-9\-._~]+$/;
const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const wholeOrEmpty = (what: string) =>
  z.string().trim().refine((s) => s === '' || /^\d+$/.test(s), { error: `${what} must be a whole number, 0 or more` });

export const NodeCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'At most 255 characters' })
      .refine((s) => s === '' || NAME_RE.test(s), { error: 'Letters, digits and - . _ ~ only' })
      .refine((s) => !UUID_RE.test(s), { error: 'A name cannot be a UUID' }),
    driver: z.string().min(1, { error: 'Choose a driver' }),
    driverInfo: z.array(z.object({ key: z.string().trim(), value: z.string() })),
    cpus: wholeOrEmpty('CPUs'),
    memory_mb: wholeOrEmpty('Memory'),
    local_gb: wholeOrEmpty('Local disk'),
    cpu_arch: z.string().trim().max(64, { error: 'At most 64 characters' }),
    resource_class: z.string().trim().max(80, { error: 'At most 80 characters' }),
  })
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.driverInfo.forEach((row, i) => {
      if (!row.key && row.value) ctx.addIssue({ code: 'custom', path: ['driverInfo', i, 'key'], message: 'Enter a key for this value' });
      if (row.key && seen.has(row.key)) ctx.addIssue({ code: 'custom', path: ['driverInfo', i, 'key'], message: `Duplicate key ${row.key}` });
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

const property = (name: string, label: string, placeholder?: string): FormField => ({ name, label, type: 'text', numeric: !placeholder, placeholder, group: 'Properties (for scheduling)' });

/** Enroll: POST /v1/nodes. The node starts in `enroll`; manage and provide it from its page. */
export const nodeCreateForm: CreateForm<Node, NodeCreate> = {
  schema: NodeCreateSchema,
  fields: [
    { name: 'name', label: 'Name', type: 'text', hint: 'Optional. Letters, digits and - . _ ~' },
    { name: 'driver', label: 'Driver', type: 'select', optionsFrom: { ...DRIVERS, headers: IRONIC_HEADERS, noun: 'driver', none: 'No driver is enabled' } },
    { name: 'driverInfo', label: 'Driver info', type: 'pairs', hint: 'How the conductor reaches the hardware (e.g. ipmi_address, redfish_address, deploy_kernel).' },
    property('cpus', 'CPUs'), property('memory_mb', 'Memory (MiB)'), property('local_gb', 'Local disk (GiB)'), property('cpu_arch', 'CPU architecture', 'x86_64'),
    { name: 'resource_class', label: 'Resource class', type: 'text', placeholder: 'baremetal', hint: 'Nova flavors match nodes by resource class.' },
  ],
  defaults: { name: '', driver: '', driverInfo: [{ key: '', value: '' }], cpus: '', memory_mb: '', local_gb: '', cpu_arch: '', resource_class: '' },
  request: nodeCreateRequest,
  cli: nodeCreateCli,
  created: (body) => NodeSchema.safeParse(body).data,
  breadcrumb: true, cancelLink: true, errorTitle: 'Could not enroll the node',
};

export const nodeDefinition = define<Node, NodeCreate>({
  kind: 'baremetal-node',
  slug: 'nodes',
  label: { singular: 'Node', plural: 'Nodes' },
  ...rest(IRONIC, 'v1/nodes', '', { list: 'v1/nodes/detail' }),
  schema: NodeSchema,
  id: (n) => n.uuid,
  status: nodeStatus,
  pageSize: 50,
  columns: [
    nameColumn((n) => n.name || n.uuid, { sortKey: 'name' }),
    { id: 'uuid', label: 'UUID', value: (n) => n.uuid, cell: 'mono' },
    { id: 'power', label: 'Power state', value: (n) => n.power_state ?? 'None' },
    { id: 'provision', label: 'Provision state', value: (n) => n.provision_state, cell: 'status', sortKey: 'provision_state' },
    { id: 'targets', label: 'Target states', value: (n) => [n.target_power_state, n.target_provision_state].filter(Boolean).join(', ') },
    { id: 'maintenance', label: 'Maintenance', value: maintenanceLabel },
    { id: 'driver', label: 'Driver', value: (n) => n.driver ?? '', sortKey: 'driver' },
    { id: 'instance', label: 'Instance UUID', value: (n) => n.instance_uuid ?? '', cell: 'mono' },
    { id: 'resource_class', label: 'Resource class', value: (n) => n.resource_class ?? '' },
    { id: 'last_error', label: 'Last error', value: (n) => n.last_error ?? '' },
    ageColumn((n) => n.created_at ?? '', { sortKey: 'created_at', hidden: true }),
  ],
  filters: [
    { id: 'provision_state', label: 'Provision state', type: 'select', options: choices(PROVISION_STATES) },
    { id: 'maintenance', label: 'Maintenance', type: 'select', options: [{ value: 'true', label: 'In maintenance' }, { value: 'false', label: 'Not in maintenance' }] },
    { id: 'driver', label: 'Driver', type: 'select', optionsFrom: DRIVERS },
  ],
  actions: NODE_ACTIONS,
  create: nodeCreateForm,
  overview: [
    { label: 'UUID', value: (n) => n.uuid, mono: true },
    { label: 'Provision state', value: (n) => n.provision_state ?? 'None' },
    { label: 'Target provision state', value: (n) => n.target_provision_state ?? '' },
    { label: 'Power state', value: (n) => n.power_state ?? 'None' },
    { label: 'Target power state', value: (n) => n.target_power_state ?? '' },
    { label: 'Maintenance', value: maintenanceLabel },
    { label: 'Last error', value: (n) => n.last_error ?? '' },
    { label: 'Driver', value: (n) => n.driver ?? '' },
    { label: 'Driver info', value: (n) => kv(n.driver_info), mono: true },
    { label: 'Properties', value: (n) => kv(n.properties), mono: true },
    { label: 'Resource class', value: (n) => n.resource_class ?? '' },
    { label: 'Instance UUID', value: (n) => n.instance_uuid ?? '', mono: true },
    { label: 'Conductor', value: (n) => n.conductor ?? '' },
    { label: 'Owner', value: (n) => n.owner ?? '', mono: true },
    { label: 'Provision updated', value: (n) => n.provision_updated_at ?? '' },
    { label: 'Created', value: (n) => n.created_at ?? '' },
  ],
  failure: (n) => (n.last_error ? { title: 'Last error', message: n.last_error, source: 'Ironic' } : undefined),
  forms: [
    {
      id: 'maintenance', label: 'Set maintenance', when: (n) => !n.maintenance, hint: (n) => maintenanceOnCli(n, ''),
      schema: z.object({ reason: z.string() }),
      fields: [{ name: 'reason', label: 'Maintenance reason', type: 'text', maxLength: 255, hint: 'Shown to other operators; the node is skipped by the scheduler while in maintenance.' }],
      initial: () => ({ reason: '' }),
      request: (n: Node, i: { reason: string }) => maintenanceOnRequest(n, i.reason),
      cli: (n, v) => maintenanceOnCli(n, String(v.reason)),
      submitLabel: 'Enter maintenance', errorTitle: 'Maintenance refused',
    },
  ],
  tabs: [
    {
      id: 'ports', label: 'Ports', view: 'compact', list: (n) => nodePortDefinition(n.uuid), table: 'Ports of this node', empty: 'No ports.',
      note: (n) => (isBusy(n) ? 'A transition is running: Ironic refuses port changes until it ends.' : undefined),
    },
  ],
  cli: { list: 'openstack baremetal node list --long', show: (n) => `openstack baremetal node show ${n.uuid}` },
});

function kv(o: Record<string, unknown> | undefined): string {
  // Ironic masks secrets in driver_info (******) itself.
  return Object.entries(o ?? {}).map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`).join(', ');
}

