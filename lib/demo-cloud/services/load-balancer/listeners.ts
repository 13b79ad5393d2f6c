// Listeners: `/v2/lbaas/listeners` (octavia/api/v2/controllers/listener.py). A create or change locks the
// load balancer (PENDING_UPDATE) and the listener (PENDING_CREATE/UPDATE/DELETE) until the worker is done.
import { collection, parentFilter } from './collection';
import { checkAlpn, checkHasChildren, checkInsertHeaders, checkProtocols, checkTlsVersions } from './checks';
import { parseCidr, parseIp } from './deps';
import { fault, notFound, validation } from './errors';
import { LISTENER_POST, LISTENER_PUT } from './bodies';
import { fresh, lockForChange, mark, requireActive } from './lifecycle';
import { DEFAULT_ALPN, DEFAULT_CIPHERS, DEFAULT_TLS_VERSIONS, L4_PROTOCOL, TIMEOUT_DEFAULTS, type Listener, type LoadBalancer } from './model';
import { authorize } from './policy';
import { renderListener, ZERO_STATS } from './render';
import { checkQuota, find, type LbDeps, type Mount } from './request';
import { readRoot, sent, type Body } from './schema';
import { validateCaRefs, validateTlsRefs } from './tls';
import { lbOfListener } from './tree';

const TLS_PROTOCOLS = (protocol: string, hasRefs: boolean) => protocol === 'TERMINATED_HTTPS' || (protocol === 'PROMETHEUS' && hasRefs);
const hasTlsRefs = (b: Body) => !!(b.default_tls_container_ref || b.client_ca_tls_container_ref || (b.sni_container_refs as string[] | undefined)?.length);

/** A pool of the same load balancer usable as this listener's default pool (404 / 400 otherwise). */
export function checkDefaultPool(deps: LbDeps, lb: LoadBalancer, poolId: string, protocol: string): void {
  checkHasChildren(protocol);
  const pool = deps.s.pools[poolId];
  if (!pool || pool.loadbalancer_id !== lb.id) throw notFound('Pool', poolId);
  checkProtocols(protocol, pool.protocol);
}

function checkCidrs(cidrs: string[] | null | undefined, vip: string): void {
  const vipVersion = parseIp(vip)?.version;
  for (const c of cidrs ?? []) {
    if (parseCidr(c)?.version !== vipVersion) throw validation(`CIDR ${c} IP version incompatible with VIP ${vip} IP version.`);
  }
}

