// Response bodies with Octavia's field order (WSME declaration order; `tenant_id` last). "Full" responses
// (a load balancer created with its children in one call) nest the children instead of linking ids.
import type { CloudCore } from '../../core/cloud';
import { healthOf } from './health';
import type { Amphora, HealthMonitor, L7Policy, L7Rule, LbState, Listener, LoadBalancer, Member, Pool } from './model';
import { listenerPools, listenersOf, membersOf, monitorOf, policiesOf, poolListeners, poolsOf, rulesOf } from './tree';

type Json = Record<string, unknown>;
const ids = (xs: Array<{ id: string }>) => xs.map((x) => ({ id: x.id }));
const withTenant = (o: Json) => ({ ...o, tenant_id: o.project_id });

/** One request's view of the state: operating statuses are derived once per load balancer. */
export class View {
  private readonly health = new Map<string, Map<string, string>>();

  constructor(readonly core: CloudCore, readonly s: LbState) {}

  /** The operating status to show for an object of load balancer `lbId`. */
  op(lbId: string, r: { id: string; operating_status: string }): string {
    let h = this.health.get(lbId);
    if (!h) {
      const lb = this.s.loadbalancers[lbId];
      h = lb ? healthOf(this.core, this.s, lb) : new Map();
      this.health.set(lbId, h);
    }
    return h.get(r.id) ?? r.operating_status;
  }

  lbOfMember(m: Member): string {
    return this.s.pools[m.pool_id]?.loadbalancer_id ?? '';
  }
}

export function renderLoadBalancer(v: View, lb: LoadBalancer, full = false): Json {
  const children = full
    ? { listeners: listenersOf(v.s, lb.id).map((l) => renderListener(v, l, true)), pools: poolsOf(v.s, lb.id).map((p) => renderPool(v, p, true)) }
    : { listeners: ids(listenersOf(v.s, lb.id)), pools: ids(poolsOf(v.s, lb.id)) };
  const body: Json = {
    ...(full ? children : {}),
    id: lb.id, name: lb.name, description: lb.description, provisioning_status: lb.provisioning_status, operating_status: v.op(lb.id, lb),
    admin_state_up: lb.admin_state_up, project_id: lb.project_id, created_at: lb.created_at, updated_at: lb.updated_at,
    vip_address: lb.vip_address, vip_port_id: lb.vip_port_id, vip_subnet_id: lb.vip_subnet_id, vip_network_id: lb.vip_network_id,
    additional_vips: lb.additional_vips,
    ...(full ? {} : children),
    provider: lb.provider, flavor_id: lb.flavor_id, vip_qos_policy_id: lb.vip_qos_policy_id, tags: lb.tags, availability_zone: lb.availability_zone,
  };
  return withTenant(body);
}

export function renderListener(v: View, l: Listener, full = false): Json {
  const policies = policiesOf(v.s, l.id);
  return withTenant({
    ...(full ? { l7policies: policies.map((p) => renderPolicy(v, p, true)) } : {}),
    id: l.id, name: l.name, description: l.description, provisioning_status: l.provisioning_status, operating_status: v.op(l.loadbalancer_id, l),
    admin_state_up: l.admin_state_up, protocol: l.protocol, protocol_port: l.protocol_port, connection_limit: l.connection_limit,
    default_tls_container_ref: l.default_tls_container_ref, sni_container_refs: l.sni_container_refs, project_id: l.project_id,
    default_pool_id: l.default_pool_id,
    ...(full ? {} : { l7policies: ids(policies) }),
    insert_headers: l.insert_headers, created_at: l.created_at, updated_at: l.updated_at,
    ...(full ? {} : { loadbalancers: [{ id: l.loadbalancer_id }] }),
    timeout_client_data: l.timeout_client_data, timeout_member_connect: l.timeout_member_connect, timeout_member_data: l.timeout_member_data,
    timeout_tcp_inspect: l.timeout_tcp_inspect, tags: l.tags, client_ca_tls_container_ref: l.client_ca_tls_container_ref,
    client_authentication: l.client_authentication, client_crl_container_ref: l.client_crl_container_ref, allowed_cidrs: l.allowed_cidrs,
    tls_ciphers: l.tls_ciphers, tls_versions: l.tls_versions, alpn_protocols: l.alpn_protocols,
  });
}

