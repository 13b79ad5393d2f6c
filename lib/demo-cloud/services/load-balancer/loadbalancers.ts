// Load balancers: `/v2/lbaas/loadbalancers` (octavia/api/v2/controllers/load_balancer.py) with /status,
// /stats and /failover. A new load balancer is PENDING_CREATE for a few nominal seconds, then ACTIVE.
import { uuid } from '../../core/ids';
import { LOADBALANCER_POST, LOADBALANCER_PUT } from './bodies';
import { collection } from './collection';
import { fault, validation } from './errors';
import { createGraph, withRollback } from './graph';
import { beginWork, newAmphora, now, requireLbState } from './lifecycle';
import { PROVIDER, WORK_SECONDS, type LoadBalancer } from './model';
import { authorize } from './policy';
import { renderLoadBalancer, renderStatusTree, ZERO_STATS } from './render';
import { checkQuota, view, type LbDeps, type Mount } from './request';
import { readRoot, type Body } from './schema';
import { listenersOf, poolsOf } from './tree';
import { allocateVip, planVip } from './vip';

const TRUE = ['1', 't', 'true', 'on', 'y', 'yes'];

export function loadBalancerRoutes(at: Mount, deps: LbDeps): void {
  const { core, s } = deps;
  const base = '/lbaas/loadbalancers';
  const lbs = collection(at, deps, { base, key: 'loadbalancer', resource: 'Load Balancer', table: (t) => t.loadbalancers, render: renderLoadBalancer, list: { key: 'loadbalancers' } });

  at('POST', base, async (ctx, auth) => {
    const b = await readRoot(ctx, 'load_balancer', 'loadbalancer', LOADBALANCER_POST);
    const projectId = (b.project_id as string | undefined) || auth.project?.id;
    if (!projectId) {
      throw validation('Missing project ID in request where one is required. An administrator should check the keystone settings in the Octavia configuration.');
    }
    authorize(auth, 'write', projectId);
    const plan = planVip(core, auth, b);
    if (b.flavor_id) throw validation('Invalid flavor_id.');
    if (b.availability_zone) throw validation('Invalid availability zone.');
    const provider = (b.provider as string | undefined) ?? PROVIDER;
    if (provider !== PROVIDER) throw fault(400, `Provider '${provider}' is not enabled.`);
    const lb = withRollback(deps, () => {
      checkQuota(deps, projectId, 'load_balancer');
      const created: LoadBalancer = {
        id: uuid(), project_id: projectId, provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE',
        admin_state_up: (b.admin_state_up as boolean | null) ?? true, created_at: now(core), updated_at: null, tags: (b.tags as string[] | null) ?? [],
        name: (b.name as string | null) ?? '', description: (b.description as string | null) ?? '', vip_address: '', vip_port_id: '', vip_subnet_id: '',
        vip_network_id: '', vip_qos_policy_id: null, additional_vips: [], provider, flavor_id: null, availability_zone: null, _vip_owned: false,
      };
      s.loadbalancers[created.id] = created;
      const listeners = (b.listeners as Body[] | null) ?? [];
      const pools = (b.pools as Body[] | null) ?? [];
      if (listeners.length || pools.length) createGraph(deps, created, listeners, pools);
      allocateVip(core, created, plan);
      return created;
    });
    newAmphora(core, s, lb);
    beginWork(core, lb, 'PENDING_CREATE', WORK_SECONDS.create);
    return { status: 201, body: { loadbalancer: renderLoadBalancer(view(deps), lb, true) } };
  });

  at('PUT', `${base}/{id}`, async (ctx, auth) => {
    const b = await readRoot(ctx, 'load_balancer', 'loadbalancer', LOADBALANCER_PUT);
    const lb = lbs.lookup(ctx.params.id, auth, 'write');
    if (b.vip_qos_policy_id) throw validation('VIP QoS policy is not allowed in this deployment.');
    requireLbState(lb, ['ACTIVE']);
    if ('name' in b) lb.name = (b.name as string | null) ?? '';
    if ('description' in b) lb.description = (b.description as string | null) ?? '';
    if (typeof b.admin_state_up === 'boolean') lb.admin_state_up = b.admin_state_up;
    if ('tags' in b) lb.tags = (b.tags as string[] | null) ?? [];
    beginWork(core, lb, 'PENDING_UPDATE', WORK_SECONDS.change);
    return lbs.reply(200, lb);
  });

  at('DELETE', `${base}/{id}`, (ctx, auth) => {
    const lb = lbs.lookup(ctx.params.id, auth, 'write');
    const cascade = TRUE.includes((ctx.query.get('cascade') ?? '').toLowerCase());
    if ((listenersOf(s, lb.id).length || poolsOf(s, lb.id).length) && !cascade) throw validation(`Cannot delete Load Balancer ${lb.id} - it has children`);
    requireLbState(lb, ['ACTIVE', 'ERROR']);
    beginWork(core, lb, 'PENDING_DELETE', WORK_SECONDS.delete);
    return { status: 204 };
  });

  // "statuses" is the neutron-lbaas spelling Octavia still routes.
  for (const tree of ['status', 'statuses']) {
    at('GET', `${base}/{id}/${tree}`, (ctx, auth) => {
      const lb = lbs.lookup(ctx.params.id, auth, 'read');
      return { status: 200, body: renderStatusTree(view(deps), lb) };
    });
  }

  at('GET', `${base}/{id}/stats`, (ctx, auth) => {
    lbs.lookup(ctx.params.id, auth, 'read');
    return { status: 200, body: { stats: ZERO_STATS } };
  });

  at('PUT', `${base}/{id}/failover`, (ctx, auth) => {
    const lb = lbs.lookup(ctx.params.id, auth, 'admin');
    requireLbState(lb, ['ACTIVE', 'ERROR']);
    const amp = Object.values(s.amphorae).find((a) => a.loadbalancer_id === lb.id);
    if (amp) Object.assign(amp, { status: 'PENDING_DELETE', updated_at: now(core) });
    beginWork(core, lb, 'PENDING_UPDATE', WORK_SECONDS.failover, amp?.id);
    return { status: 202 };
  });
}
