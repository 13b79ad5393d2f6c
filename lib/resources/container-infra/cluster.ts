// Magnum v1 clusters (api-ref: container-infra "Manage Cluster"). The list uses /clusters/detail: the plain list
// leaves status_reason out. Create answers 202 {uuid}; resize is POST /clusters/{id}/actions/resize (microversion 1.7+).
import { z } from 'zod';
import { msg, type Msg, type MsgKey } from '@/lib/i18n/msg';
import { command } from '../cli';
import { ageColumn, define, deleteAction, idColumn, nameColumn, rest, rowNames, statusColumn } from '../define';
import type { ApiRequest, StatusInfo } from '../types';
import { MAGNUM } from './cluster-template';
import { maybeStrings } from '../schema';

export const ClusterSchema = z.looseObject({
  uuid: z.string().min(1),
  ...maybeStrings('name', 'status', 'status_reason'),
  cluster_template_id: z.string(),
  keypair: z.string().nullable().optional(),
  node_count: z.number().nullable().optional(),
  master_count: z.number().nullable().optional(),
  flavor_id: z.string().nullable().optional(),
  master_flavor_id: z.string().nullable().optional(),
  create_timeout: z.number().nullable().optional(),
  ...maybeStrings('api_address', 'coe_version', 'stack_id', 'health_status'),
  node_addresses: z.array(z.string()).nullable().optional(),
  master_addresses: z.array(z.string()).nullable().optional(),
  labels: z.record(z.string(), z.string()).nullable().optional(),
  ...maybeStrings('project_id', 'created_at', 'updated_at'),
});
export type Cluster = z.infer<typeof ClusterSchema>;

export function clusterStatus(c: Pick<Cluster, 'status' | 'status_reason'>): StatusInfo {
  const s = c.status ?? 'UNKNOWN';
  if (s.endsWith('_IN_PROGRESS')) return { label: s, tone: 'busy' };
  if (s.endsWith('_FAILED')) return { label: s, tone: 'error', detail: c.status_reason ?? undefined };
  if (s.endsWith('_COMPLETE')) return { label: s, tone: 'ok' };
  return { label: s, tone: 'unknown' };
}

/** The kubeconfig comes from the cluster's CA and a signed client certificate: only once the API is up. */
export const canConfigure = (c: Cluster) => ['CREATE_COMPLETE', 'UPDATE_COMPLETE'].includes(c.status ?? '') && !!c.api_address;
/** Magnum updates (resize) only clusters in a *_COMPLETE state, or after a failed update. */
export const canResize = (c: Cluster) => (c.status ?? '').endsWith('_COMPLETE') || c.status === 'UPDATE_FAILED';

/** When the current transition started (the updated_at Magnum stamps on each state change), for busy rows only. */
export const busySince = (c: Cluster) => ((c.status ?? '').endsWith('_IN_PROGRESS') ? (c.updated_at ?? c.created_at ?? '') : '');

const ref = (c: Cluster) => c.name || c.uuid;

// ---- Create and resize ------------------------------------------------------------------------

/** A count of masters or nodes: a whole number (`whole` says so), at least 1. */
const count = (whole: MsgKey) =>
  z
    .string()
    .trim()
    .refine((s) => /^-?\d+$/.test(s), { error: whole })
    .refine((s) => !/^-?\d+$/.test(s) || Number(s) >= 1, { error: 'kinds.cluster.errors.atLeastOne' });

export const ClusterCreateSchema = z.object({
  name: z
    .string()
    .trim()
    .min(1, { error: 'kinds.cluster.errors.nameRequired' })
    .max(242, { error: 'kinds.cluster.errors.nameLength' })
    .regex(/^[a-zA-Z][a-zA-Z0-9_.-]*$/, { error: 'kinds.cluster.errors.nameCharacters' }),
  templateId: z.string().min(1, { error: 'kinds.cluster.errors.chooseTemplate' }),
  masterCount: count('kinds.cluster.errors.mastersWhole'),
  nodeCount: count('kinds.cluster.errors.nodesWhole'),
  keypair: z.string(),
  masterFlavorId: z.string(),
  flavorId: z.string(),
  timeout: z
    .string()
    .trim()
    .refine((s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 1), { error: 'kinds.cluster.errors.timeout' }),
});
export type ClusterCreate = z.infer<typeof ClusterCreateSchema>;

