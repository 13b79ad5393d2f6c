// Pools: `/v2/lbaas/pools` (octavia/api/v2/controllers/pool.py). A pool belongs to a load balancer and may
// be a listener's default pool; creating one with listener_id sets it as that listener's default pool.
import { collection, parentFilter } from './collection';
import { checkAlpn, checkHasChildren, checkProtocols, checkSessionPersistence, checkTlsVersions, type SpInput } from './checks';
import { fault, unsupportedOption, validation } from './errors';
import { POOL_POST, POOL_PUT } from './bodies';
import { fresh, lockForChange, mark, requireActive } from './lifecycle';
import { AMPHORA_LB_ALGORITHMS, DEFAULT_ALPN, DEFAULT_CIPHERS, DEFAULT_TLS_VERSIONS, type Listener, type LoadBalancer, type Pool, type SessionPersistence } from './model';
import { authorize } from './policy';
import { renderPool } from './render';
import { checkQuota, find, type LbDeps, type Mount } from './request';
import { readRoot, sent, type Body } from './schema';
import { validateCaRefs, validateTlsRefs } from './tls';
import { lbOfPool, poolListeners, policiesUsing } from './tree';

const sessionPersistence = (sp: Body | null | undefined): SessionPersistence | null =>
  sp
    ? {
        type: sp.type as string,
        cookie_name: (sp.cookie_name as string | null | undefined) ?? null,
        persistence_timeout: (sp.persistence_timeout as number | null | undefined) ?? null,
        persistence_granularity: (sp.persistence_granularity as string | null | undefined) ?? null,
      }
    : null;

/** The amphora provider's own refusals (a 501 after the API accepted the request). */
export function checkAmphoraPool(b: Body): void {
  if (b.lb_algorithm && !AMPHORA_LB_ALGORITHMS.includes(b.lb_algorithm as string)) {
    throw unsupportedOption(`Amphora provider does not support ${String(b.lb_algorithm)} algorithm.`);
  }
}

/** `_validate_create_pool` and the driver's checks, then the new pool (stored, PENDING_CREATE). */
export function createPool(deps: LbDeps, lb: LoadBalancer, b: Body, listener?: Listener): Pool {
  const { core, s } = deps;
  if (b.crl_container_ref && !b.ca_tls_container_ref) throw validation('A CA certificate reference is required to specify a revocation list.');
  if (b.tls_container_ref) validateTlsRefs(core, [b.tls_container_ref as string], lb.project_id);
  if (b.ca_tls_container_ref) validateCaRefs(core, [b.ca_tls_container_ref as string, (b.crl_container_ref as string | undefined) ?? null], lb.project_id);
  const tlsOn = b.tls_enabled === true;
  const versions = (b.tls_versions as string[] | null | undefined) ?? (tlsOn ? DEFAULT_TLS_VERSIONS : null);
  const alpn = (b.alpn_protocols as string[] | null | undefined) ?? (tlsOn ? DEFAULT_ALPN : null);
  if (tlsOn) {
    checkTlsVersions(versions);
    checkAlpn(alpn);
  }
  checkAmphoraPool(b);
  const p: Pool = {
    ...fresh(core, lb.project_id, b), loadbalancer_id: lb.id, name: (b.name as string | null) ?? '', description: (b.description as string | null) ?? '',
    protocol: b.protocol as string, lb_algorithm: b.lb_algorithm as string, session_persistence: sessionPersistence(b.session_persistence as Body | null),
    tls_container_ref: (b.tls_container_ref as string | undefined) ?? null, ca_tls_container_ref: (b.ca_tls_container_ref as string | undefined) ?? null,
    crl_container_ref: (b.crl_container_ref as string | undefined) ?? null, tls_enabled: tlsOn,
    tls_ciphers: (b.tls_ciphers as string | undefined) ?? (tlsOn ? DEFAULT_CIPHERS : null), tls_versions: versions, alpn_protocols: alpn,
  };
  s.pools[p.id] = p;
  if (listener) listener.default_pool_id = p.id;
  return p;
}

