// Health monitors: `/v2/lbaas/healthmonitors` (octavia/api/v2/controllers/health_monitor.py), one per pool.
// HTTP and HTTPS monitors default to GET / expecting 200; the other types take none of those fields.
import { MONITOR_POST, MONITOR_PUT } from './bodies';
import { collection, parentFilter } from './collection';
import { fault, invalidOption, validation } from './errors';
import { fresh, lockPool, mark, requirePoolMutable } from './lifecycle';
import { UDP_CONNECT_MIN_DELAY, type HealthMonitor, type Pool } from './model';
import { authorize } from './policy';
import { renderMonitor } from './render';
import { checkQuota, find, type LbDeps, type Mount } from './request';
import { readRoot, sent, type Body } from './schema';
import { lbOfPool, monitorOf } from './tree';

const HTTP_TYPES = ['HTTP', 'HTTPS'];
const HTTP_FIELDS = ['http_method', 'url_path', 'expected_codes'] as const;
const udpLike = (protocol: string) => protocol === 'UDP' || protocol === 'SCTP';

/** Which monitor types a pool's protocol allows (UDP/SCTP pools: UDP-CONNECT, SCTP, TCP, HTTP). */
function checkTypeForPool(type: string, delay: unknown, protocol: string): void {
  if (udpLike(protocol)) {
    if (!['UDP-CONNECT', 'SCTP', 'TCP', 'HTTP'].includes(type)) {
      throw validation(`The associated pool protocol is ${protocol}, so only a UDP-CONNECT/SCTP/TCP/HTTP health monitor is supported.`);
    }
    if (type === 'UDP-CONNECT' && typeof delay === 'number' && delay < UDP_CONNECT_MIN_DELAY) {
      throw validation(`The request delay value ${delay} should be larger than ${UDP_CONNECT_MIN_DELAY} for UDP-CONNECT health monitor type.`);
    }
  } else if (type === 'UDP-CONNECT' || type === 'SCTP') {
    throw validation(`The ${type} type is only supported for pools of type UDP/SCTP.`);
  }
}

function checkDomain(domain: unknown, version: unknown): void {
  if (domain && !version) throw validation("'http_version' must be specified when 'domain_name' is provided.");
  if (domain && typeof version === 'number' && version < 1.1) {
    throw invalidOption(`http_version ${version.toFixed(1)}`, 'health monitors HTTP 1.1 domain name health check');
  }
}

/** `_validate_create_hm`, then the new monitor (stored, PENDING_CREATE). */
export function createMonitor(deps: LbDeps, pool: Pool, b: Body): HealthMonitor {
  const type = b.type as string;
  const http = HTTP_TYPES.includes(type);
  if (!http) for (const f of HTTP_FIELDS) if (b[f]) throw invalidOption(f, `health monitors of type ${type}`);
  checkDomain(b.domain_name, b.http_version);
  if (monitorOf(deps.s, pool.id)) throw fault(409, 'This pool already has a health monitor');
  const hm: HealthMonitor = {
    ...fresh(deps.core, pool.project_id, b), pool_id: pool.id, name: (b.name as string | null | undefined) ?? '', type,
    delay: b.delay as number, timeout: b.timeout as number, max_retries: b.max_retries as number, max_retries_down: (b.max_retries_down as number | null | undefined) ?? 3,
    http_method: http ? ((b.http_method as string | undefined) || 'GET') : null, url_path: http ? ((b.url_path as string | undefined) || '/') : null,
    expected_codes: http ? ((b.expected_codes as string | undefined) || '200') : null,
    http_version: (b.http_version as number | undefined) ?? null, domain_name: (b.domain_name as string | undefined) ?? null,
  };
  deps.s.healthmonitors[hm.id] = hm;
  return hm;
}

export function monitorRoutes(at: Mount, deps: LbDeps): void {
  const { core, s } = deps;
  const base = '/lbaas/healthmonitors';
  const poolOf = (hm: HealthMonitor) => s.pools[hm.pool_id];
  const monitors = collection(at, deps, {
    base, key: 'healthmonitor', resource: 'Health Monitor', table: (x) => x.healthmonitors, render: renderMonitor, owner: (hm) => lbOfPool(s, poolOf(hm)).project_id,
    list: { key: 'healthmonitors', options: { extraFilters: { pool_id: parentFilter('pools') } } },
  });

  at('POST', base, async (ctx, auth) => {
    const b = await readRoot(ctx, 'health_monitor_', 'healthmonitor', MONITOR_POST);
    const pool = find(s.pools, 'Pool', b.pool_id as string);
    authorize(auth, 'write', lbOfPool(s, pool).project_id);
    checkTypeForPool(b.type as string, b.delay, pool.protocol);
    checkQuota(deps, pool.project_id, 'health_monitor');
    requirePoolMutable(s, pool);
    const hm = createMonitor(deps, pool, b);
    lockPool(core, s, pool);
    return monitors.reply(201, hm);
  });

  at('PUT', `${base}/{id}`, async (ctx, auth) => {
    const b = await readRoot(ctx, 'health_monitor_', 'healthmonitor', MONITOR_PUT);
    const hm = monitors.lookup(ctx.params.id, auth, 'write');
    const pool = poolOf(hm);
    if (!HTTP_TYPES.includes(hm.type)) for (const f of HTTP_FIELDS) if (sent(b, f)) throw invalidOption(f, `health monitors of type ${hm.type}`);
    for (const f of ['delay', 'max_retries', 'timeout']) if (sent(b, f) && b[f] === null) throw invalidOption('None', f);
    if (b.domain_name && !(hm.http_version || b.http_version)) throw validation("'http_version' must be specified when 'domain_name' is provided.");
    checkDomain(b.domain_name ?? hm.domain_name, b.http_version ?? hm.http_version);
    if (udpLike(pool.protocol)) checkTypeForPool(hm.type, b.delay ?? hm.delay, pool.protocol);
    requirePoolMutable(s, pool);
    const defaults: Record<string, unknown> = { http_method: 'GET', url_path: '/', expected_codes: '200', max_retries_down: 3, name: '', tags: [] };
    const target = hm as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(b)) if (!(k === 'admin_state_up' && v === null)) target[k] = v === null && k in defaults ? structuredClone(defaults[k]) : v;
    mark(core, hm, 'PENDING_UPDATE');
    lockPool(core, s, pool);
    return monitors.reply(200, hm);
  });

  at('DELETE', `${base}/{id}`, (ctx, auth) => {
    const hm = monitors.lookup(ctx.params.id, auth, 'write');
    const pool = poolOf(hm);
    requirePoolMutable(s, pool);
    mark(core, hm, 'PENDING_DELETE');
    lockPool(core, s, pool);
    return { status: 204 };
  });
}