export function clusterCreateRequest(i: ClusterCreate): ApiRequest {
  const body: Record<string, unknown> = {
    name: i.name.trim(),
    cluster_template_id: i.templateId,
    master_count: Number(i.masterCount),
    node_count: Number(i.nodeCount),
  };
  if (i.keypair) body.keypair = i.keypair;
  if (i.masterFlavorId) body.master_flavor_id = i.masterFlavorId;
  if (i.flavorId) body.flavor_id = i.flavorId;
  if (i.timeout) body.create_timeout = Number(i.timeout);
  return { method: 'POST', path: 'clusters', body };
}

export function clusterCreateCli(i: Partial<ClusterCreate>, templateName?: string): string {
  return command(
    'openstack coe cluster create',
    '--cluster-template', templateName || i.templateId || '<template>',
    '--master-count', i.masterCount || '1',
    '--node-count', i.nodeCount || '1',
    ...(i.keypair ? ['--keypair', i.keypair] : []),
    ...(i.masterFlavorId ? ['--master-flavor', i.masterFlavorId] : []),
    ...(i.flavorId ? ['--flavor', i.flavorId] : []),
    ...(i.timeout ? ['--timeout', i.timeout] : []),
    i.name?.trim() || '<name>',
  );
}

/** A new worker count: a whole number, at least 1, different from the current one. Returns the error, or undefined. */
export function resizeProblem(current: number | null | undefined, raw: string): Msg | undefined {
  if (!/^\s*-?\d+\s*$/.test(raw)) return 'kinds.cluster.errors.nodesWhole';
  const n = Number(raw);
  if (n < 1) return 'kinds.cluster.errors.atLeastOneNode';
  if (n === current) return msg('kinds.cluster.errors.alreadyHas', { count: n });
  return undefined;
}

export const resizeRequest = (c: Cluster, nodeCount: number): ApiRequest => ({ method: 'POST', path: `clusters/${c.uuid}/actions/resize`, body: { node_count: nodeCount } });
export const resizeCli = (c: Cluster, nodeCount: number | string) => command('openstack coe cluster resize', ref(c), String(nodeCount));
export const configCli = (c: Cluster) => command('openstack coe cluster config', ref(c), '--dir', '.');

