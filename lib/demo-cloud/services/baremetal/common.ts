import type { CloudCore } from '../../core/cloud';
import type { AuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors';
import { failureFixtures } from '../../core/failures';
import { settle } from '../../core/transitions';
import { CONDUCTOR, seedBaremetal, type BaremetalState, type Node } from './model';

export const state = (core: CloudCore) => core.state.slice<BaremetalState>('baremetal', () => seedBaremetal(failureFixtures(core)));

/** Ironic's timestamps: 2026-11-25T14:32:48+00:00. */
export const isoIronic = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '+00:00');

export const isUuid = (s: string) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s);

/** Applies due transitions to every node; marks state dirty when something moved. */
export function settleAll(ctx: RequestContext): BaremetalState {
  const s = state(ctx.core);
  let changed = false;
  for (const n of s.nodes) changed = settle(n, ctx.core.clock) || changed;
  if (changed) ctx.markDirty();
  return s;
}

/** Ironic's default policy: `role:admin` for everything but reading nodes/ports a project owns or leases. */
export function policyDenied(rule: string) {
  return forbidden(`Access was denied to the following resource: baremetal:${rule}`);
}

export function requireAdmin(auth: AuthInfo, rule: string): void {
  if (!auth.isAdmin) throw policyDenied(rule);
}

export function nodeVisible(auth: AuthInfo, node: Node): boolean {
  if (auth.isAdmin) return true;
  const p = auth.project?.id;
  return !!p && (node.owner === p || node.lessee === p);
}

/** The node by uuid or name, visible to the caller; 404 otherwise. */
export function findNode(ctx: RequestContext, auth: AuthInfo, ident: string, minor = 82): Node {
  const s = settleAll(ctx);
  // Logical names identify nodes from 1.5 on.
  const node = s.nodes.find((n) => n.uuid === ident || (minor >= 5 && n.name !== null && n.name === ident));
  if (!node || !nodeVisible(auth, node)) throw notFound(`Node ${ident} could not be found.`);
  return node;
}

/** A node whose lock a conductor holds (a transition is running): Ironic answers 409 NodeLocked. */
export function assertUnlocked(node: Node): void {
  if (node.reservation) {
    throw conflict(`Node ${node.uuid} is locked by host ${node.reservation}, please retry after the current operation is completed.`);
  }
}

export const locked = { reservation: CONDUCTOR } as const;

export function schemaError(kind: string, message: string) {
  return badRequest(`Schema error for ${kind}: ${message}`);
}

/** Logical names as Ironic accepts them (RFC 3986 unreserved characters). */
export const validName = (name: string) => /^[A-Za-z0-9\-._~]+$/.test(name) && name.length <= 255;

/** `?fields=a,b` as a list, or null. */
export function fieldsParam(ctx: RequestContext): string[] | null {
  const raw = ctx.query.get('fields');
  if (raw === null) return null;
  return raw.split(',').map((f) => f.trim()).filter(Boolean);
}

export function links(ctx: RequestContext, kind: string, id: string) {
  const base = ctx.serviceUrl;
  return [
    { href: `${base}/v1/${kind}/${id}`, rel: 'self' },
    { href: `${base}/${kind}/${id}`, rel: 'bookmark' },
  ];
}
