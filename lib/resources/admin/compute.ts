// Admin views of Nova: hypervisors, compute services, and instances of every project.
import { z } from 'zod';
import { msg, type Msg } from '@/lib/i18n/msg';
import { NOVA, serverDefinition, type Server } from '../compute/server';
import { define, idColumn, rest } from '../define';
import type { StatusInfo } from '../types';

/**
 * Microversion 2.87 for hypervisors: 2.88 removed vcpus, vcpus_used, memory_mb, memory_mb_used, local_gb,
 * running_vms ... from os-hypervisors (the usage moved to Placement), and Zed accepts up to 2.93. 2.87 is the last
 * one that still reports them, and its ids are UUIDs (2.53+).
 */
export const HYPERVISOR_MICROVERSION = '2.87';
const HYPERVISOR_HEADERS = { 'OpenStack-API-Version': `compute ${HYPERVISOR_MICROVERSION}`, 'X-OpenStack-Nova-API-Version': HYPERVISOR_MICROVERSION };

const id = z.union([z.string().min(1), z.number()]).transform(String);
const n = z.number().nullish();

export const HypervisorSchema = z.looseObject({
  id,
  hypervisor_hostname: z.string(),
  state: z.string(),
  status: z.string(),
  hypervisor_type: z.string().optional(),
  host_ip: z.string().nullish(),
  vcpus: n,
  vcpus_used: n,
  memory_mb: n,
  memory_mb_used: n,
  local_gb: n,
  local_gb_used: n,
  running_vms: n,
});
export type Hypervisor = z.infer<typeof HypervisorSchema>;

// Nova's own state and status values (`up`, `down`, `enabled`, `disabled`), as the API says them.
const stateWords = (state: string, status: string) => (state === 'up' && status === 'enabled' ? state : msg('kinds.adminHypervisor.stateStatus', { state, status }));
const upDown = (state: string, status: string): StatusInfo => ({ label: stateWords(state, status), tone: state !== 'up' ? 'error' : status === 'enabled' ? 'ok' : 'unknown' });

/** "3 of 8 (38%)", or an empty cell when the microversion did not report it. */
export function ofTotal(used: number | null | undefined, total: number | null | undefined): Msg | '' {
  if (used == null || total == null) return '';
  return msg('kinds.adminHypervisor.ofTotal', { used, total, ratio: total > 0 ? used / total : 0 });
}

const SIZE_UNITS = ['MiB', 'GiB', 'TiB'] as const;

/** An amount in `unit` scaled to the largest binary unit that keeps it at 1 or more (1048576 MiB -> 1 TiB). */
function scaled(n: number, unit: 'MiB' | 'GiB'): { n: number; unit: string } {
  let i = SIZE_UNITS.indexOf(unit);
  while (n >= 1024 && i < SIZE_UNITS.length - 1) {
    n /= 1024;
    i++;
  }
  return { n, unit: SIZE_UNITS[i] };
}

/**
 * "12.5 GiB of 64 GiB (20%)", "40 GiB of 2 TiB (2%)": Nova reports memory in MiB and disk in GiB; each side is
 * shown in its own readable unit, so a large host never reads "1048576 MiB".
 */
export function sizeOfTotal(used: number | null | undefined, total: number | null | undefined, unit: 'MiB' | 'GiB'): Msg | '' {
  if (used == null || total == null) return '';
  const [u, t] = [scaled(used, unit), scaled(total, unit)];
  return msg('kinds.adminHypervisor.ofTotalUnit', { used: u.n, usedUnit: u.unit, total: t.n, totalUnit: t.unit, ratio: total > 0 ? used / total : 0 });
}

export const hypervisorDefinition = define<Hypervisor>({
  kind: 'admin-hypervisor',
  slug: 'admin/hypervisors',
  label: { singular: 'kinds.adminHypervisor.singular', plural: 'kinds.adminHypervisor.plural', noun: 'kinds.adminHypervisor.noun' },
  ...rest({ service: 'compute', headers: HYPERVISOR_HEADERS }, 'os-hypervisors', 'hypervisor', { list: 'os-hypervisors/detail', listKey: 'hypervisors' }),
  schema: HypervisorSchema,
  name: (h) => h.hypervisor_hostname,
  status: (h) => upDown(h.state, h.status),
  columns: [
    { id: 'name', label: 'kinds.adminHypervisor.columns.hostname', value: (h) => h.hypervisor_hostname },
    { id: 'state', label: 'kinds.adminHypervisor.columns.state', value: (h) => stateWords(h.state, h.status), cell: 'status' },
    { id: 'status', label: 'common.status', value: (h) => h.status },
    { id: 'type', label: 'kinds.adminHypervisor.columns.type', value: (h) => h.hypervisor_type ?? '' },
    { id: 'vcpus', label: 'kinds.adminHypervisor.columns.vcpus', value: (h) => ofTotal(h.vcpus_used, h.vcpus) },
    { id: 'ram', label: 'kinds.adminHypervisor.columns.ram', value: (h) => sizeOfTotal(h.memory_mb_used, h.memory_mb, 'MiB') },
    { id: 'disk', label: 'kinds.adminHypervisor.columns.disk', value: (h) => sizeOfTotal(h.local_gb_used, h.local_gb, 'GiB') },
    { id: 'vms', label: 'kinds.adminHypervisor.columns.instances', value: (h) => h.running_vms ?? '' },
    { id: 'ip', label: 'kinds.adminHypervisor.columns.hostIp', value: (h) => h.host_ip ?? '', cell: 'mono', hidden: true },
    idColumn((h) => h.id),
  ],
  cli: { list: `openstack --os-compute-api-version ${HYPERVISOR_MICROVERSION} hypervisor list --long`, show: (h) => `openstack hypervisor show ${h.id}` },
});

