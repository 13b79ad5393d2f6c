// Octavia's state (plain JSON, persistable): one record type per API object, stored with the API's own
// field names, plus the parent ids the API derives its links from. Defaults and enums are Octavia 11's (Zed).

/** An in-flight provider operation on a load balancer: the amphora worker is "done" at `until` (clock ms). */
export interface PendingOp {
  until: number;
  /** A failover replaces this amphora by a new one when the operation completes. */
  failoverOf?: string;
}

interface Base {
  id: string;
  project_id: string;
  provisioning_status: string;
  operating_status: string;
  admin_state_up: boolean;
  created_at: string;
  updated_at: string | null;
  tags: string[];
}

export interface LoadBalancer extends Base {
  name: string;
  description: string;
  vip_address: string;
  vip_port_id: string;
  vip_subnet_id: string;
  vip_network_id: string;
  vip_qos_policy_id: string | null;
  /** Extra addresses of the VIP port, on other subnets of the VIP network. */
  additional_vips: Array<{ subnet_id: string; ip_address: string }>;
  provider: string;
  flavor_id: string | null;
  availability_zone: string | null;
  /** Octavia made the VIP port (and deletes it with the load balancer); false for a user's vip_port_id. */
  _vip_owned: boolean;
  /** Has reached ACTIVE once: its amphora sends heartbeats, so operating statuses are reported. */
  _heartbeat?: boolean;
  _op?: PendingOp;
}

export interface Listener extends Base {
  loadbalancer_id: string;
  name: string;
  description: string;
  protocol: string;
  protocol_port: number;
  connection_limit: number;
  default_tls_container_ref: string | null;
  sni_container_refs: string[];
  default_pool_id: string | null;
  insert_headers: Record<string, string>;
  timeout_client_data: number;
  timeout_member_connect: number;
  timeout_member_data: number;
  timeout_tcp_inspect: number;
  client_ca_tls_container_ref: string | null;
  client_authentication: string;
  client_crl_container_ref: string | null;
  allowed_cidrs: string[] | null;
  tls_ciphers: string | null;
  tls_versions: string[] | null;
  alpn_protocols: string[] | null;
}

export interface SessionPersistence {
  type: string;
  cookie_name: string | null;
  persistence_timeout: number | null;
  persistence_granularity: string | null;
}

export interface Pool extends Base {
  loadbalancer_id: string;
  name: string;
  description: string;
  protocol: string;
  lb_algorithm: string;
  session_persistence: SessionPersistence | null;
  tls_container_ref: string | null;
  ca_tls_container_ref: string | null;
  crl_container_ref: string | null;
  tls_enabled: boolean;
  tls_ciphers: string | null;
  tls_versions: string[] | null;
  alpn_protocols: string[] | null;
}

export interface Member extends Base {
  pool_id: string;
  name: string;
  address: string;
  protocol_port: number;
  weight: number;
  backup: boolean;
  subnet_id: string | null;
  monitor_address: string | null;
  monitor_port: number | null;
}

export interface HealthMonitor extends Base {
  pool_id: string;
  name: string;
  type: string;
  delay: number;
  timeout: number;
  max_retries: number;
  max_retries_down: number;
  http_method: string | null;
  url_path: string | null;
  expected_codes: string | null;
  http_version: number | null;
  domain_name: string | null;
}

export interface L7Policy extends Base {
  listener_id: string;
  name: string;
  description: string;
  action: string;
  redirect_pool_id: string | null;
  redirect_url: string | null;
  redirect_prefix: string | null;
  redirect_http_code: number | null;
  position: number;
}

export interface L7Rule extends Base {
  l7policy_id: string;
  type: string;
  compare_type: string;
  key: string | null;
  value: string;
  invert: boolean;
}

export interface Amphora {
  id: string;
  loadbalancer_id: string;
  compute_id: string;
  lb_network_ip: string;
  vrrp_ip: string | null;
  ha_ip: string;
  vrrp_port_id: string | null;
  ha_port_id: string;
  cert_expiration: string;
  cert_busy: boolean;
  role: string;
  status: string;
  vrrp_interface: string | null;
  vrrp_id: number;
  vrrp_priority: number | null;
  cached_zone: string | null;
  created_at: string;
  updated_at: string | null;
  image_id: string | null;
  compute_flavor: string | null;
}

export const QUOTA_KEYS = ['load_balancer', 'listener', 'member', 'pool', 'health_monitor', 'l7policy', 'l7rule'] as const;
export type QuotaKey = (typeof QUOTA_KEYS)[number];
/** A project's quota row: null = the configured default (-1, unlimited, as on the real cloud). */
export type QuotaRow = Record<QuotaKey, number | null>;
export const DEFAULT_QUOTA = -1;

export interface LbState {
  loadbalancers: Record<string, LoadBalancer>;
  listeners: Record<string, Listener>;
  pools: Record<string, Pool>;
  members: Record<string, Member>;
  healthmonitors: Record<string, HealthMonitor>;
  l7policies: Record<string, L7Policy>;
  l7rules: Record<string, L7Rule>;
  amphorae: Record<string, Amphora>;
  /** Rows exist once a project created something or had its quota set (what `GET /quotas` lists). */
  quotas: Record<string, QuotaRow>;
}

export const seedLoadBalancer = (): LbState => ({
  loadbalancers: {}, listeners: {}, pools: {}, members: {}, healthmonitors: {}, l7policies: {}, l7rules: {}, amphorae: {}, quotas: {},
});

