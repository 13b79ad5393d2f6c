import type { Call, Scenario, Vars } from '../types';

// The Octavia calls Stratus and the CLI make: a load balancer on the private subnet, a listener, a pool, a
// member and a health monitor, each waited to ACTIVE; the status tree, quotas, providers, an L7 policy and
// rule, the 409 while the load balancer is PENDING_UPDATE (an admin failover), errors, and a cascade delete.
// Left out as the real test cloud cannot answer them as production does: a VIP on an unknown subnet (its noop
// network driver accepts any subnet id) and a 409 right after a listener create (its worker may already be done).
const P = `fid-lb-${process.pid}`;
const LB = 'v2/lbaas';
type One = Record<string, { id: string; provisioning_status?: string; project_id?: string }>;

const c = (call: Omit<Call, 'service'>): Call => ({ service: 'load-balancer', ...call });
/** The id of the object a create answered (`{<key>: {id}}`) stored as `v[name]`. */
const keep = (key: string, name = key) => (b: unknown, _h: Headers, v: Vars) => (v[name] = (b as One)[key].id);
const active = (key: string) => (b: unknown) => (b as One)[key]?.provisioning_status === 'ACTIVE';
/** The load balancer shown until ACTIVE: every change under it locks it (PENDING_UPDATE) until the worker is done. */
const settled = (name: string): Call => c({ name, path: (v) => `${LB}/loadbalancers/${v.lb}`, until: active('loadbalancer') });

