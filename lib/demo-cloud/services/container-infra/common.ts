import type { CloudCore } from '../../core/cloud';
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors';
import { settle } from '../../core/transitions';
import { seedContainerInfra, type Cluster, type ClusterTemplate, type ContainerInfraState } from './model';

export const state = (core: CloudCore) => core.state.slice<ContainerInfraState>('container-infra', () => seedContainerInfra(core));

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

export function links(ctx: RequestContext, kind: string, id: string) {
  return [
    { href: `${ctx.serviceUrl}/v1/${kind}/${id}`, rel: 'self' },
    { href: `${ctx.serviceUrl}/${kind}/${id}`, rel: 'bookmark' },
  ];
}

export const policyDenied = (rule: string) => forbidden(`Policy doesn't allow ${rule} to be performed.`);

/** Settles every cluster and drops those whose delete finished. */
export function settleClusters(ctx: RequestContext): ContainerInfraState {
  const s = state(ctx.core);
  let changed = false;
  for (const c of s.clusters) changed = settle(c, ctx.core.clock) || changed;
  const before = s.clusters.length;
  s.clusters = s.clusters.filter((c) => c.status !== 'DELETE_COMPLETE');
  if (changed || s.clusters.length !== before) ctx.markDirty();
  return s;
}

export const templateVisible = (auth: ProjectAuthInfo, t: ClusterTemplate) =>
  auth.isAdmin || t.project_id === auth.project.id || t.public;

export function findTemplate(ctx: RequestContext, auth: ProjectAuthInfo, ident: string): ClusterTemplate {
  const s = state(ctx.core);
  const visible = s.templates.filter((t) => templateVisible(auth, t));
  const byId = visible.find((t) => t.uuid === ident);
  if (byId) return byId;
  const byName = visible.filter((t) => t.name === ident);
  if (byName.length > 1) throw conflict('Multiple cluster_templates exist with same name. Please use the cluster_template uuid instead.');
  if (byName.length === 0) throw notFound(`ClusterTemplate ${ident} could not be found.`);
  return byName[0];
}

export function findCluster(ctx: RequestContext, auth: ProjectAuthInfo, ident: string): Cluster {
  const s = settleClusters(ctx);
  const visible = s.clusters.filter((c) => auth.isAdmin || c.project_id === auth.project.id);
  const byId = visible.find((c) => c.uuid === ident);
  if (byId) return byId;
  const byName = visible.filter((c) => c.name === ident);
  if (byName.length > 1) throw conflict('Multiple clusters exist with same name. Please use the cluster uuid instead.');
  if (byName.length === 0) throw notFound(`Cluster ${ident} could not be found.`);
  return byName[0];
}

/** wsme's message for a missing mandatory attribute. */
export const mandatory = (field: string) =>
  badRequest(`Invalid input for field/attribute ${field}. Value: 'None'. Mandatory field missing.`);

export const invalidInput = (field: string, value: unknown, why: string) =>
  badRequest(`Invalid input for field/attribute ${field}. Value: '${String(value)}'. ${why}`);