/** `_validate_pool_PUT`: session persistence and the CA / CRL pairing with what the pool already has. */
function checkUpdate(deps: LbDeps, p: Pool, b: Body): void {
  checkSessionPersistence(b.session_persistence as SpInput | null, p.protocol, false);
  const crl = sent(b, 'crl_container_ref') ? (b.crl_container_ref as string | null) : p.crl_container_ref;
  let ca: string | null = null;
  if (sent(b, 'ca_tls_container_ref')) {
    if (!b.ca_tls_container_ref && p.ca_tls_container_ref && crl) throw validation('A CA reference cannot be removed when a certificate revocation list is present.');
    if (!b.ca_tls_container_ref && !p.ca_tls_container_ref && crl) throw validation('A CA reference is required to specify a certificate revocation list.');
    ca = (b.ca_tls_container_ref as string | null) ?? null;
  } else if (p.ca_tls_container_ref) ca = p.ca_tls_container_ref;
  else if (crl) throw validation('A CA reference is required to specify a certificate revocation list.');
  if (b.tls_container_ref) validateTlsRefs(deps.core, [b.tls_container_ref as string], p.project_id);
  if (ca) validateCaRefs(deps.core, [ca, crl], p.project_id);
  if (sent(b, 'tls_versions')) checkTlsVersions(b.tls_versions);
  if (sent(b, 'alpn_protocols') && b.alpn_protocols !== null) checkAlpn(b.alpn_protocols);
}

export function poolRoutes(at: Mount, deps: LbDeps): void {
  const { core, s } = deps;
  const base = '/lbaas/pools';
  const pools = collection(at, deps, {
    base, key: 'pool', resource: 'Pool', table: (x) => x.pools, render: renderPool, owner: (p) => lbOfPool(s, p).project_id,
    list: { key: 'pools', options: { extraFilters: { loadbalancer_id: parentFilter('loadbalancers') } } },
  });

  at('POST', base, async (ctx, auth) => {
    const b = await readRoot(ctx, 'pool_', 'pool', POOL_POST);
    // With a loadbalancer_id, Octavia checks the listener's protocol only when it had to look the listener up.
    let checked: Listener | undefined;
    let lb: LoadBalancer;
    if (b.loadbalancer_id) lb = find(s.loadbalancers, 'Load Balancer', b.loadbalancer_id as string);
    else if (b.listener_id) {
      checked = s.listeners[b.listener_id as string];
      // Octavia dereferences the missing listener: a 500, kept as is.
      if (!checked) throw fault(500, "'NoneType' object has no attribute 'load_balancer_id'");
      lb = find(s.loadbalancers, 'Load Balancer', checked.loadbalancer_id);
    } else throw validation('Must provide at least one of: loadbalancer_id, listener_id');
    const listener = b.listener_id ? find(s.listeners, 'Listener', b.listener_id as string) : undefined;
    authorize(auth, 'write', lb.project_id);
    if (checked) {
      checkHasChildren(checked.protocol);
      checkProtocols(checked.protocol, b.protocol as string);
    }
    checkSessionPersistence(b.session_persistence as SpInput | null, b.protocol as string, true);
    checkQuota(deps, lb.project_id, 'pool');
    if (listener?.default_pool_id) throw fault(409, 'This listener already has a default pool');
    requireActive(lb, 'Load Balancer');
    const p = createPool(deps, lb, { ...b, healthmonitor: undefined, members: undefined }, listener);
    if (listener) mark(core, listener, 'PENDING_UPDATE');
    lockForChange(core, lb);
    return pools.reply(201, p);
  });

  at('PUT', `${base}/{id}`, async (ctx, auth) => {
    const b = await readRoot(ctx, 'pool_', 'pool', POOL_PUT);
    const p = pools.lookup(ctx.params.id, auth, 'write');
    const lb = lbOfPool(s, p);
    if (b.tls_versions === null) b.tls_versions = DEFAULT_TLS_VERSIONS;
    if (b.tls_ciphers === null) b.tls_ciphers = DEFAULT_CIPHERS;
    const sp = b.session_persistence as Body | null | undefined;
    if (sp && !sp.type && p.session_persistence) sp.type = p.session_persistence.type;
    checkUpdate(deps, p, b);
    requireActive(lb, 'Load Balancer');
    checkAmphoraPool(b);
    for (const [k, v] of Object.entries(b)) {
      const target = p as unknown as Record<string, unknown>;
      if (k === 'session_persistence') p.session_persistence = sessionPersistence(v as Body | null);
      else target[k] = v === null && (k === 'name' || k === 'description') ? '' : v === null && k === 'tags' ? [] : v;
    }
    mark(core, p, 'PENDING_UPDATE');
    for (const l of poolListeners(s, p)) mark(core, l, 'PENDING_UPDATE');
    lockForChange(core, lb);
    return pools.reply(200, p);
  });

  at('DELETE', `${base}/{id}`, (ctx, auth) => {
    const p = pools.lookup(ctx.params.id, auth, 'write');
    const lb = lbOfPool(s, p);
    const using = policiesUsing(s, p.id)[0];
    if (using) throw fault(409, `Pool ${p.id} is in use by L7 policy ${using.id}`);
    requireActive(lb, 'Load Balancer');
    for (const l of poolListeners(s, p)) mark(core, l, 'PENDING_UPDATE');
    mark(core, p, 'PENDING_DELETE');
    lockForChange(core, lb);
    return { status: 204 };
  });
}
