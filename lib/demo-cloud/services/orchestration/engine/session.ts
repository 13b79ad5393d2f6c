// The credentials an operation runs with: the token of the request that started it, and the address the
// demo cloud itself listens on. Held in memory only (never in the persisted state, never logged), per
// root stack, as Heat holds a trust: after a restart an unfinished operation has none and fails.
import type { CloudCore } from '../../../core/cloud';
import type { RequestContext } from '../../../core/context';

export interface Session {
  token: string;
  /** http://host:port of this server's own socket, reachable from inside the process. */
  base: string;
  projectId: string;
  /** The Heat endpoint as the caller's catalog shows it (signal URLs). */
  heatUrl: string;
}

const sessions = new WeakMap<CloudCore, Map<string, Session>>();

function table(core: CloudCore): Map<string, Session> {
  let t = sessions.get(core);
  if (!t) sessions.set(core, (t = new Map()));
  return t;
}

/** The caller's session, taken from the request (its token and the socket it reached us on). */
export function sessionFrom(ctx: RequestContext, projectId: string): Session | null {
  const token = ctx.header('x-auth-token');
  const socket = ctx.req.socket;
  if (!token || !socket.localPort) return null;
  const host = socket.localAddress ?? '127.0.0.1';
  const v4 = host.startsWith('::ffff:') ? host.slice(7) : host;
  const base = `http://${v4.includes(':') ? `[${v4}]` : v4}:${socket.localPort}`;
  return { token, base, projectId, heatUrl: `${ctx.serviceUrl}/v1/${projectId}` };
}

export function remember(core: CloudCore, rootStackId: string, session: Session | null): void {
  if (session) table(core).set(rootStackId, session);
}

export function sessionOf(core: CloudCore, rootStackId: string): Session | undefined {
  return table(core).get(rootStackId);
}

export function forget(core: CloudCore, rootStackId: string): void {
  table(core).delete(rootStackId);
}