/** `_validate_create_listener`, then the new listener (stored, PENDING_CREATE). The caller locks the load balancer. */
export function createListener(deps: LbDeps, lb: LoadBalancer, b: Body): Listener {
  const { core, s } = deps;
  const protocol = b.protocol as string;
  const offload = TLS_PROTOCOLS(protocol, hasTlsRefs(b));
  const headers = (b.insert_headers as Record<string, string> | null | undefined) ?? {};
  const sni = (b.sni_container_refs as string[] | null | undefined) ?? [];
  const withTls = protocol === 'PROMETHEUS' ? 'PROMETHEUS with TLS' : protocol;
  if (Object.keys(headers).length) checkInsertHeaders(Object.keys(headers), protocol);
  if ((protocol === 'UDP' || protocol === 'SCTP') && (hasTlsRefs(b) || Object.keys(headers).length)) throw validation(`${protocol} protocol listener does not support TLS.`);
  if (!offload && hasTlsRefs(b)) throw validation(`Certificate container references are not allowed on ${protocol} protocol listeners.`);
  if (b.client_ca_tls_container_ref && !(b.default_tls_container_ref || sni.length)) {
    throw validation('An SNI or default certificate container reference must be provided with a client CA container reference.');
  }
  if (offload && !(b.default_tls_container_ref || sni.length)) {
    throw validation(`An SNI or default certificate container reference must be provided for ${withTls} protocol listeners.`);
  }
  const clientAuth = (b.client_authentication as string | undefined) ?? 'NONE';
  if (clientAuth !== 'NONE' && !b.client_ca_tls_container_ref) throw validation(`Client authentication setting ${clientAuth} requires a client CA container reference.`);
  if (b.client_crl_container_ref && !b.client_ca_tls_container_ref) {
    throw validation('A client authentication CA reference is required to specify a client authentication revocation list.');
  }
  validateTlsRefs(core, [...sni, ...(b.default_tls_container_ref ? [b.default_tls_container_ref as string] : [])], lb.project_id);
  if (b.client_ca_tls_container_ref) validateCaRefs(core, [b.client_ca_tls_container_ref as string, (b.client_crl_container_ref as string | undefined) ?? null], lb.project_id);
  const port = b.protocol_port as number;
  const clash = Object.values(s.listeners).find((x) => x.loadbalancer_id === lb.id && x.protocol_port === port && L4_PROTOCOL[x.protocol] === L4_PROTOCOL[protocol]);
  if (clash) throw fault(409, `Another Listener on this Load Balancer is already using protocol ${clash.protocol} and protocol_port ${port}`);
  const cidrs = (b.allowed_cidrs as string[] | null | undefined) ?? null;
  checkCidrs(cidrs, lb.vip_address);
  const tls = protocol === 'TERMINATED_HTTPS';
  const versions = (b.tls_versions as string[] | null | undefined) ?? (tls ? DEFAULT_TLS_VERSIONS : null);
  const alpn = (b.alpn_protocols as string[] | null | undefined) ?? (tls ? DEFAULT_ALPN : null);
  if (offload) {
    checkTlsVersions(versions);
    checkAlpn(alpn);
  }
  const timeout = (k: keyof typeof TIMEOUT_DEFAULTS) => (b[k] as number | null | undefined) ?? TIMEOUT_DEFAULTS[k];
  const l: Listener = {
    ...fresh(core, lb.project_id, b), loadbalancer_id: lb.id, name: (b.name as string | null) ?? '', description: (b.description as string | null) ?? '',
    protocol, protocol_port: port, connection_limit: (b.connection_limit as number | null) ?? -1,
    default_tls_container_ref: (b.default_tls_container_ref as string | undefined) ?? null, sni_container_refs: sni,
    default_pool_id: (b.default_pool_id as string | undefined) ?? null, insert_headers: headers,
    timeout_client_data: timeout('timeout_client_data'), timeout_member_connect: timeout('timeout_member_connect'),
    timeout_member_data: timeout('timeout_member_data'), timeout_tcp_inspect: timeout('timeout_tcp_inspect'),
    client_ca_tls_container_ref: (b.client_ca_tls_container_ref as string | undefined) ?? null, client_authentication: clientAuth,
    client_crl_container_ref: (b.client_crl_container_ref as string | undefined) ?? null, allowed_cidrs: cidrs?.length ? cidrs : null,
    tls_ciphers: (b.tls_ciphers as string | undefined) ?? (tls ? DEFAULT_CIPHERS : null), tls_versions: versions, alpn_protocols: alpn,
  };
  s.listeners[l.id] = l;
  return l;
}

/** `_validate_listener_PUT`: what a change may not do to this listener. */
function checkUpdate(deps: LbDeps, l: Listener, b: Body): void {
  const offload = TLS_PROTOCOLS(l.protocol, hasTlsRefs(b));
  if ((l.protocol === 'UDP' || l.protocol === 'SCTP') && (hasTlsRefs(b) || Object.keys((b.insert_headers as object | null) ?? {}).length)) {
    throw validation(`${l.protocol} protocol listener does not support TLS or header insertion.`);
  }
  if (!offload && hasTlsRefs(b)) throw validation(`Certificate container references are not allowed on ${l.protocol} protocol listeners.`);
  if (sent(b, 'client_authentication') && b.client_authentication !== 'NONE' && b.client_authentication !== null && !(l.client_ca_tls_container_ref || b.client_ca_tls_container_ref)) {
    throw validation(`Client authentication setting ${String(b.client_authentication)} requires a client CA container reference.`);
  }
  const headers = b.insert_headers as Record<string, string> | null | undefined;
  if (headers && Object.keys(headers).length) checkInsertHeaders(Object.keys(headers), l.protocol);
  const refs = [...((b.sni_container_refs as string[] | null | undefined) ?? []), ...(b.default_tls_container_ref ? [b.default_tls_container_ref as string] : [])];
  validateTlsRefs(deps.core, refs, l.project_id);
  const ca = (b.client_ca_tls_container_ref as string | null | undefined) || l.client_ca_tls_container_ref;
  const crl = (b.client_crl_container_ref as string | null | undefined) || l.client_crl_container_ref;
  if (crl && !ca) throw validation('A client authentication CA reference is required to specify a client authentication revocation list.');
  if (ca || crl) validateCaRefs(deps.core, [ca, crl], l.project_id);
  if (b.allowed_cidrs) checkCidrs(b.allowed_cidrs as string[], lbOfListener(deps.s, l).vip_address);
  if (sent(b, 'tls_versions') && b.tls_versions !== null) checkTlsVersions(b.tls_versions);
  if (sent(b, 'alpn_protocols') && b.alpn_protocols !== null) checkAlpn(b.alpn_protocols);
}