export function renderPool(v: View, p: Pool, full = false): Json {
  const hm = monitorOf(v.s, p.id);
  const members = membersOf(v.s, p.id);
  return withTenant({
    ...(full ? { members: members.map((m) => renderMember(v, m)), healthmonitor: hm ? renderMonitor(v, hm, true) : null } : {}),
    id: p.id, name: p.name, description: p.description, provisioning_status: p.provisioning_status, operating_status: v.op(p.loadbalancer_id, p),
    admin_state_up: p.admin_state_up, protocol: p.protocol, lb_algorithm: p.lb_algorithm, session_persistence: p.session_persistence,
    project_id: p.project_id,
    ...(full ? {} : { loadbalancers: [{ id: p.loadbalancer_id }] }),
    listeners: ids(poolListeners(v.s, p)), created_at: p.created_at, updated_at: p.updated_at,
    ...(full || !hm ? {} : { healthmonitor_id: hm.id }),
    ...(full ? {} : { members: ids(members) }),
    tags: p.tags, tls_container_ref: p.tls_container_ref, ca_tls_container_ref: p.ca_tls_container_ref, crl_container_ref: p.crl_container_ref,
    tls_enabled: p.tls_enabled, tls_ciphers: p.tls_ciphers, tls_versions: p.tls_versions, alpn_protocols: p.alpn_protocols,
  });
}

export function renderMember(v: View, m: Member): Json {
  return withTenant({
    id: m.id, name: m.name, operating_status: v.op(v.lbOfMember(m), m), provisioning_status: m.provisioning_status, admin_state_up: m.admin_state_up,
    address: m.address, protocol_port: m.protocol_port, weight: m.weight, backup: m.backup, subnet_id: m.subnet_id, project_id: m.project_id,
    created_at: m.created_at, updated_at: m.updated_at, monitor_address: m.monitor_address, monitor_port: m.monitor_port, tags: m.tags,
  });
}

export function renderMonitor(_v: View, hm: HealthMonitor, full = false): Json {
  return withTenant({
    id: hm.id, name: hm.name, type: hm.type, delay: hm.delay, timeout: hm.timeout, max_retries: hm.max_retries, max_retries_down: hm.max_retries_down,
    http_method: hm.http_method, url_path: hm.url_path, expected_codes: hm.expected_codes, admin_state_up: hm.admin_state_up, project_id: hm.project_id,
    ...(full ? {} : { pools: [{ id: hm.pool_id }] }),
    provisioning_status: hm.provisioning_status, operating_status: hm.operating_status, created_at: hm.created_at, updated_at: hm.updated_at,
    tags: hm.tags, http_version: hm.http_version, domain_name: hm.domain_name,
  });
}

export function renderPolicy(v: View, p: L7Policy, full = false): Json {
  const rules = rulesOf(v.s, p.id);
  return withTenant({
    ...(full ? { rules: rules.map(renderRule) } : {}),
    id: p.id, name: p.name, description: p.description, provisioning_status: p.provisioning_status, operating_status: p.operating_status,
    admin_state_up: p.admin_state_up, project_id: p.project_id, action: p.action, listener_id: p.listener_id, redirect_pool_id: p.redirect_pool_id,
    redirect_url: p.redirect_url, redirect_prefix: p.redirect_prefix, position: p.position,
    ...(full ? {} : { rules: ids(rules) }),
    created_at: p.created_at, updated_at: p.updated_at, tags: p.tags, redirect_http_code: p.redirect_http_code,
  });
}

export function renderRule(r: L7Rule): Json {
  return withTenant({
    id: r.id, type: r.type, compare_type: r.compare_type, key: r.key, value: r.value, invert: r.invert,
    provisioning_status: r.provisioning_status, operating_status: r.operating_status, created_at: r.created_at, updated_at: r.updated_at,
    project_id: r.project_id, admin_state_up: r.admin_state_up, tags: r.tags,
  });
}

export const renderAmphora = (a: Amphora): Json => ({ ...a });

/** `GET /loadbalancers/{id}/status`: listeners, their pools (default and L7 redirect targets), monitor and members. */
export function renderStatusTree(v: View, lb: LoadBalancer): Json {
  const status = (r: { id: string; name: string; provisioning_status: string; operating_status: string }) => ({
    id: r.id, name: r.name, operating_status: v.op(lb.id, r), provisioning_status: r.provisioning_status,
  });
  return {
    statuses: {
      loadbalancer: {
        ...status(lb),
        listeners: listenersOf(v.s, lb.id).map((l) => ({
          ...status(l),
          pools: listenerPools(v.s, l).map((p) => {
            const hm = monitorOf(v.s, p.id);
            return {
              id: p.id, name: p.name, provisioning_status: p.provisioning_status, operating_status: v.op(lb.id, p),
              ...(hm ? { health_monitor: { id: hm.id, name: hm.name, type: hm.type, provisioning_status: hm.provisioning_status, operating_status: hm.operating_status } } : {}),
              members: membersOf(v.s, p.id).map((m) => ({ ...status(m), address: m.address, protocol_port: m.protocol_port })),
            };
          }),
        })),
      },
    },
  };
}

/** Statistics: there is no data plane, so every counter is 0 (as on the real test cloud). */
export const ZERO_STATS = { bytes_in: 0, bytes_out: 0, active_connections: 0, total_connections: 0, request_errors: 0 };
