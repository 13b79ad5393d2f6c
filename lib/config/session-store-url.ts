// Which session store a dashboard process uses (lib/openstack/session-store.ts), from STRATUS_SESSION_STORE:
// unset or `memory` -> in this process's memory (one process only); `redis://[:password@]host[:port][/db]` or
// `rediss://...` (TLS) -> a Redis or Valkey server shared by every process. Pure, so start-up can check it.

export const SESSION_STORE_ENV = 'STRATUS_SESSION_STORE';

export type SessionStoreConfig = { kind: 'memory' } | { kind: 'redis'; url: string; /** Without the password, for logs. */ display: string };

export function sessionStoreConfig(env: Record<string, string | undefined> = process.env): SessionStoreConfig {
  const raw = env[SESSION_STORE_ENV]?.trim();
  if (!raw || raw === 'memory') return { kind: 'memory' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${SESSION_STORE_ENV} must be "memory" or a redis:// or rediss:// URL (got "${raw.replace(/\/\/[^@/]*@/, '//***@')}")`);
  }
  if (url.protocol !== 'redis:' && url.protocol !== 'rediss:') {
    throw new Error(`${SESSION_STORE_ENV} must be "memory" or a redis:// or rediss:// URL (got a ${url.protocol}// URL)`);
  }
  if (!url.hostname) throw new Error(`${SESSION_STORE_ENV} names no host`);
  const db = url.pathname.replace(/^\//, '');
  if (db && !/^\d+$/.test(db)) throw new Error(`${SESSION_STORE_ENV}: the database after the host must be a number (got "/${db}")`);
  const shown = new URL(url.toString());
  shown.username = '';
  shown.password = '';
  return { kind: 'redis', url: url.toString(), display: shown.toString() };
}
