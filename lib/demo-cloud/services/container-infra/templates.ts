import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { badRequest, forbidden, HttpError } from '../../core/errors';
import { uuid as newUuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { applyPatch, PatchError, patchField, type PatchOp } from '../baremetal/jsonpatch';
import { findTemplate, invalidInput, links, mandatory, policyDenied, settleClusters, state, templateVisible } from './common';
import { versioned } from './microversion';
import { isoMagnum, newTemplate, type ClusterTemplate } from './model';
import { checkExternalNetwork, checkFlavor, imageDistro } from './resolve';

export const COES = ['kubernetes', 'swarm', 'swarm-mode', 'mesos', 'dcos'];

const STRING_FIELDS = [
  'name', 'coe', 'image_id', 'flavor_id', 'master_flavor_id', 'dns_nameserver', 'keypair_id', 'external_network_id',
  'fixed_network', 'fixed_subnet', 'network_driver', 'http_proxy', 'https_proxy', 'no_proxy', 'volume_driver',
  'server_type', 'insecure_registry', 'docker_storage_driver', 'tags',
];
const BOOL_FIELDS = ['registry_enabled', 'tls_disabled', 'public', 'master_lb_enabled', 'floating_ip_enabled', 'hidden'];
const INT_FIELDS = ['apiserver_port', 'docker_volume_size'];
const ALL_FIELDS = new Set([...STRING_FIELDS, ...BOOL_FIELDS, ...INT_FIELDS, 'labels']);
/** Attributes that may change on a template that clusters use. */
const UPDATABLE_IN_USE = ['name', 'public', 'hidden'];

export function renderTemplate(ctx: RequestContext, t: ClusterTemplate) {
  const { uuid, name, coe, image_id, flavor_id, master_flavor_id, dns_nameserver, keypair_id, external_network_id, fixed_network, fixed_subnet, network_driver, apiserver_port, docker_volume_size, cluster_distro, ...rest } = t;
  return {
    uuid, name, coe, image_id, flavor_id, master_flavor_id, dns_nameserver, keypair_id, external_network_id, fixed_network,
    fixed_subnet, network_driver, apiserver_port, docker_volume_size, cluster_distro,
    links: links(ctx, 'clustertemplates', uuid),
    http_proxy: rest.http_proxy, https_proxy: rest.https_proxy, no_proxy: rest.no_proxy, volume_driver: rest.volume_driver,
    registry_enabled: rest.registry_enabled, labels: rest.labels, tls_disabled: rest.tls_disabled, public: rest.public,
    server_type: rest.server_type, insecure_registry: rest.insecure_registry, docker_storage_driver: rest.docker_storage_driver,
    master_lb_enabled: rest.master_lb_enabled, floating_ip_enabled: rest.floating_ip_enabled, project_id: rest.project_id,
    user_id: rest.user_id, hidden: rest.hidden, tags: rest.tags, created_at: rest.created_at, updated_at: rest.updated_at,
  };
}

/** Checks types the way wsme does; returns the attributes as a partial template. */
function typed(body: Record<string, unknown>): Partial<ClusterTemplate> {
  for (const [k, v] of Object.entries(body)) {
    if (!ALL_FIELDS.has(k)) throw badRequest(`Unknown attribute for argument cluster_template: ${k}`);
    if (v === null) continue;
    if (STRING_FIELDS.includes(k) && typeof v !== 'string') throw invalidInput(k, v, 'Wrong type. Expected \'<class \'str\'>\', got \'' + typeof v + '\'');
    if (BOOL_FIELDS.includes(k) && typeof v !== 'boolean') throw invalidInput(k, v, 'Wrong type. Expected \'<class \'bool\'>\'');
    if (INT_FIELDS.includes(k) && (!Number.isInteger(v) || (v as number) < 1)) throw invalidInput(k, v, 'Value should be greater or equal to 1');
    if (k === 'labels' && (typeof v !== 'object' || Array.isArray(v))) throw invalidInput(k, v, 'Wrong type. Expected \'dict\'');
  }
  if (typeof body.name === 'string' && (body.name.length < 1 || body.name.length > 255)) throw invalidInput('name', body.name, 'String length must be between 1 and 255');
  if (body.server_type != null && !['vm', 'bm'].includes(String(body.server_type))) {
    throw invalidInput('server_type', body.server_type, 'Value should be one of: vm, bm');
  }
  return body as Partial<ClusterTemplate>;
}

/** The os resources Magnum validates (attr_validator), each by name or ID: image, flavors, external network. */
function validateResources(ctx: RequestContext, auth: ProjectAuthInfo, t: Partial<ClusterTemplate>): string {
  const coe = t.coe;
  if (!coe || !COES.includes(coe)) throw badRequest(`Requested COE type ${coe ?? 'Unset'} is not supported.`);
  const distro = imageDistro(ctx.core, auth, t.image_id ?? '', t.server_type ?? 'vm', coe);
  for (const f of ['flavor_id', 'master_flavor_id'] as const) {
    const v = t[f];
    if (v) checkFlavor(ctx.core, auth, v);
  }
  if (t.external_network_id) checkExternalNetwork(ctx.core, auth, t.external_network_id);
  return distro;
}

async function createTemplate(ctx: RequestContext) {
  const auth = ctx.authProject();
  const raw = await ctx.json();
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badRequest('Request is not in valid JSON format');
  const body = typed(raw as Record<string, unknown>);
  if (!body.image_id) throw mandatory('image_id');
  const distro = validateResources(ctx, auth, body);
  if ((body.public || body.hidden) && !auth.isAdmin) throw forbidden('Not authorized to set public or hidden flag for cluster template.');
  const s = state(ctx.core);
  const t = newTemplate({
    ...Object.fromEntries(Object.entries(body).filter(([, v]) => v !== null)),
    uuid: newUuid(),
    name: body.name ?? `${String(body.coe)}-template-${newUuid().slice(0, 8)}`,
    coe: body.coe!,
    image_id: body.image_id,
    cluster_distro: distro,
    labels: (body.labels as Record<string, string> | undefined) ?? {},
    project_id: auth.project.id,
    user_id: auth.user.id,
    created_at: isoMagnum(ctx.core.clock.now()),
  });
  s.templates.push(t);
  return json(201, renderTemplate(ctx, t), { Location: `${ctx.serviceUrl}/v1/clustertemplates/${t.uuid}` });
}

function inUse(ctx: RequestContext, t: ClusterTemplate) {
  return settleClusters(ctx).clusters.some((c) => c.cluster_template_id === t.uuid);
}

function mayModify(auth: ProjectAuthInfo, t: ClusterTemplate, rule: string) {
  if (!auth.isAdmin && t.project_id !== auth.project.id) throw policyDenied(rule);
}

async function patchTemplate(ctx: RequestContext) {
  const auth = ctx.authProject();
  const t = findTemplate(ctx, auth, ctx.params.ident);
  mayModify(auth, t, 'clustertemplate:update');
  const ops = await ctx.json();
  if (!Array.isArray(ops)) throw badRequest('Request is not in valid JSON format');
  const fields = (ops as PatchOp[]).map((op) => patchField(op));
  for (const f of fields) {
    if (['uuid', 'id', 'project_id', 'user_id', 'created_at', 'updated_at', 'cluster_distro'].includes(f)) {
      throw badRequest(`'/${f}' is an internal attribute and can not be updated`);
    }
  }
  if (inUse(ctx, t) && fields.some((f) => !UPDATABLE_IN_USE.includes(f))) {
    throw badRequest(`ClusterTemplate ${t.uuid} is referenced by one or multiple clusters.`);
  }
  let updated: ClusterTemplate;
  try {
    updated = applyPatch(t, ops as PatchOp[]);
  } catch (err) {
    if (err instanceof PatchError) throw badRequest(err.message);
    throw err;
  }
  const changed: Record<string, unknown> = {};
  for (const f of new Set(fields)) changed[f] = (updated as unknown as Record<string, unknown>)[f] ?? null;
  typed(changed);
  if ((changed.public === true || changed.hidden === true) && !auth.isAdmin) {
    throw forbidden('Not authorized to set public or hidden flag for cluster template.');
  }
  if ('image_id' in changed || 'flavor_id' in changed || 'master_flavor_id' in changed || 'external_network_id' in changed || 'coe' in changed) {
    updated.cluster_distro = validateResources(ctx, auth, updated);
  }
  Object.assign(t, updated, { updated_at: isoMagnum(ctx.core.clock.now()) });
  return json(200, renderTemplate(ctx, t));
}

function deleteTemplate(ctx: RequestContext) {
  const auth = ctx.authProject();
  const t = findTemplate(ctx, auth, ctx.params.ident);
  mayModify(auth, t, 'clustertemplate:delete');
  if (inUse(ctx, t)) throw badRequest(`ClusterTemplate ${t.uuid} is referenced by one or multiple clusters.`);
  const s = state(ctx.core);
  s.templates.splice(s.templates.indexOf(t), 1);
  return json(204, undefined);
}

export function templateRoutes(router: Router): void {
  const list = (ctx: RequestContext) => {
    const auth = ctx.authProject();
    let items = state(ctx.core).templates.filter((t) => templateVisible(auth, t) && (!t.hidden || auth.isAdmin || t.project_id === auth.project.id));
    const marker = ctx.query.get('marker');
    if (marker) {
      const i = items.findIndex((t) => t.uuid === marker);
      if (i < 0) throw new HttpError(404, `ClusterTemplate ${marker} could not be found.`);
      items = items.slice(i + 1);
    }
    const limit = Number(ctx.query.get('limit') ?? '1000');
    const page = items.slice(0, Number.isInteger(limit) && limit > 0 ? limit : 1000);
    const body: Record<string, unknown> = { clustertemplates: page.map((t) => renderTemplate(ctx, t)) };
    if (page.length < items.length && page.length > 0) {
      const next = new URL(ctx.url.href);
      next.searchParams.set('limit', String(page.length));
      next.searchParams.set('marker', page[page.length - 1].uuid);
      body.next = next.toString();
    }
    return json(200, body);
  };
  for (const kind of ['clustertemplates']) {
    versioned(router, 'GET', `/v1/${kind}`, list);
    versioned(router, 'GET', `/v1/${kind}/detail`, list);
    versioned(router, 'POST', `/v1/${kind}`, createTemplate);
    versioned(router, 'GET', `/v1/${kind}/{ident}`, (ctx) => json(200, renderTemplate(ctx, findTemplate(ctx, ctx.authProject(), ctx.params.ident))));
    versioned(router, 'PATCH', `/v1/${kind}/{ident}`, patchTemplate);
    versioned(router, 'DELETE', `/v1/${kind}/{ident}`, deleteTemplate);
  }
}
