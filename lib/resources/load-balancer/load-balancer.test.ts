import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { explainFailure } from '../explain';
import { LbCreateSchema, LB_CREATE_DEFAULTS, lbCreateCli, lbCreatePlan, MonitorCreateSchema, type LbFormValues } from './create';
import { madeAndMissing } from './create-run';
import { memberCreateRequest, monitorCreateRequest, poolCreateRequest } from './children';
import { L7PolicyCreateSchema, l7PolicyCreateRequest, L7RuleCreateSchema, l7RuleCreateRequest } from './l7';
import { loadBalancerDefinition } from './load-balancer';
import { objectStatus, operatingStatus, provisioningStatus } from './octavia';
import { buildStatusTree, stuckBelow, dependentsOf, dependentsText, memberTargets, reachableFromVip, routedSubnets, StatusTreeSchema } from './tree';

const form = (over: Partial<LbFormValues> = {}): LbFormValues => ({
  ...LB_CREATE_DEFAULTS,
  name: 'web',
  vipSubnetId: 'sub-a',
  members: [
    { target: 'sub-a|10.0.0.5', name: 'web-1', port: '8080', weight: '1' },
    { target: 'sub-b|10.1.0.7', name: 'web-2', port: '8080', weight: '3' },
  ],
  ...over,
});