export const loadBalancer: Scenario = {
  name: 'load-balancer',
  service: 'load-balancer',
  calls: [
    c({ name: 'version document', path: '' }),
    { name: 'private subnet', service: 'network', path: 'v2.0/subnets?name=private-subnet', capture: (b, _h, v) => (v.subnet = (b as { subnets: Array<{ id: string }> }).subnets[0].id) },
    c({ name: 'load balancer list', path: `${LB}/loadbalancers` }),
    c({ name: 'provider list', path: `${LB}/providers` }),
    c({ name: 'provider flavor capabilities', path: `${LB}/providers/amphora/flavor_capabilities` }),
    c({ name: 'flavor list', path: `${LB}/flavors` }),
    c({ name: 'availability zone list', path: `${LB}/availabilityzones` }),
    c({ name: 'load balancer create, no VIP', method: 'POST', path: `${LB}/loadbalancers`, body: { loadbalancer: { name: `${P}-x` } } }),
    c({ name: 'load balancer create, malformed JSON', method: 'POST', path: `${LB}/loadbalancers`, rawBody: '{"loadbalancer": ' }),
    c({ name: 'load balancer create, unknown field', method: 'POST', path: `${LB}/loadbalancers`, body: (v: Vars) => ({ loadbalancer: { vip_subnet_id: v.subnet, bogus: 1 } }) }),
    c({
      name: 'load balancer create', method: 'POST', path: `${LB}/loadbalancers`,
      body: (v: Vars) => ({ loadbalancer: { name: `${P}-lb`, description: 'fidelity', vip_subnet_id: v.subnet, tags: ['fidelity'] } }),
      capture: (b, _h, v) => ((v.lb = (b as One).loadbalancer.id), (v.project = String((b as One).loadbalancer.project_id))),
    }),
    c({ name: 'load balancer update while PENDING_CREATE (409)', method: 'PUT', path: (v) => `${LB}/loadbalancers/${v.lb}`, body: { loadbalancer: { description: 'x' } } }),
    settled('load balancer show until ACTIVE'),
    c({ name: 'load balancer show, unknown', path: `${LB}/loadbalancers/00000000-0000-0000-0000-000000000000` }),
    c({ name: 'load balancer show, fields', path: (v) => `${LB}/loadbalancers/${v.lb}?fields=id&fields=name` }),
    c({ name: 'load balancer list by name', path: `${LB}/loadbalancers?name=${P}-lb` }),
    c({ name: 'load balancer list, limit 1', path: `${LB}/loadbalancers?limit=1` }),
    c({ name: 'load balancer list, bad filter', path: `${LB}/loadbalancers?bogus=1` }),
    c({ name: 'load balancer list (admin)', as: 'admin', path: `${LB}/loadbalancers` }),
    c({ name: 'load balancer stats', path: (v) => `${LB}/loadbalancers/${v.lb}/stats` }),
    c({ name: 'load balancer update', method: 'PUT', path: (v) => `${LB}/loadbalancers/${v.lb}`, body: { loadbalancer: { description: 'fidelity, updated' } } }),
    settled('load balancer ACTIVE after the update'),

    c({ name: 'listener create, bad protocol', method: 'POST', path: `${LB}/listeners`, body: (v: Vars) => ({ listener: { loadbalancer_id: v.lb, protocol: 'FTP', protocol_port: 21 } }) }),
    c({ name: 'listener create', method: 'POST', path: `${LB}/listeners`, body: (v: Vars) => ({ listener: { name: `${P}-l`, loadbalancer_id: v.lb, protocol: 'HTTP', protocol_port: 80 } }), capture: keep('listener') }),
    settled('load balancer ACTIVE after the listener'),
    c({ name: 'listener show until ACTIVE', path: (v) => `${LB}/listeners/${v.listener}`, until: active('listener') }),
    c({ name: 'listener create, same port (409)', method: 'POST', path: `${LB}/listeners`, body: (v: Vars) => ({ listener: { loadbalancer_id: v.lb, protocol: 'TCP', protocol_port: 80 } }) }),
    c({ name: 'listener list', path: `${LB}/listeners` }),
    c({ name: 'listener list by load balancer', path: (v) => `${LB}/listeners?loadbalancer_id=${v.lb}` }),
    c({ name: 'listener stats', path: (v) => `${LB}/listeners/${v.listener}/stats` }),
    c({ name: 'listener update', method: 'PUT', path: (v) => `${LB}/listeners/${v.listener}`, body: { listener: { connection_limit: 100, insert_headers: { 'X-Forwarded-For': 'true' } } } }),
    settled('load balancer ACTIVE after the listener update'),

    c({ name: 'pool create, bad algorithm', method: 'POST', path: `${LB}/pools`, body: (v: Vars) => ({ pool: { listener_id: v.listener, protocol: 'HTTP', lb_algorithm: 'FASTEST' } }) }),
    c({
      name: 'pool create', method: 'POST', path: `${LB}/pools`,
      body: (v: Vars) => ({ pool: { name: `${P}-p`, listener_id: v.listener, protocol: 'HTTP', lb_algorithm: 'ROUND_ROBIN', session_persistence: { type: 'HTTP_COOKIE' } } }),
      capture: keep('pool'),
    }),
    settled('load balancer ACTIVE after the pool'),
    c({ name: 'pool show until ACTIVE', path: (v) => `${LB}/pools/${v.pool}`, until: active('pool') }),
    c({ name: 'pool list', path: `${LB}/pools` }),

    c({ name: 'member create, reserved address', method: 'POST', path: (v) => `${LB}/pools/${v.pool}/members`, body: { member: { address: '169.254.169.254', protocol_port: 80 } } }),
    c({ name: 'member create', method: 'POST', path: (v) => `${LB}/pools/${v.pool}/members`, body: (v: Vars) => ({ member: { name: `${P}-m`, address: '10.0.0.50', protocol_port: 80, subnet_id: v.subnet, weight: 2 } }), capture: keep('member') }),
    settled('load balancer ACTIVE after the member'),
    c({ name: 'member show until ACTIVE', path: (v) => `${LB}/pools/${v.pool}/members/${v.member}`, until: active('member') }),
    c({ name: 'member create, duplicate (409)', method: 'POST', path: (v) => `${LB}/pools/${v.pool}/members`, body: { member: { address: '10.0.0.50', protocol_port: 80 } } }),
    c({ name: 'member list', path: (v) => `${LB}/pools/${v.pool}/members` }),
    c({ name: 'member list, unknown pool', path: `${LB}/pools/00000000-0000-0000-0000-000000000000/members` }),
    c({ name: 'member update', method: 'PUT', path: (v) => `${LB}/pools/${v.pool}/members/${v.member}`, body: { member: { weight: 5, backup: true } } }),
    settled('load balancer ACTIVE after the member update'),
    c({ name: 'member batch update (add one, keep one)', method: 'PUT', path: (v) => `${LB}/pools/${v.pool}/members`, body: { members: [{ address: '10.0.0.50', protocol_port: 80 }, { address: '10.0.0.51', protocol_port: 80 }] } }),
    settled('load balancer ACTIVE after the batch update'),

    c({ name: 'health monitor create, PING with url_path', method: 'POST', path: `${LB}/healthmonitors`, body: (v: Vars) => ({ healthmonitor: { pool_id: v.pool, type: 'PING', delay: 5, timeout: 3, max_retries: 3, url_path: '/x' } }) }),
    c({
      name: 'health monitor create', method: 'POST', path: `${LB}/healthmonitors`,
      body: (v: Vars) => ({ healthmonitor: { name: `${P}-hm`, pool_id: v.pool, type: 'HTTP', delay: 5, timeout: 3, max_retries: 3 } }),
      capture: keep('healthmonitor'),
    }),
    settled('load balancer ACTIVE after the health monitor'),
    c({ name: 'health monitor show until ACTIVE', path: (v) => `${LB}/healthmonitors/${v.healthmonitor}`, until: active('healthmonitor') }),
    c({ name: 'health monitor create, second on the pool (409)', method: 'POST', path: `${LB}/healthmonitors`, body: (v: Vars) => ({ healthmonitor: { pool_id: v.pool, type: 'TCP', delay: 5, timeout: 3, max_retries: 3 } }) }),
    c({ name: 'health monitor list', path: `${LB}/healthmonitors` }),
    c({ name: 'health monitor update', method: 'PUT', path: (v) => `${LB}/healthmonitors/${v.healthmonitor}`, body: { healthmonitor: { url_path: '/health', expected_codes: '200-204' } } }),
    settled('load balancer ACTIVE after the health monitor update'),

    c({ name: 'L7 policy create', method: 'POST', path: `${LB}/l7policies`, body: (v: Vars) => ({ l7policy: { name: `${P}-l7`, listener_id: v.listener, action: 'REJECT' } }), capture: keep('l7policy') }),
    settled('load balancer ACTIVE after the L7 policy'),
    c({ name: 'L7 rule create', method: 'POST', path: (v) => `${LB}/l7policies/${v.l7policy}/rules`, body: { rule: { type: 'PATH', compare_type: 'STARTS_WITH', value: '/admin' } }, capture: keep('rule') }),
    settled('load balancer ACTIVE after the L7 rule'),
    c({ name: 'L7 rule create, bad regex', method: 'POST', path: (v) => `${LB}/l7policies/${v.l7policy}/rules`, body: { rule: { type: 'PATH', compare_type: 'REGEX', value: '[' } } }),
    c({ name: 'L7 policy show', path: (v) => `${LB}/l7policies/${v.l7policy}` }),
    c({ name: 'L7 policy list', path: `${LB}/l7policies` }),
    c({ name: 'L7 rule list', path: (v) => `${LB}/l7policies/${v.l7policy}/rules` }),
    c({ name: 'L7 rule show', path: (v) => `${LB}/l7policies/${v.l7policy}/rules/${v.rule}` }),

    c({ name: 'status tree', path: (v) => `${LB}/loadbalancers/${v.lb}/status` }),
    c({ name: 'failover as member (403)', method: 'PUT', path: (v) => `${LB}/loadbalancers/${v.lb}/failover` }),
    c({ name: 'failover (admin)', as: 'admin', method: 'PUT', path: (v) => `${LB}/loadbalancers/${v.lb}/failover` }),
    c({ name: 'load balancer update during the failover (409)', method: 'PUT', path: (v) => `${LB}/loadbalancers/${v.lb}`, body: { loadbalancer: { description: 'fidelity, during failover' } } }),
    settled('load balancer ACTIVE after the failover'),
    c({ name: 'amphora list (admin)', as: 'admin', path: (v) => `v2/octavia/amphorae?loadbalancer_id=${v.lb}` }),

    c({ name: 'quota show', path: (v) => `${LB}/quotas/${v.project}` }),
    c({ name: 'quota defaults', path: (v) => `${LB}/quotas/${v.project}/default` }),
    c({ name: 'quota list', path: `${LB}/quotas` }),
    c({ name: 'quota update as member (403)', method: 'PUT', path: (v) => `${LB}/quotas/${v.project}`, body: { quota: { listener: 10 } } }),

    c({ name: 'L7 policy delete', method: 'DELETE', path: (v) => `${LB}/l7policies/${v.l7policy}` }),
    settled('load balancer ACTIVE after the L7 policy delete'),
    c({ name: 'load balancer delete with children (400)', method: 'DELETE', path: (v) => `${LB}/loadbalancers/${v.lb}` }),
    c({ name: 'load balancer delete, cascade', method: 'DELETE', path: (v) => `${LB}/loadbalancers/${v.lb}?cascade=true` }),
    c({ name: 'load balancer show until gone', path: (v) => `${LB}/loadbalancers/${v.lb}`, until: (_b, s) => s === 404 }),
    c({ name: 'listener show after the cascade', path: (v) => `${LB}/listeners/${v.listener}` }),
  ],
};
