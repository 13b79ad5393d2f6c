import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { badRequest, notFound } from '../../core/errors';
import { failsOnDemand } from '../../core/failures';
import { stableUuid, uuid as newUuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { publicView, schedule, type PendingStep } from '../../core/transitions';
import { findKeypair } from '../compute/api';
import { applyPatch, PatchError, patchField, type PatchOp } from '../baremetal/jsonpatch';
import { findCluster, findTemplate, invalidInput, links, mandatory, settleClusters, state } from './common';
import { versioned } from './microversion';
import { isoMagnum, type Cluster } from './model';
import { checkFlavor } from './resolve';
import { AddressError, allocate, release, releaseAll } from './addresses';
import { createClusterCa, signCsr } from './pki';

/** Nominal seconds of each transition (the issue: cluster 30 s). */
export const TIMES = { create: 30, stack: 2, fail: 12, update: 10, delete: 10 };

const COE_VERSION = 'v1.23.3';
const CONTAINER_VERSION = '1.12.6';

const LIST_FIELDS = [
  'uuid', 'name', 'cluster_template_id', 'keypair', 'node_count', 'master_count', 'docker_volume_size', 'labels',
  'master_flavor_id', 'flavor_id', 'create_timeout', 'links', 'stack_id', 'status', 'health_status', 'merge_labels',
];

export function renderCluster(ctx: RequestContext, c: Cluster, list = false) {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { ca, held_addresses, ...view } = publicView(c);
  const ordered: Record<string, unknown> = {
    uuid: view.uuid, name: view.name, cluster_template_id: view.cluster_template_id, keypair: view.keypair,
    node_count: view.node_count, master_count: view.master_count, docker_volume_size: view.docker_volume_size,
    labels: view.labels, master_flavor_id: view.master_flavor_id, flavor_id: view.flavor_id,
    create_timeout: view.create_timeout, links: links(ctx, 'clusters', c.uuid), stack_id: view.stack_id,
    status: view.status, status_reason: view.status_reason, health_status: view.health_status,
    health_status_reason: view.health_status_reason, discovery_url: view.discovery_url, api_address: view.api_address,
    coe_version: view.coe_version, container_version: view.container_version, project_id: view.project_id,
    user_id: view.user_id, node_addresses: view.node_addresses, master_addresses: view.master_addresses,
    fixed_network: view.fixed_network, fixed_subnet: view.fixed_subnet, floating_ip_enabled: view.floating_ip_enabled,
    merge_labels: view.merge_labels, labels_overridden: view.labels_overridden, labels_added: view.labels_added,
    labels_skipped: view.labels_skipped, master_lb_enabled: view.master_lb_enabled, created_at: view.created_at,
    updated_at: view.updated_at,
  };
  if (!list) return ordered;
  return Object.fromEntries(LIST_FIELDS.map((f) => [f, ordered[f]]));
}

/** Queues patches and stamps each with its own updated_at. */
function plan(ctx: RequestContext, c: Cluster, steps: Array<[number, Partial<Cluster>]>) {
  schedule(c, ctx.core.clock, steps as Array<[number, Partial<Omit<Cluster, '_pending'>>]>);
  for (const p of c._pending as PendingStep[]) p.patch.updated_at = isoMagnum(p.at);
}

const int = (field: string, v: unknown, min: number): number => {
  if (!Number.isInteger(v)) throw invalidInput(field, v, "Wrong type. Expected '<class 'int'>'");
  if ((v as number) < min) throw invalidInput(field, v, `Value should be greater or equal to ${min}`);
  return v as number;
};

const CREATE_KEYS = new Set([
  'name', 'cluster_template_id', 'baymodel_id', 'node_count', 'master_count', 'keypair', 'flavor_id', 'master_flavor_id',
  'docker_volume_size', 'labels', 'merge_labels', 'create_timeout', 'discovery_url', 'fixed_network', 'fixed_subnet',
  'floating_ip_enabled', 'master_lb_enabled',
]);

async function createCluster(ctx: RequestContext) {
  const auth = ctx.authProject();
  const raw = await ctx.json();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('Request is not in valid JSON format');
  const body = raw as Record<string, unknown>;
  for (const k of Object.keys(body)) if (!CREATE_KEYS.has(k)) throw badRequest(`Unknown attribute for argument cluster: ${k}`);
  if (!body.cluster_template_id) throw mandatory('cluster_template_id');
  const nodeCount = body.node_count == null ? 1 : int('node_count', body.node_count, 0);
  const masterCount = body.master_count == null ? 1 : int('master_count', body.master_count, 1);
  const timeout = body.create_timeout == null ? 60 : int('create_timeout', body.create_timeout, 0);
  if (body.docker_volume_size != null) int('docker_volume_size', body.docker_volume_size, 1);
  if (body.name != null && (typeof body.name !== 'string' || !/^[a-zA-Z][a-zA-Z0-9_.-]*$/.test(body.name))) {
    throw badRequest(`Cluster name ${String(body.name)} must start with alpha and contain only alphanumerics, '.', '_' or '-'.`);
  }
  const t = findTemplate(ctx, auth, String(body.cluster_template_id));
  const masterLb = typeof body.master_lb_enabled === 'boolean' ? body.master_lb_enabled : t.master_lb_enabled;
  if (masterCount > 1 && !masterLb) throw badRequest('master_count must be 1 when master_lb_enabled is False');
  for (const f of ['flavor_id', 'master_flavor_id'] as const) {
    const v = body[f];
    if (typeof v === 'string') checkFlavor(ctx.core, auth, v);
  }
  const keypair = (body.keypair as string | undefined) ?? t.keypair_id;
  if (keypair && !findKeypair(ctx.core, auth.user.id, keypair)) throw notFound(`Unable to find keypair ${keypair}.`);
  const labelsIn = (body.labels as Record<string, string> | undefined) ?? undefined;
  const merge = body.merge_labels === true;
  const labels = labelsIn === undefined ? { ...t.labels } : merge ? { ...t.labels, ...labelsIn } : { ...labelsIn };
  const overridden: Record<string, string> = {};
  const added: Record<string, string> = {};
  const skipped: Record<string, string> = {};
  if (labelsIn) {
    for (const [k, v] of Object.entries(labelsIn)) {
      if (!(k in t.labels)) added[k] = v;
      else if (t.labels[k] !== v) overridden[k] = t.labels[k];
    }
    for (const [k, v] of Object.entries(t.labels)) if (!(k in labelsIn)) skipped[k] = v;
  }
  const s = state(ctx.core);
  const now = isoMagnum(ctx.core.clock.now());
  const c: Cluster = {
    uuid: newUuid(),
    name: (body.name as string | undefined) ?? `${t.name.replace(/[^a-zA-Z0-9_.-]/g, '')}-${newUuid().slice(0, 12)}`.replace(/^[^a-zA-Z]/, 'c'),
    cluster_template_id: t.uuid,
    keypair: keypair ?? null,
    node_count: nodeCount,
    master_count: masterCount,
    docker_volume_size: (body.docker_volume_size as number | undefined) ?? t.docker_volume_size,
    labels,
    master_flavor_id: (body.master_flavor_id as string | undefined) ?? t.master_flavor_id,
    flavor_id: (body.flavor_id as string | undefined) ?? t.flavor_id,
    create_timeout: timeout,
    stack_id: null,
    status: 'CREATE_IN_PROGRESS',
    status_reason: null,
    health_status: null,
    health_status_reason: {},
    discovery_url: (body.discovery_url as string | undefined) ?? null,
    api_address: null,
    coe_version: null,
    container_version: null,
    project_id: auth.project.id,
    user_id: auth.user.id,
    node_addresses: [],
    master_addresses: [],
    fixed_network: (body.fixed_network as string | undefined) ?? t.fixed_network,
    fixed_subnet: (body.fixed_subnet as string | undefined) ?? t.fixed_subnet,
    floating_ip_enabled: typeof body.floating_ip_enabled === 'boolean' ? body.floating_ip_enabled : t.floating_ip_enabled,
    merge_labels: merge,
    labels_overridden: overridden,
    labels_added: added,
    labels_skipped: skipped,
    master_lb_enabled: masterLb,
    created_at: now,
    updated_at: null,
  };
  const stackId = newUuid();
  const failing = failsOnDemand(ctx.core, t.name);
  let masters: string[] = [];
  let nodes: string[] = [];
  let noAddress: string | null = null;
  try {
    // The nodes' addresses are taken now, while the stack creates them (a failing stack gets as far as its masters).
    masters = allocate(ctx.core, c, t.external_network_id, masterCount);
    if (!failing) nodes = allocate(ctx.core, c, t.external_network_id, nodeCount);
  } catch (err) {
    if (!(err instanceof AddressError)) throw err;
    releaseAll(ctx.core, c);
    masters = [];
    noAddress = err.message;
  }
  if (failing || noAddress) {
    plan(ctx, c, [
      [TIMES.stack, { stack_id: stackId }],
      [TIMES.fail, {
        status: 'CREATE_FAILED',
        status_reason: noAddress
          ? `Resource CREATE failed: resources.kube_masters.resources[0].resources.kube_master_floating: ${noAddress}`
          : `Resource CREATE failed: ResourceInError: resources.kube_masters.resources[0].resources.kube-master: Went to status ERROR due to "Message: No valid host was found. There are not enough hosts available., Code: 500"`,
        master_addresses: masters,
      }],
    ]);
  } else {
    plan(ctx, c, [
      [TIMES.stack, { stack_id: stackId }],
      [TIMES.create - TIMES.stack, {
        status: 'CREATE_COMPLETE',
        status_reason: 'Stack CREATE completed successfully',
        api_address: `https://${masters[0]}:6443`,
        coe_version: COE_VERSION,
        container_version: CONTAINER_VERSION,
        master_addresses: masters,
        node_addresses: nodes,
        health_status: 'HEALTHY',
        health_status_reason: { api: 'ok' },
      }],
    ]);
  }
  s.clusters.push(c);
  return json(202, { uuid: c.uuid });
}

function startUpdate(ctx: RequestContext, c: Cluster, nodeCount: number) {
  if (!['CREATE_COMPLETE', 'UPDATE_COMPLETE', 'RESUME_COMPLETE', 'RESTORE_COMPLETE', 'ROLLBACK_COMPLETE', 'SNAPSHOT_COMPLETE', 'CHECK_COMPLETE', 'ADOPT_COMPLETE', 'UPDATE_FAILED'].includes(c.status)) {
    throw badRequest(`Updating a cluster when status is "${c.status}" is not supported.`);
  }
  const template = state(ctx.core).templates.find((t) => t.uuid === c.cluster_template_id);
  let nodes = c.node_addresses.slice(0, nodeCount);
  let noAddress: string | null = null;
  try {
    nodes = [...nodes, ...allocate(ctx.core, c, template?.external_network_id ?? null, Math.max(0, nodeCount - c.node_addresses.length))];
  } catch (err) {
    if (!(err instanceof AddressError)) throw err;
    noAddress = err.message;
  }
  c.node_count = nodeCount;
  c.status = 'UPDATE_IN_PROGRESS';
  c.status_reason = null;
  c.updated_at = isoMagnum(ctx.core.clock.now());
  if (noAddress) {
    plan(ctx, c, [[TIMES.update, { status: 'UPDATE_FAILED', status_reason: `Resource UPDATE failed: resources.kube_minions: ${noAddress}` }]]);
    return;
  }
  // Removed nodes give their addresses back now (Heat deletes them first).
  release(ctx.core, c, c.node_addresses.slice(nodeCount));
  plan(ctx, c, [[TIMES.update, {
    status: 'UPDATE_COMPLETE',
    status_reason: 'Stack UPDATE completed successfully',
    node_addresses: nodes,
  }]]);
}

async function patchCluster(ctx: RequestContext) {
  const auth = ctx.authProject();
  const c = findCluster(ctx, auth, ctx.params.ident);
  const ops = await ctx.json();
  if (!Array.isArray(ops)) throw badRequest('Request is not in valid JSON format');
  for (const op of ops as PatchOp[]) {
    if (!op || typeof op.path !== 'string') throw badRequest('Request is not in valid JSON format');
    const f = patchField(op);
    if (!['node_count', 'health_status', 'health_status_reason'].includes(f)) {
      throw badRequest(`'/${f}' is an internal attribute and can not be updated`);
    }
  }
  let updated: Cluster;
  try {
    updated = applyPatch(c, ops as PatchOp[]);
  } catch (err) {
    if (err instanceof PatchError) throw badRequest(err.message);
    throw err;
  }
  const nodeCount = int('node_count', updated.node_count, 0);
  c.health_status = updated.health_status;
  c.health_status_reason = updated.health_status_reason;
  startUpdate(ctx, c, nodeCount);
  return json(202, { uuid: c.uuid });
}

async function resizeCluster(ctx: RequestContext, minor: number) {
  if (minor < 7) throw notFound('The resource could not be found.');
  const auth = ctx.authProject();
  const c = findCluster(ctx, auth, ctx.params.ident);
  const body = (await ctx.json()) as Record<string, unknown> | null;
  if (!body || typeof body !== 'object') throw badRequest('Request is not in valid JSON format');
  if (body.node_count === undefined) throw mandatory('node_count');
  const nodeCount = int('node_count', body.node_count, 0);
  if (body.nodegroup && !['default-worker', nodegroupId(c, 'worker')].includes(String(body.nodegroup))) {
    if (['default-master', nodegroupId(c, 'master')].includes(String(body.nodegroup))) throw badRequest('Resizing a master nodegroup is not supported.');
    throw notFound(`Nodegroup ${String(body.nodegroup)} could not be found.`);
  }
  startUpdate(ctx, c, nodeCount);
  return json(202, { uuid: c.uuid });
}

function deleteCluster(ctx: RequestContext) {
  const auth = ctx.authProject();
  const c = findCluster(ctx, auth, ctx.params.ident);
  if (c.status !== 'DELETE_IN_PROGRESS') {
    c.status = 'DELETE_IN_PROGRESS';
    c.status_reason = null;
    c.updated_at = isoMagnum(ctx.core.clock.now());
    releaseAll(ctx.core, c);
    plan(ctx, c, [[TIMES.delete, { status: 'DELETE_COMPLETE' }]]);
  }
  return json(204, undefined);
}

const nodegroupId = (c: Cluster, role: string) => stableUuid('nodegroup', c.uuid, role);

function nodegroups(c: Cluster, t: { image_id: string } | undefined) {
  return (['master', 'worker'] as const).map((role) => ({
    uuid: nodegroupId(c, role),
    name: `default-${role}`,
    flavor_id: role === 'master' ? c.master_flavor_id : c.flavor_id,
    image_id: t?.image_id ?? null,
    node_count: role === 'master' ? c.master_count : c.node_count,
    role,
    min_node_count: role === 'master' ? 1 : 0,
    max_node_count: null,
    is_default: true,
    stack_id: c.stack_id,
    status: c.status,
    merge_labels: c.merge_labels,
  }));
}

function clusterCa(ctx: RequestContext, c: Cluster) {
  if (!c.ca) {
    c.ca = createClusterCa(c.name);
    ctx.markDirty();
  }
  return c.ca;
}

export function clusterRoutes(router: Router): void {
  versioned(router, 'GET', '/v1/clusters', (ctx) => {
    const auth = ctx.authProject();
    const all = auth.isAdmin && ctx.flag('all_tenants');
    let items = settleClusters(ctx).clusters.filter((c) => all || c.project_id === auth.project.id);
    const marker = ctx.query.get('marker');
    if (marker) {
      const i = items.findIndex((c) => c.uuid === marker);
      if (i < 0) throw notFound(`Cluster ${marker} could not be found.`);
      items = items.slice(i + 1);
    }
    const limit = Number(ctx.query.get('limit') ?? '1000');
    const page = items.slice(0, Number.isInteger(limit) && limit > 0 ? limit : 1000);
    const body: Record<string, unknown> = { clusters: page.map((c) => renderCluster(ctx, c, true)) };
    if (page.length < items.length && page.length > 0) {
      const next = new URL(ctx.url.href);
      next.searchParams.set('limit', String(page.length));
      next.searchParams.set('marker', page[page.length - 1].uuid);
      body.next = next.toString();
    }
    return json(200, body);
  });
  versioned(router, 'GET', '/v1/clusters/detail', (ctx) => {
    const auth = ctx.authProject();
    return json(200, { clusters: settleClusters(ctx).clusters.filter((c) => c.project_id === auth.project.id).map((c) => renderCluster(ctx, c)) });
  });
  versioned(router, 'POST', '/v1/clusters', createCluster);
  versioned(router, 'GET', '/v1/clusters/{ident}', (ctx) => json(200, renderCluster(ctx, findCluster(ctx, ctx.authProject(), ctx.params.ident))));
  versioned(router, 'PATCH', '/v1/clusters/{ident}', patchCluster);
  versioned(router, 'DELETE', '/v1/clusters/{ident}', deleteCluster);
  versioned(router, 'POST', '/v1/clusters/{ident}/actions/resize', resizeCluster);

  const templateOf = (ctx: RequestContext, c: Cluster) => state(ctx.core).templates.find((t) => t.uuid === c.cluster_template_id);
  versioned(router, 'GET', '/v1/clusters/{ident}/nodegroups', (ctx) => {
    const c = findCluster(ctx, ctx.authProject(), ctx.params.ident);
    return json(200, { nodegroups: nodegroups(c, templateOf(ctx, c)) });
  });
  versioned(router, 'GET', '/v1/clusters/{ident}/nodegroups/{ng}', (ctx) => {
    const c = findCluster(ctx, ctx.authProject(), ctx.params.ident);
    const ng = nodegroups(c, templateOf(ctx, c)).find((n) => n.uuid === ctx.params.ng || n.name === ctx.params.ng);
    if (!ng) throw notFound(`Nodegroup ${ctx.params.ng} could not be found.`);
    return json(200, {
      ...ng,
      links: links(ctx, `clusters/${c.uuid}/nodegroups`, ng.uuid),
      labels: c.labels,
      cluster_id: c.uuid,
      project_id: c.project_id,
      docker_volume_size: c.docker_volume_size,
      node_addresses: ng.role === 'master' ? c.master_addresses : c.node_addresses,
      status_reason: c.status_reason,
      version: null,
      created_at: c.created_at,
      updated_at: c.updated_at,
    });
  });

  versioned(router, 'GET', '/v1/certificates/{ident}', (ctx) => {
    const c = findCluster(ctx, ctx.authProject(), ctx.params.ident);
    return json(200, { cluster_uuid: c.uuid, pem: clusterCa(ctx, c).cert, bay_uuid: c.uuid, links: links(ctx, 'certificates', c.uuid) });
  });
  versioned(router, 'POST', '/v1/certificates', async (ctx) => {
    const auth = ctx.authProject();
    const body = (await ctx.json()) as Record<string, unknown> | null;
    if (!body || typeof body !== 'object') throw badRequest('Request is not in valid JSON format');
    const ident = (body.cluster_uuid ?? body.bay_uuid) as string | undefined;
    if (!ident) throw mandatory('cluster_uuid');
    if (typeof body.csr !== 'string' || body.csr.length === 0) throw invalidInput('csr', body.csr ?? 'None', 'Mandatory field missing.');
    const c = findCluster(ctx, auth as ProjectAuthInfo, ident);
    const pem = signCsr(clusterCa(ctx, c), body.csr);
    return json(201, { cluster_uuid: c.uuid, csr: body.csr, pem, bay_uuid: c.uuid, links: links(ctx, 'certificates', c.uuid) });
  });
  versioned(router, 'PATCH', '/v1/certificates/{ident}', (ctx) => {
    const c = findCluster(ctx, ctx.authProject(), ctx.params.ident);
    c.ca = createClusterCa(c.name);
    return json(202, undefined);
  });
}
