// The POST/PUT body types of Octavia's API (octavia/api/v2/types/*.py), field by field in declaration order.
import {
  ALPN_PROTOCOLS, CLIENT_AUTH_MODES, HM_HTTP_METHODS, HM_TYPES, L7_ACTIONS, L7_COMPARE_TYPES, L7_RULE_TYPES, LB_ALGORITHMS, LISTENER_PROTOCOLS,
  MAX_POSITION, MAX_TIMEOUT, POOL_PROTOCOLS, REDIRECT_CODES, SP_TYPES,
} from './model';
import type { Fields, Spec } from './schema';

const str = (max = 255): Spec => ({ t: 'str', max });
const tags: Spec = { t: 'list', of: str() };
const uuid: Spec = { t: 'uuid' };
const bool: Spec = { t: 'bool' };
const port: Spec = { t: 'int', min: 1, max: 65535 };
const timeout: Spec = { t: 'int', min: 0, max: MAX_TIMEOUT };
const tlsVersions: Spec = { t: 'list', of: str(32) };
const alpn: Spec = { t: 'list', of: { t: 'enum', of: ALPN_PROTOCOLS } };
const enumOf = (of: readonly (string | number)[]): Spec => ({ t: 'enum', of });
const retries: Spec = { t: 'int', min: 1, max: 10 };
const expectedCodes: Spec = { t: 'str', pattern: /^(\d{3}(\s*,\s*\d{3})*)$|^(\d{3}-\d{3})$/ };
const domainName: Spec = { t: 'str', min: 1, max: 255, pattern: /^(?=.{1,253}\.?$)(?:(?!-|[^.]+_)[A-Za-z0-9-_]{1,63}(?<!-)(?:\.|$))+$/ };
const l7Value: Spec = { t: 'str', max: 255, pattern: /^[^\r\n]*$/ };

export const SESSION_PERSISTENCE_POST: Fields = {
  type: { spec: enumOf(SP_TYPES), mandatory: true },
  cookie_name: { spec: { t: 'str', max: 255, pattern: /^[^\s,;\\]+$/ }, default: null },
  persistence_timeout: { spec: { t: 'int' }, default: null },
  persistence_granularity: { spec: { t: 'ip' }, default: null },
};
const SESSION_PERSISTENCE_PUT: Fields = { ...SESSION_PERSISTENCE_POST, type: enumOf(SP_TYPES) };

export const MEMBER_SINGLE: Fields = {
  name: str(),
  admin_state_up: { spec: bool, default: true },
  address: { spec: { t: 'ip' }, mandatory: true },
  protocol_port: { spec: port, mandatory: true },
  weight: { spec: { t: 'int', min: 0, max: 256 }, default: 1 },
  backup: { spec: bool, default: false },
  subnet_id: uuid,
  monitor_port: port,
  monitor_address: { t: 'ip' },
  tags,
};
export const MEMBER_POST: Fields = {
  ...MEMBER_SINGLE,
  project_id: str(36),
  monitor_port: { spec: port, default: null },
  monitor_address: { spec: { t: 'ip' }, default: null },
};
export const MEMBER_PUT: Fields = {
  name: str(), admin_state_up: bool, weight: { t: 'int', min: 0, max: 256 }, backup: bool, monitor_port: port, monitor_address: { t: 'ip' }, tags,
};

export const MONITOR_SINGLE: Fields = {
  name: str(),
  type: { spec: enumOf(HM_TYPES), mandatory: true },
  delay: { spec: { t: 'int', min: 0 }, mandatory: true },
  timeout: { spec: { t: 'int', min: 0 }, mandatory: true },
  max_retries_down: { spec: retries, default: 3 },
  max_retries: { spec: retries, mandatory: true },
  http_method: enumOf(HM_HTTP_METHODS),
  url_path: { t: 'urlpath' },
  expected_codes: expectedCodes,
  admin_state_up: { spec: bool, default: true },
  tags,
  http_version: enumOf([1.0, 1.1]),
  domain_name: domainName,
};
export const MONITOR_POST: Fields = { ...MONITOR_SINGLE, project_id: str(36), pool_id: { spec: uuid, mandatory: true } };
export const MONITOR_PUT: Fields = {
  name: str(), delay: { t: 'int', min: 0 }, timeout: { t: 'int', min: 0 }, max_retries_down: retries, max_retries: retries,
  http_method: enumOf(HM_HTTP_METHODS), url_path: { t: 'urlpath' }, expected_codes: expectedCodes, admin_state_up: bool, tags,
  http_version: enumOf([1.0, 1.1]), domain_name: domainName,
};