/** Octavia's timestamps: 2026-12-06T20:31:22 (UTC, no zone suffix). */
export const lbTime = (ms: number) => new Date(ms).toISOString().slice(0, 19);

// ---- enums and defaults (octavia_lib / octavia.common.constants, Zed) ----
export const PROVIDER = 'amphora';
export const PROVIDER_DESCRIPTION = 'The Octavia Amphora driver.';
export const LISTENER_PROTOCOLS = ['TCP', 'HTTPS', 'HTTP', 'TERMINATED_HTTPS', 'UDP', 'SCTP', 'PROMETHEUS'] as const;
export const POOL_PROTOCOLS = ['TCP', 'HTTP', 'HTTPS', 'PROXY', 'PROXYV2', 'UDP', 'SCTP'] as const;
export const LB_ALGORITHMS = ['LEAST_CONNECTIONS', 'ROUND_ROBIN', 'SOURCE_IP', 'SOURCE_IP_PORT'] as const;
/** What the amphora provider accepts (SOURCE_IP_PORT passes the API, then the driver refuses it). */
export const AMPHORA_LB_ALGORITHMS = ['ROUND_ROBIN', 'SOURCE_IP', 'LEAST_CONNECTIONS'];
export const SP_TYPES = ['SOURCE_IP', 'HTTP_COOKIE', 'APP_COOKIE'] as const;
export const HM_TYPES = ['HTTP', 'HTTPS', 'PING', 'TCP', 'TLS-HELLO', 'UDP-CONNECT', 'SCTP'] as const;
export const HM_HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'OPTIONS', 'CONNECT', 'PATCH'] as const;
export const L7_ACTIONS = ['REJECT', 'REDIRECT_TO_URL', 'REDIRECT_TO_POOL', 'REDIRECT_PREFIX'] as const;
export const L7_RULE_TYPES = ['HOST_NAME', 'PATH', 'FILE_TYPE', 'HEADER', 'COOKIE', 'SSL_CONN_HAS_CERT', 'SSL_VERIFY_RESULT', 'SSL_DN_FIELD'] as const;
export const L7_COMPARE_TYPES = ['REGEX', 'STARTS_WITH', 'ENDS_WITH', 'CONTAINS', 'EQUAL_TO'] as const;
export const REDIRECT_CODES = [301, 302, 303, 307, 308] as const;
export const CLIENT_AUTH_MODES = ['NONE', 'OPTIONAL', 'MANDATORY'] as const;
export const ALPN_PROTOCOLS = ['h2', 'http/1.1', 'http/1.0'] as const;

/** Which pool protocols a listener of each protocol may use (VALID_LISTENER_POOL_PROTOCOL_MAP). */
export const LISTENER_POOL_PROTOCOLS: Record<string, readonly string[]> = {
  TCP: ['HTTP', 'HTTPS', 'PROXY', 'PROXYV2', 'TCP'],
  HTTP: ['HTTP', 'PROXY', 'PROXYV2'],
  HTTPS: ['HTTPS', 'PROXY', 'PROXYV2', 'TCP'],
  TERMINATED_HTTPS: ['HTTP', 'PROXY', 'PROXYV2'],
  UDP: ['UDP'],
  SCTP: ['SCTP'],
  PROMETHEUS: [],
};
/** Two listeners of a load balancer may share a port only on different L4 protocols. */
export const L4_PROTOCOL: Record<string, string> = {
  TCP: 'TCP', HTTP: 'TCP', HTTPS: 'TCP', TERMINATED_HTTPS: 'TCP', PROMETHEUS: 'TCP', UDP: 'UDP', SCTP: 'SCTP',
};
export const HEADER_INSERT_PROTOCOLS = ['HTTP', 'TERMINATED_HTTPS'];
export const HTTP_HEADERS = ['X-Forwarded-For', 'X-Forwarded-Port', 'X-Forwarded-Proto'];
export const SSL_HEADERS = ['X-SSL-Client-Verify', 'X-SSL-Client-Has-Cert', 'X-SSL-Client-DN', 'X-SSL-Client-CN', 'X-SSL-Issuer',
  'X-SSL-Client-SHA1', 'X-SSL-Client-Not-Before', 'X-SSL-Client-Not-After'];

export const DEFAULT_CIPHERS = 'TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:TLS_AES_128_GCM_SHA256:DHE-RSA-AES256-GCM-SHA384:'
  + 'DHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:DHE-RSA-AES256-SHA256:DHE-RSA-AES128-SHA256:'
  + 'ECDHE-RSA-AES256-SHA384:ECDHE-RSA-AES128-SHA256';
export const DEFAULT_TLS_VERSIONS = ['TLSv1.2', 'TLSv1.3'];
export const TLS_VERSIONS = ['SSLv3', 'TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
export const DEFAULT_ALPN = ['h2', 'http/1.1', 'http/1.0'];
export const TIMEOUT_DEFAULTS = { timeout_client_data: 50000, timeout_member_connect: 5000, timeout_member_data: 50000, timeout_tcp_inspect: 0 };
export const MAX_TIMEOUT = 24 * 24 * 60 * 60 * 1000;
export const MAX_POSITION = 2147483647;
export const MAX_RULES_PER_POLICY = 50;
export const RESERVED_IPS = ['169.254.169.254'];
export const UDP_CONNECT_MIN_DELAY = 3;

/**
 * Nominal seconds the amphora worker takes (scaled by --speed). The real test cloud's noop drivers take ~0.5-1.5 s
 * (failover ~3 s); a production failover boots a new amphora and takes minutes.
 */
export const WORK_SECONDS = { create: 4, change: 2, delete: 2, failover: 20 } as const;