export const ComputeServiceSchema = z.looseObject({
  id,
  binary: z.string(),
  host: z.string(),
  zone: z.string().nullish(),
  status: z.string(),
  state: z.string(),
  updated_at: z.string().nullish(),
  disabled_reason: z.string().nullish(),
  forced_down: z.boolean().optional(),
});
export type ComputeService = z.infer<typeof ComputeServiceSchema>;

export const computeServiceDefinition = define<ComputeService>({
  kind: 'admin-compute-service',
  slug: 'admin/compute-services',
  label: { singular: 'kinds.adminComputeService.singular', plural: 'kinds.adminComputeService.plural', noun: 'kinds.adminComputeService.noun' },
  ...rest(NOVA, 'os-services', 'service', { listKey: 'services' }),
  schema: ComputeServiceSchema,
  name: (s) => `${s.binary}@${s.host}`,
  status: (s) => (s.forced_down ? { label: 'kinds.adminComputeService.forcedDown', tone: 'error' } : upDown(s.state, s.status)),
  columns: [
    { id: 'binary', label: 'kinds.adminComputeService.columns.binary', value: (s) => s.binary },
    { id: 'host', label: 'kinds.adminComputeService.columns.host', value: (s) => s.host },
    { id: 'zone', label: 'kinds.adminComputeService.columns.zone', value: (s) => s.zone ?? '' },
    { id: 'state', label: 'kinds.adminComputeService.columns.state', value: (s) => (s.forced_down ? msg('kinds.adminComputeService.forcedDown', {}) : stateWords(s.state, s.status)), cell: 'status' },
    { id: 'status', label: 'common.status', value: (s) => s.status },
    { id: 'reason', label: 'kinds.adminComputeService.columns.reason', value: (s) => s.disabled_reason ?? '' },
    { id: 'updated', label: 'kinds.adminComputeService.columns.updated', value: (s) => s.updated_at ?? '', cell: 'age' },
  ],
  filters: [
    { id: 'binary', label: 'kinds.adminComputeService.filters.binary', type: 'text' },
    { id: 'host', label: 'kinds.adminComputeService.filters.host', type: 'text' },
  ],
  cli: { list: 'openstack compute service list --long', show: (s) => `openstack compute service list --host ${s.host} --service ${s.binary}` },
});

/** Every project's instances (`all_tenants=1`, admin only), with the project's name from Keystone. */
export const allInstancesDefinition = define<Server>({
  ...serverDefinition,
  kind: 'admin-server',
  slug: 'admin/instances',
  label: { singular: 'kinds.adminServer.singular', plural: 'kinds.adminServer.plural', noun: 'kinds.adminServer.noun' },
  paths: { ...serverDefinition.paths, list: 'servers/detail?all_tenants=1' },
  actions: [],
  rowMenu: undefined,
  create: undefined,
  lookups: [
    ...(serverDefinition.lookups ?? []),
    {
      name: 'projects',
      kind: 'admin-project',
      service: 'identity',
      ids: (rows) => rows.map((s) => s.tenant_id ?? ''),
      // Keystone filters projects by name, not id: one call for all (admins see every project).
      path: () => 'projects',
      key: 'projects',
      label: (p) => String(p.name ?? p.id),
    },
  ],
  columns: [
    serverDefinition.columns[0],
    { id: 'project', label: 'kinds.adminServer.columns.project', value: (s, ctx) => ctx.lookups.projects?.[s.tenant_id ?? ''] ?? s.tenant_id ?? '', sensitive: 'projectId' },
    ...serverDefinition.columns.slice(1).filter((c) => c.id !== 'key'),
    { id: 'host', label: 'kinds.adminServer.columns.host', value: (s) => s['OS-EXT-SRV-ATTR:host'] ?? '', sortKey: 'host' },
  ],
  filters: [
    ...(serverDefinition.filters ?? []),
    { id: 'project_id', label: 'kinds.adminServer.filters.projectId', type: 'text' },
  ],
  cli: { list: 'openstack server list --all-projects --long', show: serverDefinition.cli.show },
});
