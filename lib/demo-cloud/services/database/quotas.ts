// Trove's quotas (instances, ram, volumes in GB, backups) per project: checked on create and resize
// (413 "Quota exceeded for resources: [...]"), shown by GET /limits and /mgmt/quotas, set by admins.
import type { CloudCore } from '../../core/cloud';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { quotaExceeded, troveError } from './errors';
import { usage } from './lifecycle';
import { DEFAULT_QUOTAS, type DatabaseState } from './model';
import { readJson, type TroveDeps } from './request';

type Resource = keyof typeof DEFAULT_QUOTAS;
const RESOURCES = Object.keys(DEFAULT_QUOTAS) as Resource[];

export function limitsOf(s: DatabaseState, projectId: string): Record<Resource, number> {
  return { ...DEFAULT_QUOTAS, ...s.quotas?.[projectId] };
}

/** Throws 413 when adding `deltas` would pass a limit (-1: unlimited; shrinking never fails). */
export function checkQuota(core: CloudCore, s: DatabaseState, projectId: string, deltas: Partial<Record<Resource, number>>): void {
  const limits = limitsOf(s, projectId);
  const used = usage(core, s, projectId);
  const overs = RESOURCES.filter((r) => {
    const d = deltas[r] ?? 0;
    return d > 0 && limits[r] >= 0 && used[r] + d > limits[r];
  });
  if (overs.length) throw quotaExceeded(overs);
}

export function quotaRoutes(router: Router, { core, s }: TroveDeps): void {
  router.get('/v1.0/{tenant_id}/limits', (ctx) => {
    const auth = ctx.authProject();
    const l = limitsOf(s, auth.project.id);
    const next = new Date(core.clock.now()).toISOString().slice(0, 19) + 'Z';
    const rate = (verb: string, uri: string, regex: string) => ({ nextAvailable: next, remaining: 100000, unit: 'MINUTE', value: 100000, verb, uri, regex });
    return json(200, {
      limits: [
        { verb: 'ABSOLUTE', max_instances: l.instances, max_ram: l.ram, max_backups: l.backups, max_volumes: l.volumes },
        rate('POST', '*', '.*'), rate('PUT', '*', '.*'), rate('DELETE', '*', '.*'), rate('GET', '*', '.*'), rate('POST', '*/mgmt', '^/mgmt'),
      ],
    });
  });
  router.get('/v1.0/{tenant_id}/mgmt/quotas/{project}', (ctx) => {
    const auth = ctx.authProject();
    const project = ctx.params.project;
    if (project !== auth.project.id && !auth.isAdmin) throw troveError(403, `Operation not allowed for tenant ${auth.project.id}.`);
    const l = limitsOf(s, project);
    const used = usage(core, s, project);
    return json(200, { quotas: RESOURCES.map((r) => ({ resource: r, in_use: used[r], reserved: 0, limit: l[r] })) });
  });
  router.put('/v1.0/{tenant_id}/mgmt/quotas/{project}', async (ctx) => {
    const auth = ctx.authProject();
    if (!auth.isAdmin) throw troveError(403, 'User does not have admin privileges.');
    const body = (await readJson(ctx)).quotas as Record<string, unknown> | undefined;
    if (!body || typeof body !== 'object') throw troveError(400, 'Invalid request body.');
    const out: Record<string, number> = {};
    for (const [r, v] of Object.entries(body)) {
      if (v === null || r === 'xmlns') continue;
      if (!RESOURCES.includes(r as Resource)) throw troveError(404, `Unknown quota resources ['${r}'].`);
      const n = Number(v);
      if (!Number.isInteger(n)) throw troveError(400, `Invalid value for ${r}: ${String(v)}.`);
      if (n < -1) throw troveError(400, `Quota limit '${n}' for '${r}' must be greater than or equal to -1.`);
      ((s.quotas ??= {})[ctx.params.project] ??= {})[r as Resource] = n;
      out[r] = n;
    }
    core.state.markDirty();
    return json(200, { quotas: out });
  });
}
