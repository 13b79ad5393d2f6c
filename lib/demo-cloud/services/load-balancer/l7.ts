// L7 policies `/v2/lbaas/l7policies` and their rules `/v2/lbaas/l7policies/{id}/rules`
// (octavia/api/v2/controllers/l7policy.py, l7rule.py). Policies of a listener are kept numbered 1..n by position.
import type { AuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { POLICY_POST, POLICY_PUT, RULE_POST, RULE_PUT } from './bodies';
import { checkHasChildren, checkProtocols } from './checks';
import { collection } from './collection';
import { fault, routingFault, unsupportedOption } from './errors';
import { checkRule, sanitizePolicy } from './l7-checks';
import { fresh, lockForChange, mark, requireActive } from './lifecycle';
import { listReply } from './listing';
import { MAX_RULES_PER_POLICY, type L7Policy, type L7Rule, type LbState, type Listener } from './model';
import { authorize } from './policy';
import { renderPolicy, renderRule } from './render';
import { checkQuota, find, type LbDeps, type Mount } from './request';
import { readRoot, type Body } from './schema';
import { lbOfListener, policiesOf, rulesOf } from './tree';

/** Puts `moving` at `position` (1-based; past the end = last) among its listener's policies and renumbers them. */
function reorder(s: LbState, listenerId: string, moving: L7Policy, position: number): void {
  const others = policiesOf(s, listenerId).filter((p) => p.id !== moving.id);
  others.splice(Math.min(position - 1, others.length), 0, moving);
  others.forEach((p, i) => (p.position = i + 1));
}

/** A new rule of a policy (stored, PENDING_CREATE). */
function createRule(deps: LbDeps, policy: L7Policy, b: Body): L7Rule {
  const r: L7Rule = {
    ...fresh(deps.core, policy.project_id, b), l7policy_id: policy.id, type: b.type as string, compare_type: b.compare_type as string,
    key: (b.key as string | null | undefined) ?? null, value: b.value as string, invert: (b.invert as boolean | null | undefined) ?? false,
  };
  deps.s.l7rules[r.id] = r;
  return r;
}

const asRule = (b: Body) => ({ type: b.type as string, compare_type: b.compare_type as string, key: (b.key as string | null) ?? null, value: (b.value as string | null) ?? null });

/** A new policy with its rules (stored, PENDING_CREATE); `b` is already sanitized. */
export function createPolicy(deps: LbDeps, listener: Listener, b: Body): L7Policy {
  const rules = (b.rules as Body[] | null | undefined) ?? [];
  const p: L7Policy = {
    ...fresh(deps.core, listener.project_id, b), listener_id: listener.id, name: (b.name as string | null | undefined) ?? '',
    description: (b.description as string | null | undefined) ?? '', action: b.action as string, redirect_pool_id: (b.redirect_pool_id as string | null | undefined) ?? null,
    redirect_url: (b.redirect_url as string | null | undefined) ?? null, redirect_prefix: (b.redirect_prefix as string | null | undefined) ?? null,
    redirect_http_code: (b.redirect_http_code as number | null | undefined) ?? null, position: 0,
  };
  if (rules.length > MAX_RULES_PER_POLICY) throw fault(409, `Too many rules on L7 policy ${p.id}`);
  for (const r of rules) checkRule(asRule(r));
  if ((p.redirect_url || p.redirect_prefix) && !p.redirect_http_code) p.redirect_http_code = 302;
  if (!['HTTP', 'TERMINATED_HTTPS'].includes(listener.protocol)) throw unsupportedOption(`${listener.protocol} protocol listeners do not support L7 policies`);
  deps.s.l7policies[p.id] = p;
  reorder(deps.s, listener.id, p, (b.position as number | undefined) ?? Number.MAX_SAFE_INTEGER);
  for (const r of rules) createRule(deps, p, r);
  return p;
}

function checkRedirectPool(deps: LbDeps, listener: Listener, poolId: unknown): void {
  if (!poolId) return;
  checkProtocols(listener.protocol, find(deps.s.pools, 'Pool', poolId as string).protocol);
}

export function l7Routes(at: Mount, deps: LbDeps): void {
  const { core, s } = deps;
  const base = '/lbaas/l7policies';
  /** Every L7 change locks the policy's listener and load balancer. */
  const lockListener = (l: Listener) => {
    mark(core, l, 'PENDING_UPDATE');
    lockForChange(core, lbOfListener(s, l));
  };

  const policies = collection(at, deps, {
    base, key: 'l7policy', resource: 'L7 Policy', table: (x) => x.l7policies, render: renderPolicy,
    owner: (p) => lbOfListener(s, s.listeners[p.listener_id]).project_id, list: { key: 'l7policies' },
  });

  at('POST', base, async (ctx, auth) => {
    const b = await readRoot(ctx, 'l7policy_', 'l7policy', POLICY_POST);
    const listener = find(s.listeners, 'Listener', b.listener_id as string);
    const lb = lbOfListener(s, listener);
    authorize(auth, 'write', lb.project_id);
    checkHasChildren(listener.protocol);
    checkRedirectPool(deps, listener, b.redirect_pool_id);
    checkQuota(deps, lb.project_id, 'l7policy');
    sanitizePolicy(b, true);
    requireActive(lb, 'Load Balancer');
    const p = createPolicy(deps, listener, b);
    lockListener(listener);
    return policies.reply(201, p);
  });

  at('PUT', `${base}/{id}`, async (ctx, auth) => {
    const b = await readRoot(ctx, 'l7policy_', 'l7policy', POLICY_PUT);
    const p = policies.lookup(ctx.params.id, auth, 'write');
    const listener = s.listeners[p.listener_id];
    const changes = sanitizePolicy(b, false);
    checkRedirectPool(deps, listener, changes.redirect_pool_id);
    requireActive(lbOfListener(s, listener), 'Load Balancer');
    const target = p as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(changes)) {
      if (k === 'position') reorder(s, listener.id, p, (v as number | null) ?? Number.MAX_SAFE_INTEGER);
      else target[k] = v === null && (k === 'name' || k === 'description') ? '' : v === null && k === 'tags' ? [] : v;
    }
    mark(core, p, 'PENDING_UPDATE');
    lockListener(listener);
    return policies.reply(200, p);
  });

  at('DELETE', `${base}/{id}`, (ctx, auth) => {
    const p = policies.lookup(ctx.params.id, auth, 'write');
    const listener = s.listeners[p.listener_id];
    requireActive(lbOfListener(s, listener), 'Load Balancer');
    mark(core, p, 'PENDING_DELETE');
    lockListener(listener);
    return { status: 204 };
  });

  // ---- rules ----
  const rules = `${base}/{policy_id}/rules`;
  const ruleReplies = collection(at, deps, { base: rules, key: 'rule', resource: 'L7 Rule', table: (x) => x.l7rules, render: (_v, r) => renderRule(r) });
  const policyOf = (id: string) => {
    // pecan's _lookup finds the policy before the rule controller runs.
    const p = s.l7policies[id];
    if (!p) throw routingFault(404, `L7Policy ${id} not found.`);
    return p;
  };
  /** The rule a change names, and the policy of the path (whose load balancer's project the write rule checks). */
  const ruleForWrite = (ctx: RequestContext, auth: AuthInfo) => {
    const r = find(s.l7rules, 'L7 Rule', ctx.params.id);
    const p = find(s.l7policies, 'L7 Policy', ctx.params.policy_id);
    authorize(auth, 'write', lbOfListener(s, s.listeners[p.listener_id]).project_id);
    return { r, p };
  };
  /** Rules need their policy ACTIVE ("L7Policy <id> is immutable ..."), then the load balancer. */
  const lockPolicy = (p: L7Policy, change: () => void) => {
    const listener = s.listeners[p.listener_id];
    requireActive(p, 'L7Policy');
    requireActive(lbOfListener(s, listener), 'Load Balancer');
    change();
    mark(core, p, 'PENDING_UPDATE');
    lockListener(listener);
  };

  at('GET', rules, (ctx, auth) => {
    const p = policyOf(ctx.params.policy_id);
    authorize(auth, 'read', p.project_id);
    return listReply(ctx, 'rules', rulesOf(s, p.id).map(renderRule));
  });

  at('POST', rules, async (ctx, auth) => {
    const p = policyOf(ctx.params.policy_id);
    const b = await readRoot(ctx, 'rule_', 'rule', RULE_POST);
    authorize(auth, 'write', lbOfListener(s, s.listeners[p.listener_id]).project_id);
    checkRule(asRule(b));
    if (rulesOf(s, p.id).length >= MAX_RULES_PER_POLICY) throw fault(409, `Too many rules on L7 policy ${p.id}`);
    checkQuota(deps, p.project_id, 'l7rule');
    let r!: L7Rule;
    lockPolicy(p, () => (r = createRule(deps, p, b)));
    return ruleReplies.reply(201, r);
  });

  at('GET', `${rules}/{id}`, (ctx, auth) => {
    policyOf(ctx.params.policy_id);
    return ruleReplies.reply(200, ruleReplies.lookup(ctx.params.id, auth, 'read'), ctx);
  });

  at('PUT', `${rules}/{id}`, async (ctx, auth) => {
    policyOf(ctx.params.policy_id);
    const b = await readRoot(ctx, 'l7rule_', 'rule', RULE_PUT);
    const { r, p } = ruleForWrite(ctx, auth);
    if (b.invert === null) b.invert = false;
    checkRule(asRule({ ...r, ...b }));
    lockPolicy(p, () => {
      const target = r as unknown as Record<string, unknown>;
      for (const [k, v] of Object.entries(b)) if (!(k === 'admin_state_up' && v === null)) target[k] = v === null && k === 'tags' ? [] : v;
      mark(core, r, 'PENDING_UPDATE');
    });
    return ruleReplies.reply(200, r);
  });

  at('DELETE', `${rules}/{id}`, (ctx, auth) => {
    policyOf(ctx.params.policy_id);
    const { r, p } = ruleForWrite(ctx, auth);
    lockPolicy(p, () => mark(core, r, 'PENDING_DELETE'));
    return { status: 204 };
  });
}
