import 'server-only';
import fs from 'node:fs';
import { Agent, fetch as undiciFetch } from 'undici';
import type { CloudConfig } from '@/lib/config/clouds';
import { msg } from '@/lib/i18n/msg';
import { HttpError } from './errors';

export type UpstreamInit = Parameters<typeof undiciFetch>[1];
export type UpstreamResponse = Awaited<ReturnType<typeof undiciFetch>>;

// Timeouts for every upstream call: connect, waiting for headers, and idle time between body chunks
// (a total timeout would kill a legitimate multi-gigabyte upload).
const CONNECT_TIMEOUT_MS = 10_000;
const HEADERS_TIMEOUT_MS = 60_000;
const BODY_TIMEOUT_MS = 120_000;

const agents = new Map<string, Agent>();

/** One keep-alive connection pool per cloud, carrying its CA bundle and verify setting (shared with the proxy). */
export function agentFor(cloud: Pick<CloudConfig, 'id' | 'cacert' | 'verify'>): Agent {
  const key = `${cloud.id}|${cloud.cacert ?? ''}|${cloud.verify}`;
  let agent = agents.get(key);
  if (!agent) {
    const ca = cloud.cacert ? fs.readFileSync(cloud.cacert, 'utf8') : undefined;
    agent = new Agent({
      connect: { timeout: CONNECT_TIMEOUT_MS, ca, rejectUnauthorized: cloud.verify },
      headersTimeout: HEADERS_TIMEOUT_MS,
      bodyTimeout: BODY_TIMEOUT_MS,
      keepAliveTimeout: 30_000,
      connections: 128,
    });
    agents.set(key, agent);
  }
  return agent;
}

const TLS_CODES = new Set([
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_NOT_YET_VALID',
  'ERR_SSL_WRONG_VERSION_NUMBER',
  'EPROTO',
]);

function causeMessage(err: unknown): string | undefined {
  const cause = err && typeof err === 'object' ? (err as { cause?: unknown }).cause : undefined;
  return cause instanceof Error ? cause.message : undefined;
}

function causeCode(err: unknown): string | undefined {
  let e: unknown = err;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string') return code;
    e = (e as { cause?: unknown }).cause;
  }
  return undefined;
}

const REASONS: Record<string, { reason: string; english: string }> = {
  ECONNREFUSED: { reason: 'refused', english: 'connection refused' },
  ENOTFOUND: { reason: 'notFound', english: 'host not found' },
};

/**
 * Turn a network-level failure into a 502/504 that names the URL (never a stack trace). `service` is the catalog
 * type of the service called: `identity` is worded "Keystone", any other "the <type> service".
 */
export function describeNetworkError(err: unknown, service: string, url: string): HttpError {
  const what = service === 'identity' ? 'Keystone' : `the ${service} service`;
  const code = causeCode(err);
  if (code && TLS_CODES.has(code)) {
    return new HttpError(502, `TLS error talking to ${what} at ${url}: ${code}. Configure the cloud's CA certificate (cacert) or check the certificate.`, {
      text: msg('server.errors.tls', { service, url, code }),
    });
  }
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || code === 'ETIMEDOUT') {
    return new HttpError(504, `${what} at ${url} did not answer in time (${code}).`, { text: msg('server.errors.timeout', { service, url, code }) });
  }
  // A known cause is worded (and translated); any other shows as the system reported it.
  const detail = code ?? causeMessage(err);
  const known = code ? REASONS[code] : undefined;
  const reason = known?.reason ?? (detail ? 'other' : 'unknown');
  const why = known?.english ?? detail ?? 'network error';
  return new HttpError(502, `Cannot reach ${what} at ${url} (${why}).`, { text: msg('server.errors.unreachable', { service, url, reason, detail: detail ?? '' }) });
}

/** fetch() to an OpenStack endpoint of `cloud` (`service`: its catalog type), with the cloud's TLS settings and timeouts. */
export async function osFetch(cloud: CloudConfig, url: string, init: UpstreamInit & { service: string }): Promise<UpstreamResponse> {
  const { service, ...rest } = init;
  try {
    return await undiciFetch(url, { ...rest, dispatcher: agentFor(cloud), redirect: 'manual' });
  } catch (err) {
    throw describeNetworkError(err, service, url);
  }
}
