// Quotas: `/v2/lbaas/quotas` (octavia/api/v2/controllers/quotas.py). Every default is -1 (unlimited), as
// on the real cloud; load-balancer_quota_admin or admin may set a project's quotas.
import { QUOTA_PUT } from './bodies';
import { fault } from './errors';
import { listReply } from './listing';
import { QUOTA_KEYS, type QuotaKey, type QuotaRow } from './model';
import { authorize, listScope } from './policy';
import { effectiveQuota, quotaRow, type LbDeps, type Mount } from './request';
import { readRoot } from './schema';

const quotaBody = (row: QuotaRow | undefined) => ({ quota: Object.fromEntries(QUOTA_KEYS.map((k) => [k, effectiveQuota(row, k)])) });

/** A row of `GET /quotas`: both spellings of the renamed keys, null for "the default". */
const listRow = (projectId: string, q: QuotaRow) => ({
  project_id: projectId, loadbalancer: q.load_balancer, load_balancer: q.load_balancer, listener: q.listener, member: q.member, pool: q.pool,
  healthmonitor: q.health_monitor, health_monitor: q.health_monitor, l7policy: q.l7policy, l7rule: q.l7rule, tenant_id: projectId,
});

export function quotaRoutes(at: Mount, deps: LbDeps): void {
  const { s } = deps;
  const base = '/lbaas/quotas';

  at('GET', base, (ctx, auth) => {
    const scope = listScope(auth, ctx.query.get('project_id'), 'read-quota-global', 'read-quota');
    const rows = Object.entries(s.quotas).filter(([pid]) => scope === null || pid === scope).map(([pid, q]) => listRow(pid, q));
    return listReply(ctx, 'quotas', rows, { ignored: ['project_id'], defaultSort: ['project_id'] });
  });

  at('GET', `${base}/{project_id}`, (ctx, auth) => {
    authorize(auth, 'read-quota', ctx.params.project_id);
    return { status: 200, body: quotaBody(s.quotas[ctx.params.project_id]) };
  });

  at('GET', `${base}/{project_id}/default`, (ctx, auth) => {
    authorize(auth, 'read-quota', ctx.params.project_id);
    return { status: 200, body: quotaBody(undefined) };
  });

  at('PUT', `${base}/{project_id}`, async (ctx, auth) => {
    const b = await readRoot(ctx, 'quotas', 'quota', QUOTA_PUT);
    authorize(auth, 'write-quota', ctx.params.project_id);
    const row = quotaRow(s, ctx.params.project_id);
    // The deprecated spellings (loadbalancer, healthmonitor) are stored under the current names.
    const renamed: Record<string, QuotaKey> = { loadbalancer: 'load_balancer', healthmonitor: 'health_monitor' };
    for (const [k, v] of Object.entries(b)) row[renamed[k] ?? (k as QuotaKey)] = v as number | null;
    return { status: 202, body: quotaBody(row) };
  });

  at('DELETE', `${base}/{project_id}`, (ctx, auth) => {
    authorize(auth, 'write-quota', ctx.params.project_id);
    const row = s.quotas[ctx.params.project_id];
    if (!row) throw fault(404, `Quotas ${ctx.params.project_id} not found.`);
    for (const k of QUOTA_KEYS) row[k] = null;
    return { status: 202 };
  });
}