export const clusterDefinition = define<Cluster, ClusterCreate>({
  kind: 'cluster',
  slug: 'clusters',
  label: { singular: 'kinds.cluster.singular', plural: 'kinds.cluster.plural', noun: 'kinds.cluster.noun' },
  ...rest({ service: MAGNUM }, 'clusters', '', { list: 'clusters/detail' }),
  schema: ClusterSchema,
  id: (c) => c.uuid,
  status: clusterStatus,
  columns: [
    nameColumn(ref),
    statusColumn((c) => c.status ?? ''),
    { id: 'elapsed', label: 'kinds.cluster.fields.elapsed', value: busySince, cell: 'age' },
    { id: 'reason', label: 'kinds.cluster.fields.statusReason', value: (c) => c.status_reason ?? '' },
    { id: 'coe', label: 'kinds.clusterTemplate.fields.coe', value: (c, ctx) => ctx.lookups.coe?.[c.cluster_template_id] ?? '' },
    { id: 'masters', label: 'kinds.cluster.fields.masters', value: (c) => c.master_count ?? '' },
    { id: 'nodes', label: 'kinds.cluster.fields.nodes', value: (c) => c.node_count ?? '' },
    { id: 'template', label: 'kinds.cluster.fields.template', value: (c, ctx) => ctx.lookups.templates?.[c.cluster_template_id] ?? c.cluster_template_id },
    ageColumn((c) => c.created_at ?? ''),
    idColumn((c) => c.uuid),
  ],
  defaultSort: { column: 'age', dir: 'desc' },
  lookups: [
    {
      name: 'templates', kind: 'cluster-template', service: MAGNUM, key: 'clustertemplates',
      ids: (rows) => rows.map((c) => c.cluster_template_id),
      path: () => 'clustertemplates',
      label: (o) => String(o.name ?? o.uuid),
      idOf: (o) => String(o.uuid),
    },
    {
      // Its own kind: lookups of one kind share the cache entry for the same ids.
      name: 'coe', kind: 'cluster-template-coe', service: MAGNUM, key: 'clustertemplates',
      ids: (rows) => rows.map((c) => c.cluster_template_id),
      path: () => 'clustertemplates',
      label: (o) => String(o.coe ?? ''),
      idOf: (o) => String(o.uuid),
    },
  ],
  actions: [
    deleteAction({
      title: 'kinds.cluster.confirm.deleteTitle', allowed: (c) => c.status !== 'DELETE_IN_PROGRESS',
      optimistic: (c) => ({ ...c, status: 'DELETE_IN_PROGRESS', status_reason: null, updated_at: new Date().toISOString() }),
      path: (c) => `clusters/${c.uuid}`, cli: (c) => command('openstack coe cluster delete', ref(c)),
      body: (r) => msg('kinds.cluster.confirm.deleteBody', { count: r.length, ...rowNames(r, ref) }),
    }),
  ],
  // Horizon's row: Resize, the cluster page's form (`?open=resize`, components/container-infra/cluster-detail.tsx).
  rowMenu: [{ id: 'resize', label: 'kinds.cluster.rowMenu.resize', panel: 'resize', when: canResize, cli: (c) => `${command('openstack coe cluster resize', ref(c))} <count>` }],
  overview: [
    { label: 'common.id', value: (c) => c.uuid, mono: true },
    { label: 'common.status', value: (c) => c.status ?? '' },
    { label: 'kinds.cluster.fields.statusReason', value: (c) => c.status_reason ?? '' },
    { label: 'kinds.cluster.fields.health', value: (c) => c.health_status ?? '' },
    { label: 'kinds.cluster.fields.template', value: (c, ctx) => ctx.lookups.templates?.[c.cluster_template_id] ?? c.cluster_template_id },
    { label: 'kinds.clusterTemplate.fields.coe', value: (c, ctx) => ctx.lookups.coe?.[c.cluster_template_id] ?? '' },
    { label: 'kinds.cluster.fields.coeVersion', value: (c) => c.coe_version ?? '' },
    { label: 'kinds.cluster.fields.apiAddress', value: (c) => c.api_address ?? '', mono: true },
    { label: 'kinds.cluster.fields.masters', value: (c) => c.master_count ?? '' },
    { label: 'kinds.cluster.fields.nodes', value: (c) => c.node_count ?? '' },
    { label: 'kinds.cluster.fields.masterAddresses', value: (c) => (c.master_addresses ?? []).join(', '), mono: true },
    { label: 'kinds.cluster.fields.nodeAddresses', value: (c) => (c.node_addresses ?? []).join(', '), mono: true },
    { label: 'kinds.clusterTemplate.fields.keypair', value: (c) => c.keypair ?? '' },
    { label: 'kinds.clusterTemplate.fields.masterFlavor', value: (c) => c.master_flavor_id ?? '' },
    { label: 'kinds.clusterTemplate.fields.nodeFlavor', value: (c) => c.flavor_id ?? '' },
    { label: 'kinds.cluster.fields.createTimeout', value: (c) => (c.create_timeout != null ? `${c.create_timeout} min` : '') },
    { label: 'kinds.cluster.fields.heatStack', value: (c) => c.stack_id ?? '', mono: true },
    { label: 'common.created', value: (c) => c.created_at ?? '' },
    { label: 'common.updated', value: (c) => c.updated_at ?? '' },
  ],
  // The form is components/container-infra/cluster-create.tsx (templates, flavors and key pairs as pickers).
  create: {
    schema: ClusterCreateSchema,
    fields: [],
    defaults: {},
    request: (i) => clusterCreateRequest(i),
    cli: (i) => clusterCreateCli(i),
  },
  cli: { list: 'openstack coe cluster list', show: (c) => command('openstack coe cluster show', ref(c)) },
});
