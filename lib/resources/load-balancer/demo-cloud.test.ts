// The dashboard's calls against the demo cloud: the create form's steps, each sent once the load balancer is ACTIVE
// again (a step sent while it is PENDING_* is the 409 the order of waits avoids), all reach ACTIVE,
// the status tree, the pools filter and the cascade summary read what the definitions parse, and the delete with
// cascade removes it all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '@/lib/demo-cloud/server';
import { call, login, startTestCloud } from '@/lib/demo-cloud/test-helpers';
import { parseItem, parseList } from '../schema';
import { LB_CREATE_DEFAULTS, LbCreateSchema, lbCreatePlan, type LbMadeIds } from './create';
import { l7PolicyCreateRequest, l7RuleCreateRequest } from './l7';
import { LoadBalancerSchema, PoolSchema } from './octavia';
import { buildStatusTree, dependentsOf, StatusTreeSchema } from './tree';

describe('load balancers on the demo cloud', () => {
  let cloud: DemoCloud;
  let token: string;
  beforeAll(async () => {
    cloud = await startTestCloud({ speed: 100 });
    token = await login(cloud, 'demo', 'demo');
  }, 30_000);
  afterAll(() => cloud?.close());

  const lb = (method: string, path: string, body?: unknown) => call(cloud, method, `/load-balancer/${path}`, { token, body });
  /** Until the load balancer is ACTIVE again (each change passes through PENDING_*). */
  const settled = (id: string) =>
    expect.poll(async () => parseItem(LoadBalancerSchema, (await lb('GET', `v2/lbaas/loadbalancers/${id}`)).body, 'loadbalancer', 'get').provisioning_status, { timeout: 20_000 }).toBe('ACTIVE');

  it('creates a load balancer, then its listener, pool, members and monitor one at a time, and deletes it with cascade', async () => {
    const subnets = (await call(cloud, 'GET', '/network/v2.0/subnets?name=private-subnet', { token })).body as { subnets: { id: string }[] };
    const subnet = subnets.subnets[0].id;
    const input = LbCreateSchema.parse({
      ...LB_CREATE_DEFAULTS, name: 'unit-lb', vipSubnetId: subnet, persistence: 'HTTP_COOKIE',
      members: [{ target: `${subnet}|10.0.0.50`, name: 'a', port: '80', weight: '1' }, { target: `${subnet}|10.0.0.51`, name: 'b', port: '80', weight: '2' }],
    });
    const plan = lbCreatePlan(input);
    const ids: LbMadeIds = {};
    for (const [n, step] of plan.entries()) {
      const req = step.request(ids as Required<LbMadeIds>);
      const answer = await lb(req.method, req.path, req.body);
      expect(answer.status, `${step.id}: ${JSON.stringify(answer.body)}`).toBe(step.id === 'members' ? 202 : 201);
      if (step.made) ids[step.made] = (answer.body as Record<string, { id: string }>)[step.made].id;
      if (n === 0) expect(parseItem(LoadBalancerSchema, answer.body, 'loadbalancer', 'create').provisioning_status).toBe('PENDING_CREATE');
      if (n === 1) {
        // The next step before the wait: refused while the load balancer is PENDING_UPDATE.
        const early = plan[2].request(ids as Required<LbMadeIds>);
        const refused = await lb(early.method, early.path, early.body);
        expect(refused.status).toBe(409);
        expect(JSON.stringify(refused.body)).toMatch(/is immutable and cannot be updated/);
      }
      await settled(ids.loadbalancer!);
    }
    const row = { id: ids.loadbalancer! };
    const tree = buildStatusTree(StatusTreeSchema.parse((await lb('GET', `v2/lbaas/loadbalancers/${row.id}/status`)).body));
    const pool = tree.children[0].children[0];
    expect(pool.children.map((c) => c.kind).sort()).toEqual(['member', 'member', 'monitor']);
    expect(JSON.stringify(tree)).not.toContain('PENDING_');

    const pools = parseList(PoolSchema, (await lb('GET', `v2/lbaas/pools?loadbalancer_id=${row.id}`)).body, 'pools', 'pools');
    const full = parseItem(LoadBalancerSchema, (await lb('GET', `v2/lbaas/loadbalancers/${row.id}`)).body, 'loadbalancer', 'get');
    expect(dependentsOf(full.listeners.length, pools)).toEqual({ listeners: 1, pools: 1, members: 2, monitors: 1 });

    // An L7 policy and rule on the listener, as the L7 tab sends them; the load balancer settles again.
    const listenerId = full.listeners[0].id;
    const policyReq = l7PolicyCreateRequest(listenerId, { name: 'api', action: 'REDIRECT_TO_POOL', position: '', poolId: pools[0].id, url: '' });
    const policy = await lb(policyReq.method, policyReq.path, policyReq.body);
    expect(policy.status, JSON.stringify(policy.body)).toBe(201);
    const policyId = (policy.body as { l7policy: { id: string } }).l7policy.id;
    // While the load balancer is PENDING_UPDATE, the rule is refused with the 409 the dashboard explains.
    const early = l7RuleCreateRequest(policyId, { type: 'PATH', compareType: 'STARTS_WITH', key: '', value: '/api', invert: false });
    const refused = await lb(early.method, early.path, early.body);
    if (refused.status === 409) expect(JSON.stringify(refused.body)).toMatch(/is immutable and cannot be updated/);
    await settled(row.id);
    if (refused.status === 409) expect((await lb(early.method, early.path, early.body)).status).toBe(201);
    else expect(refused.status).toBe(201);
    await settled(row.id);

    expect((await lb('DELETE', `v2/lbaas/loadbalancers/${row.id}`)).status).toBe(400);
    expect((await lb('DELETE', `v2/lbaas/loadbalancers/${row.id}?cascade=true`)).status).toBe(204);
    await expect.poll(async () => (await lb('GET', `v2/lbaas/loadbalancers/${row.id}`)).status, { timeout: 20_000 }).toBe(404);
  });
});