export const RULE_SINGLE: Fields = {
  type: { spec: enumOf(L7_RULE_TYPES), mandatory: true },
  compare_type: { spec: enumOf(L7_COMPARE_TYPES), mandatory: true },
  key: str(),
  value: { spec: str(), mandatory: true },
  invert: { spec: bool, default: false },
  admin_state_up: { spec: bool, default: true },
  tags,
};
export const RULE_POST: Fields = { ...RULE_SINGLE, key: l7Value, value: { spec: l7Value, mandatory: true }, project_id: str(36) };
export const RULE_PUT: Fields = {
  type: enumOf(L7_RULE_TYPES), compare_type: enumOf(L7_COMPARE_TYPES), key: l7Value, value: l7Value, invert: bool, admin_state_up: bool, tags,
};

const poolTls = {
  tls_container_ref: str(), ca_tls_container_ref: str(), crl_container_ref: str(),
  tls_enabled: { spec: bool, default: false }, tls_ciphers: str(2048), tls_versions: tlsVersions, alpn_protocols: alpn,
};
export const POOL_SINGLE: Fields = {
  name: str(),
  description: str(),
  admin_state_up: { spec: bool, default: true },
  protocol: enumOf(POOL_PROTOCOLS),
  lb_algorithm: enumOf(LB_ALGORITHMS),
  session_persistence: { t: 'obj', fields: SESSION_PERSISTENCE_POST },
  healthmonitor: { t: 'obj', fields: MONITOR_SINGLE },
  members: { t: 'list', of: { t: 'obj', fields: MEMBER_SINGLE } },
  tags,
  ...poolTls,
};
export const POOL_POST: Fields = {
  name: str(),
  description: str(),
  admin_state_up: { spec: bool, default: true },
  listener_id: uuid,
  loadbalancer_id: uuid,
  protocol: { spec: enumOf(POOL_PROTOCOLS), mandatory: true },
  lb_algorithm: { spec: enumOf(LB_ALGORITHMS), mandatory: true },
  session_persistence: { t: 'obj', fields: SESSION_PERSISTENCE_POST },
  project_id: str(36),
  healthmonitor: { t: 'obj', fields: MONITOR_SINGLE },
  members: { t: 'list', of: { t: 'obj', fields: MEMBER_SINGLE } },
  tags,
  ...poolTls,
};
export const POOL_PUT: Fields = {
  name: str(), description: str(), admin_state_up: bool, lb_algorithm: enumOf(LB_ALGORITHMS),
  session_persistence: { t: 'obj', fields: SESSION_PERSISTENCE_PUT }, tags,
  ...poolTls, tls_enabled: bool,
};

export const POLICY_SINGLE: Fields = {
  name: str(),
  description: str(),
  admin_state_up: { spec: bool, default: true },
  action: { spec: enumOf(L7_ACTIONS), mandatory: true },
  redirect_pool: { t: 'obj', fields: POOL_SINGLE },
  redirect_url: { t: 'url' },
  redirect_prefix: { t: 'url' },
  position: { spec: { t: 'int', min: 1, max: MAX_POSITION }, default: MAX_POSITION },
  rules: { t: 'list', of: { t: 'obj', fields: RULE_SINGLE } },
  tags,
  redirect_http_code: enumOf(REDIRECT_CODES),
};
export const POLICY_POST: Fields = {
  name: str(),
  description: str(),
  admin_state_up: { spec: bool, default: true },
  project_id: str(36),
  action: { spec: enumOf(L7_ACTIONS), mandatory: true },
  redirect_pool_id: uuid,
  redirect_url: { t: 'url' },
  redirect_prefix: { t: 'url' },
  position: { spec: { t: 'int', min: 1, max: MAX_POSITION }, default: MAX_POSITION },
  listener_id: { spec: uuid, mandatory: true },
  rules: { t: 'list', of: { t: 'obj', fields: RULE_SINGLE } },
  tags,
  redirect_http_code: enumOf(REDIRECT_CODES),
};
export const POLICY_PUT: Fields = {
  name: str(), description: str(), admin_state_up: bool, action: enumOf(L7_ACTIONS), redirect_pool_id: uuid, redirect_url: { t: 'url' },
  redirect_prefix: { t: 'url' }, position: { t: 'int', min: 1, max: MAX_POSITION }, tags, redirect_http_code: enumOf(REDIRECT_CODES),
};