/** The PUT body applied: null resets a field to its default (`_set_default_on_none`). */
function applyUpdate(l: Listener, b: Body): void {
  const defaults: Partial<Record<keyof Listener, unknown>> = {
    name: '', description: '', connection_limit: -1, ...TIMEOUT_DEFAULTS, client_authentication: 'NONE', tls_ciphers: DEFAULT_CIPHERS,
    tls_versions: DEFAULT_TLS_VERSIONS, alpn_protocols: DEFAULT_ALPN, insert_headers: {}, sni_container_refs: [], tags: [],
  };
  const target = l as unknown as Record<string, unknown>;
  for (const [k, v] of Object.entries(b)) {
    if (k === 'allowed_cidrs') target[k] = (v as string[] | null)?.length ? v : null;
    else target[k] = v === null && k in defaults ? structuredClone(defaults[k as keyof Listener]) : v;
  }
}

export function listenerRoutes(at: Mount, deps: LbDeps): void {
  const { core, s } = deps;
  const base = '/lbaas/listeners';
  const listeners = collection(at, deps, {
    base, key: 'listener', resource: 'Listener', table: (x) => x.listeners, render: renderListener, owner: (l) => lbOfListener(s, l).project_id,
    list: { key: 'listeners', options: { extraFilters: { loadbalancer_id: parentFilter('loadbalancers') } } },
  });

  at('POST', base, async (ctx, auth) => {
    const b = await readRoot(ctx, 'listener_', 'listener', LISTENER_POST);
    const lb = find(s.loadbalancers, 'Load Balancer', b.loadbalancer_id as string);
    authorize(auth, 'write', lb.project_id);
    checkQuota(deps, lb.project_id, 'listener');
    if (b.default_pool_id) checkDefaultPool(deps, lb, b.default_pool_id as string, b.protocol as string);
    requireActive(lb, 'Load Balancer');
    const l = createListener(deps, lb, { ...b, default_pool: undefined, l7policies: undefined });
    lockForChange(core, lb);
    return listeners.reply(201, l);
  });

  at('PUT', `${base}/{id}`, async (ctx, auth) => {
    const b = await readRoot(ctx, 'listener_', 'listener', LISTENER_PUT);
    const l = listeners.lookup(ctx.params.id, auth, 'write');
    const lb = lbOfListener(s, l);
    checkUpdate(deps, l, b);
    if (b.default_pool_id) checkDefaultPool(deps, lb, b.default_pool_id as string, l.protocol);
    requireActive(lb, 'Load Balancer');
    applyUpdate(l, b);
    mark(core, l, 'PENDING_UPDATE');
    lockForChange(core, lb);
    return listeners.reply(200, l);
  });

  at('DELETE', `${base}/{id}`, (ctx, auth) => {
    const l = listeners.lookup(ctx.params.id, auth, 'write');
    const lb = lbOfListener(s, l);
    requireActive(lb, 'Load Balancer');
    mark(core, l, 'PENDING_DELETE');
    lockForChange(core, lb);
    return { status: 204 };
  });

  at('GET', `${base}/{id}/stats`, (ctx, auth) => {
    listeners.lookup(ctx.params.id, auth, 'read');
    return { status: 200, body: { stats: ZERO_STATS } };
  });
}
