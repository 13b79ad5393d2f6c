// Validation rules several objects share (octavia/common/validate.py and the controllers' helpers).
import { fault, invalidOption, validation } from './errors';
import { HEADER_INSERT_PROTOCOLS, HTTP_HEADERS, LISTENER_POOL_PROTOCOLS, SSL_HEADERS, TLS_VERSIONS, ALPN_PROTOCOLS } from './model';
import { pyRepr } from './schema';

export function checkProtocols(listenerProtocol: string, poolProtocol: string): void {
  if (!(LISTENER_POOL_PROTOCOLS[listenerProtocol] ?? []).includes(poolProtocol)) {
    throw validation(`The pool protocol '${poolProtocol}' is invalid while the listener protocol is '${listenerProtocol}'.`);
  }
}

/** PROMETHEUS listeners take no pools or policies. */
export function checkHasChildren(listenerProtocol: string): void {
  if (listenerProtocol === 'PROMETHEUS') throw fault(400, 'Protocol PROMETHEUS listeners cannot have child objects.');
}

export function checkTlsVersions(versions: unknown): void {
  if (Array.isArray(versions) && versions.length === 0) {
    throw validation('Empty TLS version list. Either specify at least one TLS version or remove this parameter to use the default.');
  }
  const bad = ((versions as string[] | null | undefined) ?? []).filter((v) => !TLS_VERSIONS.includes(v));
  if (bad.length) throw validation(`Invalid TLS versions: ${bad.join(', ')}`);
}

export function checkAlpn(protocols: unknown): void {
  if (Array.isArray(protocols) && protocols.length === 0) {
    throw validation('Empty ALPN protocol list. Either specify at least one ALPN protocol or remove this parameter to use the default.');
  }
  const bad = ((protocols as string[] | null | undefined) ?? []).filter((p) => !(ALPN_PROTOCOLS as readonly string[]).includes(p));
  if (bad.length) throw validation(`Invalid ALPN protocol: ${bad.join(', ')}`);
}

/** Header insertion: HTTP and TERMINATED_HTTPS only, known headers only, client-certificate headers for TLS only. */
export function checkInsertHeaders(names: string[], protocol: string): void {
  if (!HEADER_INSERT_PROTOCOLS.includes(protocol)) throw invalidOption('insert-headers', `a ${protocol} protocol listener.`);
  if (names.some((n) => !HTTP_HEADERS.includes(n) && !SSL_HEADERS.includes(n))) throw invalidOption(`dict_keys(${pyRepr(names)})`, 'insert_headers');
  const ssl = names.filter((n) => SSL_HEADERS.includes(n));
  if (protocol !== 'TERMINATED_HTTPS' && ssl.length) throw invalidOption(pyRepr(ssl), `${protocol} protocol listener.`);
}

export interface SpInput {
  type?: string | null;
  cookie_name?: string | null;
  persistence_timeout?: number | null;
  persistence_granularity?: string | null;
}

/** Session persistence for a pool of `protocol` (the UDP/SCTP rules, then check_session_persistence). */
export function checkSessionPersistence(sp: SpInput | null | undefined, protocol: string, creating: boolean): void {
  if (!sp) return;
  const udp = protocol === 'UDP' || protocol === 'SCTP';
  if (udp) {
    if (sp.type === 'SOURCE_IP' && sp.cookie_name) {
      throw validation('session_persistence SOURCE_IP type for UDP and SCTP protocols only accepts: type, persistence_timeout, persistence_granularity.');
    }
    if (sp.cookie_name) throw validation('Cookie names are not supported for UDP/SCTP pools.');
    if (sp.type === 'HTTP_COOKIE' || sp.type === 'APP_COOKIE') throw validation(`Session persistence of type ${sp.type} is not supported for UDP/SCTP protocol pools.`);
  } else if (sp.persistence_timeout || sp.persistence_granularity) {
    throw validation(`persistence_timeout and persistence_granularity is only for UDP${creating ? ' and SCTP' : ''} protocol pools.`);
  }
  if (sp.cookie_name) {
    if (sp.type !== 'APP_COOKIE') throw validation('Field "cookie_name" can only be specified with session persistence of type "APP_COOKIE".');
    if (/[\x00-\x20\x22\x28\x29\x2c\x2f\x3a-\x40\x5b-\x5d\x7b\x7d\x7f]/.test(sp.cookie_name)) throw validation('Supplied "cookie_name" is invalid.');
  }
  if (sp.type === 'APP_COOKIE' && !sp.cookie_name) {
    throw validation('Field "cookie_name" must be specified when using the "APP_COOKIE" session persistence type.');
  }
}
