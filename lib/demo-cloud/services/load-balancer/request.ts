// What every route module shares: the state, the routes mounted under both /v2 and /v2.0 (the CLI uses
// /v2.0) with the worker's finished operations applied first, lookups with Octavia's 404s, and quotas.
import type { AuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { notFound, quotaMet } from './errors';
import { settleAll } from './lifecycle';
import { DEFAULT_QUOTA, QUOTA_KEYS, type LbState, type QuotaKey, type QuotaRow } from './model';
import { View } from './render';

export interface LbDeps {
  core: CloudCore;
  s: LbState;
}

export type Handler = (ctx: RequestContext, auth: AuthInfo) => Reply | Promise<Reply>;
export type Mount = (method: string, path: string, handler: Handler) => void;

/** Registers `path` (e.g. `/lbaas/pools/{pool_id}`) under /v2 and /v2.0, authenticated, after settling. */
export function mounter(router: Router, deps: LbDeps): Mount {
  return (method, path, handler) => {
    for (const version of ['/v2', '/v2.0']) {
      router.add(method, `${version}${path}`, (ctx) => {
        const auth = ctx.auth();
        if (settleAll(deps.core, deps.s)) ctx.markDirty();
        return handler(ctx, auth);
      });
    }
  };
}

export const view = (deps: LbDeps) => new View(deps.core, deps.s);

/** A record by id, or Octavia's "<Resource> <id> not found." (404). */
export function find<T>(table: Record<string, T>, resource: string, id: string): T {
  const r = table[id];
  if (!r) throw notFound(resource, id);
  return r;
}

const RESOURCE_NAMES: Record<QuotaKey, string> = {
  load_balancer: 'Load Balancer', listener: 'Listener', pool: 'Pool', health_monitor: 'Health Monitor', member: 'Member', l7policy: 'L7 Policy', l7rule: 'L7 Rule',
};
const TABLES: Record<QuotaKey, keyof LbState> = {
  load_balancer: 'loadbalancers', listener: 'listeners', pool: 'pools', health_monitor: 'healthmonitors', member: 'members', l7policy: 'l7policies', l7rule: 'l7rules',
};

/** The project's quota row (created on first use, as check_quota_met does); null values mean the default. */
export function quotaRow(s: LbState, projectId: string): QuotaRow {
  return (s.quotas[projectId] ??= Object.fromEntries(QUOTA_KEYS.map((k) => [k, null])) as QuotaRow);
}

export const effectiveQuota = (row: QuotaRow | undefined, key: QuotaKey) => row?.[key] ?? DEFAULT_QUOTA;

/** 403 "Quota has been met for resources: <Resource>" when `count` more objects would exceed the project's quota. */
export function checkQuota(deps: LbDeps, projectId: string, key: QuotaKey, count = 1): void {
  const limit = effectiveQuota(quotaRow(deps.s, projectId), key);
  if (limit === -1) return;
  const used = Object.values(deps.s[TABLES[key]] as Record<string, { project_id: string }>).filter((x) => x.project_id === projectId).length;
  if (used + count > limit) throw quotaMet(RESOURCE_NAMES[key]);
}
