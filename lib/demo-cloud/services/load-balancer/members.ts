// Members: `/v2/lbaas/pools/{pool_id}/members` (octavia/api/v2/controllers/member.py), with the batch update
// `PUT .../members` that makes a pool's members exactly the list given (or adds to it with additive_only).
import type { AuthInfo } from '../../core/auth';
import { MEMBER_POST, MEMBER_PUT } from './bodies';
import { collection } from './collection';
import { normalizeIp, visibleSubnet } from './deps';
import { fault, invalidOption, notFound, routingFault, subresourceNotFound } from './errors';
import { fresh, lockPool, mark, requirePoolMutable } from './lifecycle';
import { listReply } from './listing';
import { RESERVED_IPS, type Member, type Pool } from './model';
import { authorize, type Rule } from './policy';
import { renderMember } from './render';
import { checkQuota, view, type LbDeps, type Mount } from './request';
import { readRoot, readRootValue, type Body } from './schema';
import { lbOfPool, membersOf, monitorOf } from './tree';

const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];

function checkNotReserved(address: string): void {
  // Octavia compares the exploded, upper-cased form against [networking] reserved_ips.
  const shown = normalizeIp(address) ?? address;
  if (RESERVED_IPS.includes(shown)) throw invalidOption(shown.toUpperCase(), 'member address');
}

function checkSubnet(deps: LbDeps, auth: AuthInfo, subnetId: unknown): void {
  if (subnetId && !visibleSubnet(deps.core, subnetId as string, auth.project?.id ?? '', auth.isAdmin)) throw subresourceNotFound('Subnet', subnetId as string);
}

/** A new member (stored, PENDING_CREATE): OFFLINE when its pool has a monitor, NO_MONITOR otherwise. */
export function createMember(deps: LbDeps, pool: Pool, b: Body): Member {
  const { core, s } = deps;
  const address = b.address as string;
  const port = b.protocol_port as number;
  checkNotReserved(address);
  if (membersOf(s, pool.id).some((m) => m.address === address && m.protocol_port === port)) {
    throw fault(409, `Another member on this pool is already using ip ${address} on protocol_port ${port}`);
  }
  const m: Member = {
    ...fresh(core, pool.project_id, b), operating_status: monitorOf(s, pool.id) ? 'OFFLINE' : 'NO_MONITOR', pool_id: pool.id,
    name: (b.name as string | null | undefined) ?? '', address, protocol_port: port, weight: (b.weight as number | null | undefined) ?? 1,
    backup: (b.backup as boolean | null | undefined) ?? false, subnet_id: (b.subnet_id as string | null | undefined) ?? null,
    monitor_address: (b.monitor_address as string | null | undefined) ?? null, monitor_port: (b.monitor_port as number | null | undefined) ?? null,
  };
  s.members[m.id] = m;
  return m;
}

/** A PUT (or a batch entry) applied: null resets weight to 1, backup to false, name and tags to empty. */
function applyUpdate(m: Member, b: Body): void {
  const defaults: Record<string, unknown> = { weight: 1, backup: false, name: '', tags: [] };
  const target = m as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    if (k === 'project_id' || k === 'address' || k === 'protocol_port' || (k === 'admin_state_up' && v === null)) continue;
    target[k] = v === null && k in defaults ? structuredClone(defaults[k]) : v;
  }
}