describe('the create plan', () => {
  const ids = { loadbalancer: 'lb-1', listener: 'li-1', pool: 'po-1' };
  const requests = (v: LbFormValues) => lbCreatePlan(LbCreateSchema.parse(v)).map((s) => [s.id, s.request(ids)] as const);

  it('creates the load balancer alone, then the listener, its default pool, the members in one batch and the monitor', () => {
    expect(requests(form())).toEqual([
      ['loadbalancer', { method: 'POST', path: 'v2/lbaas/loadbalancers', body: { loadbalancer: { vip_subnet_id: 'sub-a', name: 'web' } } }],
      ['listener', { method: 'POST', path: 'v2/lbaas/listeners', body: { listener: { name: 'web-http-80', loadbalancer_id: 'lb-1', protocol: 'HTTP', protocol_port: 80 } } }],
      ['pool', { method: 'POST', path: 'v2/lbaas/pools', body: { pool: { name: 'web-http-80-pool', listener_id: 'li-1', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN' } } }],
      ['members', {
        method: 'PUT', path: 'v2/lbaas/pools/po-1/members',
        body: { members: [
          { name: 'web-1', address: '10.0.0.5', protocol_port: 8080, subnet_id: 'sub-a', weight: 1 },
          { name: 'web-2', address: '10.1.0.7', protocol_port: 8080, subnet_id: 'sub-b', weight: 3 },
        ] },
      }],
      ['monitor', { method: 'POST', path: 'v2/lbaas/healthmonitors', body: { healthmonitor: { pool_id: 'po-1', type: 'HTTP', delay: 5, timeout: 3, max_retries: 3, url_path: '/', http_method: 'GET', expected_codes: '200' } } }],
    ]);
    // The steps that make an object name its wrapper, so the later ones can use its id.
    expect(lbCreatePlan(LbCreateSchema.parse(form())).map((s) => s.made)).toEqual(['loadbalancer', 'listener', 'pool', undefined, undefined]);
  });

  it('leaves out the steps not asked for, and decrypts TERMINATED_HTTPS to an HTTP pool', () => {
    expect(requests(form({ withListener: false })).map(([id]) => id)).toEqual(['loadbalancer']);
    expect(requests(form({ withPool: false })).map(([id]) => id)).toEqual(['loadbalancer', 'listener']);
    expect(requests(form({ members: [], withMonitor: false })).map(([id]) => id)).toEqual(['loadbalancer', 'listener', 'pool']);
    expect(requests(form({ members: [] })).map(([id]) => id)).toEqual(['loadbalancer', 'listener', 'pool', 'monitor']);
    const tls = requests(form({ protocol: 'TERMINATED_HTTPS', port: '443', tlsContainer: 'https://kms/v1/containers/c1', withMonitor: false, persistence: 'APP_COOKIE', cookieName: 'sid', members: [] }));
    expect((tls[1][1].body as { listener: Record<string, unknown> }).listener.default_tls_container_ref).toBe('https://kms/v1/containers/c1');
    expect(tls[2][1].body).toEqual({ pool: { name: 'web-terminated_https-443-pool', listener_id: 'li-1', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', session_persistence: { type: 'APP_COOKIE', cookie_name: 'sid' } } });
    // A TCP monitor has no path.
    expect(requests(form({ monitorType: 'TCP', members: [] }))[3][1].body).toEqual({ healthmonitor: { pool_id: 'po-1', type: 'TCP', delay: 5, timeout: 3, max_retries: 3 } });
  });

  it('after a failure, names what exists (including an object whose wait failed) and what was not made', () => {
    const run = { id: 'r', name: 'web', ids: { loadbalancer: 'lb-1' }, finished: true, steps: [
      { id: 'loadbalancer' as const, state: 'done' as const, created: true },
      { id: 'listener' as const, state: 'failed' as const, created: true },
      { id: 'pool' as const, state: 'waiting' as const },
      { id: 'members' as const, state: 'waiting' as const },
    ] };
    expect(madeAndMissing(run)).toEqual({ made: ['loadbalancer', 'listener'], missing: ['pool', 'members'] });
    expect(madeAndMissing({ ...run, steps: [{ id: 'loadbalancer', state: 'failed' }] })).toEqual({ made: [], missing: ['loadbalancer'] });
  });

  it('refuses bad input with the field it concerns', () => {
    const issues = (v: LbFormValues) => LbCreateSchema.safeParse(v).error?.issues.map((i) => [i.path.join('.'), en(i.message)]) ?? [];
    expect(issues(form({ vipSubnetId: '' }))).toEqual([['vipSubnetId', 'Choose the subnet of the virtual IP.']]);
    expect(issues(form({ port: '70000' }))).toEqual([['port', 'A port from 1 to 65535.']]);
    expect(issues(form({ protocol: 'TERMINATED_HTTPS' }))).toEqual([['tlsContainer', 'A TERMINATED_HTTPS listener needs a certificate container.']]);
    expect(issues(form({ timeout: '9', delay: '5' }))).toEqual([['timeout', 'The timeout must not be longer than the delay.']]);
    expect(issues(form({ urlPath: 'health' }))).toEqual([['urlPath', 'A path starting with /.']]);
    expect(issues(form({ members: [{ target: '', name: '', port: '0', weight: '300' }] })).map(([p]) => p)).toEqual(['members.0.target', 'members.0.port', 'members.0.weight']);
    // Without a listener nothing below it is checked.
    expect(issues(form({ withListener: false, port: 'x', urlPath: 'x' }))).toEqual([]);
  });

  it('says the same as CLI commands, one per object', () => {
    const lines = lbCreateCli(form());
    expect(lines[0]).toBe('openstack loadbalancer create --name web --vip-subnet-id sub-a --wait');
    expect(lines[2]).toBe('openstack loadbalancer pool create --name web-http-80-pool --listener web-http-80 --protocol HTTP --lb-algorithm ROUND_ROBIN --wait');
    expect(lines[3]).toBe('openstack loadbalancer member create --name web-1 --address 10.0.0.5 --subnet-id sub-a --protocol-port 8080 --weight 1 --wait web-http-80-pool');
    expect(lines.at(-1)).toBe("openstack loadbalancer healthmonitor create --type HTTP --delay 5 --timeout 3 --max-retries 3 --url-path / --wait web-http-80-pool");
  });
});

describe('children', () => {
  it('puts a pool on its listener, else on the load balancer; members with their subnet and backup flag', () => {
    expect(poolCreateRequest('lb1', { name: '', protocol: 'TCP', algorithm: 'SOURCE_IP', persistence: '', listenerId: 'l1' }).body).toEqual({ pool: { listener_id: 'l1', protocol: 'TCP', lb_algorithm: 'SOURCE_IP' } });
    expect(poolCreateRequest('lb1', { name: 'p', protocol: 'HTTP', algorithm: 'ROUND_ROBIN', persistence: 'HTTP_COOKIE', listenerId: '' }).body).toEqual({ pool: { loadbalancer_id: 'lb1', name: 'p', protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', session_persistence: { type: 'HTTP_COOKIE' } } });
    expect(memberCreateRequest('p1', { name: '', address: '10.0.0.9', port: '80', subnetId: 's', weight: '0', backup: true, monitorAddress: '10.0.0.10' })).toEqual({
      method: 'POST', path: 'v2/lbaas/pools/p1/members', body: { member: { address: '10.0.0.9', protocol_port: 80, weight: 0, backup: true, subnet_id: 's', monitor_address: '10.0.0.10' } },
    });
  });
});

describe('statuses', () => {
  it('polls every PENDING_* and never shows an enabled OFFLINE as an error', () => {
    for (const p of ['PENDING_CREATE', 'PENDING_UPDATE', 'PENDING_DELETE']) expect(provisioningStatus(p).tone).toBe('busy');
    expect(provisioningStatus('ERROR').tone).toBe('error');
    expect(en(operatingStatus('OFFLINE').label)).toBe('No health data yet');
    expect(operatingStatus('OFFLINE').tone).toBe('unknown');
    expect(en(operatingStatus('OFFLINE', false).label)).toBe('Disabled');
    expect(en(operatingStatus('NO_MONITOR').label)).toBe('Not monitored');
    expect(operatingStatus('DEGRADED').tone).toBe('error');
    // The real test cloud's load balancer: ACTIVE and OFFLINE forever.
    expect(objectStatus({ provisioning_status: 'ACTIVE', operating_status: 'OFFLINE' })).toMatchObject({ tone: 'unknown' });
    expect(objectStatus({ provisioning_status: 'PENDING_UPDATE', operating_status: 'ONLINE' })).toMatchObject({ label: 'PENDING_UPDATE', tone: 'busy' });
    expect(loadBalancerDefinition.status!({ id: 'x', provisioning_status: 'PENDING_CREATE', operating_status: 'OFFLINE', listeners: [], pools: [] }).tone).toBe('busy');
  });

  it('explains Octavia refusals while pending', () => {
    expect(en(explainFailure('Invalid state PENDING_UPDATE of loadbalancer resource 89e6')?.summary)).toMatch(/still applying an earlier change/);
    expect(en(explainFailure('Load Balancer 89e6 is immutable and cannot be updated.')?.next)).toMatch(/ACTIVE again/);
    expect(en(explainFailure('Validation failure: Cannot delete Load Balancer 89e6 - it has children')?.next)).toMatch(/cascade/);
  });
});

describe('delete with cascade', () => {
  it('counts what goes along, and says nothing for an empty load balancer', () => {
    const d = dependentsOf(2, [{ members: [{ id: 'm1' }, { id: 'm2' }], healthmonitor_id: 'h' }, { members: [], healthmonitor_id: null }]);
    expect(d).toEqual({ listeners: 2, pools: 2, members: 2, monitors: 1 });
    expect(dependentsText('web', d).map(en)).toEqual(['web takes along 2 listeners, 2 pools, 2 members and 1 health monitor.']);
    expect(dependentsText('web', dependentsOf(0, []))).toEqual([]);
    const del = loadBalancerDefinition.actions!.find((a) => a.id === 'delete')!;
    expect(del.request({ id: 'lb1', provisioning_status: 'ACTIVE', operating_status: 'OFFLINE', listeners: [], pools: [] })).toEqual({ method: 'DELETE', path: 'v2/lbaas/loadbalancers/lb1?cascade=true' });
    expect(del.allowed({ id: 'lb1', provisioning_status: 'PENDING_UPDATE', operating_status: 'OFFLINE', listeners: [], pools: [] }, { isAdmin: true })).toBe(false);
    const failover = loadBalancerDefinition.actions!.find((a) => a.id === 'failover')!;
    expect(failover.allowed({ id: 'lb1', provisioning_status: 'ACTIVE', operating_status: 'OFFLINE', listeners: [], pools: [] }, { isAdmin: false })).toBe(false);
  });
});

describe('the status tree', () => {
  it('nests listeners, pools, the monitor and members, each with its two statuses', () => {
    const body = StatusTreeSchema.parse({
      statuses: {
        loadbalancer: {
          id: 'lb', name: 'web', provisioning_status: 'ACTIVE', operating_status: 'OFFLINE',
          listeners: [{ id: 'l1', name: 'http', provisioning_status: 'ACTIVE', operating_status: 'ONLINE', pools: [{
            id: 'p1', name: '', provisioning_status: 'PENDING_UPDATE', operating_status: 'DEGRADED',
            health_monitor: { id: 'h1', name: '', type: 'HTTP', provisioning_status: 'ACTIVE', operating_status: 'ONLINE' },
            members: [{ id: 'm1', name: '', provisioning_status: 'ACTIVE', operating_status: 'NO_MONITOR', address: '10.0.0.5', protocol_port: 80 }],
          }] }],
        },
      },
    });
    const tree = buildStatusTree(body);
    expect(tree.label).toBe('web');
    const pool = tree.children[0].children[0];
    expect(pool.label).toBe('p1');
    expect(pool.provisioning.tone).toBe('busy');
    expect(pool.health.tone).toBe('error');
    expect(pool.children.map((c) => [c.kind, c.label])).toEqual([['monitor', 'HTTP'], ['member', '10.0.0.5:80']]);
    expect(en(tree.health.label)).toBe('No health data yet');
    // An ACTIVE load balancer over a pending pool: the provider never reported it back (the real test cloud after a
    // one-call create); a pending load balancer is just busy.
    expect(stuckBelow(tree)).toBe(1);
    expect(stuckBelow({ ...tree, provisioning: { label: 'PENDING_UPDATE', tone: 'busy' } })).toBe(0);
  });
});

describe('VIP subnets and members', () => {
  const ports = [
    { id: 'if-a', device_id: 'r1', device_owner: 'network:router_interface', fixed_ips: [{ subnet_id: 'sub-a', ip_address: '10.0.0.1' }] },
    { id: 'if-b', device_id: 'r1', device_owner: 'network:router_interface', fixed_ips: [{ subnet_id: 'sub-b', ip_address: '10.1.0.1' }] },
    { id: 'web1', device_id: 's1', device_owner: 'compute:nova', fixed_ips: [{ subnet_id: 'sub-a', ip_address: '10.0.0.5' }] },
    { id: 'web2', device_id: 's2', device_owner: 'compute:nova', fixed_ips: [{ subnet_id: 'sub-b', ip_address: '10.1.0.7' }, { subnet_id: 'sub-b6', ip_address: 'fd00::7' }] },
    { id: 'lone', device_id: 's3', device_owner: 'compute:nova', fixed_ips: [{ subnet_id: 'sub-c', ip_address: '192.168.9.9' }] },
  ];
  it('offers the subnets with a router, and members on the subnets the VIP reaches through it', () => {
    expect([...routedSubnets(ports)].sort()).toEqual(['sub-a', 'sub-b']);
    expect([...reachableFromVip(ports, 'sub-a')].sort()).toEqual(['sub-a', 'sub-b']);
    expect([...reachableFromVip(ports, 'sub-c')]).toEqual(['sub-c']);
    expect(memberTargets(ports, reachableFromVip(ports, 'sub-a'), { s1: 'web-1', s2: 'web-2' }).map((t) => t.value)).toEqual(['sub-a|10.0.0.5', 'sub-b|10.1.0.7']);
  });
});

describe('L7 policies and rules', () => {
  it('sends the target the action needs, and refuses an action without one', () => {
    expect(l7PolicyCreateRequest('l1', L7PolicyCreateSchema.parse({ name: '', action: 'REDIRECT_TO_URL', position: '1', poolId: 'p1', url: 'https://example.org' })).body).toEqual({
      l7policy: { listener_id: 'l1', action: 'REDIRECT_TO_URL', position: 1, redirect_url: 'https://example.org' },
    });
    expect(l7PolicyCreateRequest('l1', L7PolicyCreateSchema.parse({ name: 'api', action: 'REDIRECT_TO_POOL', position: '', poolId: 'p1', url: '' })).body).toEqual({ l7policy: { listener_id: 'l1', action: 'REDIRECT_TO_POOL', name: 'api', redirect_pool_id: 'p1' } });
    expect(L7PolicyCreateSchema.safeParse({ name: '', action: 'REDIRECT_TO_POOL', position: '', poolId: '', url: '' }).error?.issues.map((i) => en(i.message))).toEqual(['REDIRECT_TO_POOL needs a pool.']);
    expect(l7RuleCreateRequest('pol', L7RuleCreateSchema.parse({ type: 'HEADER', compareType: 'EQUAL_TO', key: 'X-Env', value: 'prod', invert: true })).body).toEqual({ rule: { type: 'HEADER', compare_type: 'EQUAL_TO', value: 'prod', key: 'X-Env', invert: true } });
    expect(L7RuleCreateSchema.safeParse({ type: 'COOKIE', compareType: 'EQUAL_TO', key: '', value: 'x', invert: false }).error?.issues[0].path).toEqual(['key']);
  });

  it('a health monitor goes on its pool, with its path only for HTTP(S)', () => {
    expect(monitorCreateRequest('p1', MonitorCreateSchema.parse({ type: 'TCP', delay: '10', timeout: '5', maxRetries: '2', urlPath: '/x' })).body).toEqual({ healthmonitor: { pool_id: 'p1', type: 'TCP', delay: 10, timeout: 5, max_retries: 2 } });
  });
});