const listenerCommon: Fields = {
  name: str(),
  description: str(),
  admin_state_up: { spec: bool, default: true },
  protocol: { spec: enumOf(LISTENER_PROTOCOLS), mandatory: true },
  protocol_port: { spec: port, mandatory: true },
  connection_limit: { spec: { t: 'int', min: -1 }, default: -1 },
  default_tls_container_ref: str(),
  sni_container_refs: { t: 'list', of: str() },
};
const listenerRest: Fields = {
  default_pool_id: uuid,
  default_pool: { t: 'obj', fields: POOL_SINGLE },
  l7policies: { spec: { t: 'list', of: { t: 'obj', fields: POLICY_SINGLE } }, default: [] },
  insert_headers: { t: 'dict' },
};
const listenerTail: Fields = {
  timeout_client_data: timeout, timeout_member_connect: timeout, timeout_member_data: timeout, timeout_tcp_inspect: timeout, tags,
  client_ca_tls_container_ref: str(), client_authentication: { spec: enumOf(CLIENT_AUTH_MODES), default: 'NONE' },
  client_crl_container_ref: str(), allowed_cidrs: { t: 'list', of: { t: 'cidr' } }, tls_ciphers: str(2048), tls_versions: tlsVersions, alpn_protocols: alpn,
};
export const LISTENER_SINGLE: Fields = { ...listenerCommon, ...listenerRest, ...listenerTail };
export const LISTENER_POST: Fields = {
  ...listenerCommon, project_id: str(36), ...listenerRest, loadbalancer_id: { spec: uuid, mandatory: true }, ...listenerTail,
};
export const LISTENER_PUT: Fields = {
  name: str(), description: str(), admin_state_up: bool, connection_limit: { t: 'int', min: -1 }, default_tls_container_ref: str(),
  sni_container_refs: { t: 'list', of: str() }, default_pool_id: uuid, insert_headers: { t: 'dict' },
  ...listenerTail, client_authentication: enumOf(CLIENT_AUTH_MODES),
};

export const LOADBALANCER_POST: Fields = {
  name: str(),
  description: str(),
  admin_state_up: { spec: bool, default: true },
  vip_address: { t: 'ip' },
  vip_port_id: uuid,
  vip_subnet_id: uuid,
  vip_network_id: uuid,
  vip_qos_policy_id: uuid,
  additional_vips: { spec: { t: 'list', of: { t: 'obj', fields: { subnet_id: { spec: uuid, mandatory: true }, ip_address: { t: 'ip' } } } }, default: [] },
  project_id: str(36),
  listeners: { spec: { t: 'list', of: { t: 'obj', fields: LISTENER_SINGLE } }, default: [] },
  pools: { spec: { t: 'list', of: { t: 'obj', fields: POOL_SINGLE } }, default: [] },
  provider: str(64),
  tags,
  flavor_id: uuid,
  availability_zone: str(),
};
export const LOADBALANCER_PUT: Fields = { name: str(), description: str(), vip_qos_policy_id: uuid, admin_state_up: bool, tags };

const quota: Spec = { t: 'int', min: -1, max: 2000000000 };
export const QUOTA_PUT: Fields = {
  loadbalancer: quota, load_balancer: quota, listener: quota, member: quota, pool: quota, healthmonitor: quota, health_monitor: quota,
  l7policy: quota, l7rule: quota,
};