export function memberRoutes(at: Mount, deps: LbDeps): void {
  const { core, s } = deps;
  const base = '/lbaas/pools/{pool_id}/members';
  // pecan's _lookup finds the pool before any member controller runs.
  const poolOf = (id: string) => {
    if (!s.pools[id]) throw routingFault(404, `Pool ${id} not found.`);
    return s.pools[id];
  };
  const members = collection(at, deps, {
    base, key: 'member', resource: 'Member', table: (t) => t.members, render: renderMember, owner: (m) => lbOfPool(s, s.pools[m.pool_id]).project_id,
  });
  /** The member `id` names, after the policy check, if it belongs to the path's pool. */
  const memberOf = (pool: Pool, id: string, auth: AuthInfo, rule: Rule) => {
    const m = members.lookup(id, auth, rule);
    if (m.pool_id !== pool.id) throw notFound('Member', id);
    return m;
  };

  at('GET', base, (ctx, auth) => {
    const pool = poolOf(ctx.params.pool_id);
    authorize(auth, 'read', pool.project_id);
    const v = view(deps);
    return listReply(ctx, 'members', membersOf(s, pool.id).map((m) => renderMember(v, m)));
  });

  at('POST', base, async (ctx, auth) => {
    const pool = poolOf(ctx.params.pool_id);
    const b = await readRoot(ctx, 'member_', 'member', MEMBER_POST);
    authorize(auth, 'write', lbOfPool(s, pool).project_id);
    checkNotReserved(b.address as string);
    checkSubnet(deps, auth, b.subnet_id);
    checkQuota(deps, pool.project_id, 'member');
    requirePoolMutable(s, pool);
    const m = createMember(deps, pool, b);
    lockPool(core, s, pool);
    return members.reply(201, m);
  });

  at('GET', `${base}/{id}`, (ctx, auth) => {
    const pool = poolOf(ctx.params.pool_id);
    return members.reply(200, memberOf(pool, ctx.params.id, auth, 'read'), ctx);
  });

  at('PUT', `${base}/{id}`, async (ctx, auth) => {
    const pool = poolOf(ctx.params.pool_id);
    const b = await readRoot(ctx, 'member_', 'member', MEMBER_PUT);
    const m = memberOf(pool, ctx.params.id, auth, 'write');
    requirePoolMutable(s, pool);
    applyUpdate(m, b);
    mark(core, m, 'PENDING_UPDATE');
    lockPool(core, s, pool);
    return members.reply(200, m);
  });

  at('DELETE', `${base}/{id}`, (ctx, auth) => {
    const pool = poolOf(ctx.params.pool_id);
    const m = memberOf(pool, ctx.params.id, auth, 'write');
    requirePoolMutable(s, pool);
    mark(core, m, 'PENDING_DELETE');
    lockPool(core, s, pool);
    return { status: 204 };
  });

  // Batch update: members are matched on (address, protocol_port); the rest are created or (unless additive) deleted.
  at('PUT', base, async (ctx, auth) => {
    const pool = poolOf(ctx.params.pool_id);
    const additive = TRUE.includes((ctx.query.get('additive_only') ?? '').toLowerCase());
    const wanted = ((await readRootValue(ctx, 'members_', 'members', { t: 'list', of: { t: 'obj', fields: MEMBER_POST } })) as Body[] | undefined) ?? [];
    authorize(auth, 'write', lbOfPool(s, pool).project_id);
    requirePoolMutable(s, pool);
    const old = membersOf(s, pool.id);
    const key = (address: unknown, port: unknown) => `${String(address)}|${String(port)}`;
    const oldByKey = new Map(old.map((m) => [key(m.address, m.protocol_port), m]));
    const wantedKeys = new Set(wanted.map((w) => key(w.address, w.protocol_port)));
    const created = wanted.filter((w) => !oldByKey.has(key(w.address, w.protocol_port)));
    const updated = wanted.filter((w) => oldByKey.has(key(w.address, w.protocol_port)));
    const removed = old.filter((m) => !wantedKeys.has(key(m.address, m.protocol_port)));
    if (!created.length && !updated.length && !removed.length) return { status: 202 };
    const growth = additive ? created.length : created.length - removed.length;
    if (growth > 0) checkQuota(deps, pool.project_id, 'member', growth);
    for (const w of created) checkSubnet(deps, auth, w.subnet_id);
    for (const w of created) createMember(deps, pool, w);
    for (const w of updated) {
      const m = oldByKey.get(key(w.address, w.protocol_port))!;
      applyUpdate(m, w);
      mark(core, m, 'PENDING_UPDATE');
    }
    if (!additive) for (const m of removed) mark(core, m, 'PENDING_DELETE');
    lockPool(core, s, pool);
    return { status: 202 };
  });
}
