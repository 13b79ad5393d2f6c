// Who may act on an account, and the account/container lookups and headers, bound to one
// cloud's state; shared by the account, container and object routes.
import type { AuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { fail, httpDate, metaHeaders, xTimestamp } from './http';
import type { ObjectStoreState, SwiftAccount, SwiftContainer } from './model';

export const parseAccount = (account: string): string | null => (account.startsWith('AUTH_') ? account.slice(5) : null);

export type SwiftAccess = ReturnType<typeof swiftAccess>;

export function swiftAccess(core: CloudCore, s: ObjectStoreState) {
  /** The caller may act on this account (token scoped to it, or a public-read GET/HEAD). */
  const authorize = (ctx: RequestContext, publicRead?: SwiftContainer, listing = false): AuthInfo | null => {
    const projectId = parseAccount(ctx.params.account);
    const auth = ctx.tryAuth();
    const read = publicRead?.read ?? '';
    const isRead = ['GET', 'HEAD'].includes(ctx.method);
    const publicOk = isRead && read.split(',').map((x) => x.trim()).includes('.r:*') && (!listing || read.includes('.rlistings'));
    if (!auth) {
      if (publicOk) return null;
      throw fail(401, { 'Www-Authenticate': 'Swift realm="unknown"' });
    }
    if (!projectId || auth.project?.id !== projectId) {
      if (publicOk) return auth;
      throw fail(403);
    }
    return auth;
  };
  const account = (ctx: RequestContext): SwiftAccount => {
    const id = parseAccount(ctx.params.account) ?? ctx.params.account;
    s.accounts[id] ??= { created: core.clock.now(), meta: {}, containers: {} };
    return s.accounts[id];
  };
  const peekContainer = (ctx: RequestContext): SwiftContainer | undefined => {
    const id = parseAccount(ctx.params.account);
    return id ? s.accounts[id]?.containers[ctx.params.container] : undefined;
  };
  const containerStats = (c: SwiftContainer) => {
    const objs = Object.values(c.objects);
    return { count: objs.length, bytes: objs.reduce((n, o) => n + o.bytes, 0) };
  };
  const accountHeaders = (a: SwiftAccount): Record<string, string> => {
    const cs = Object.values(a.containers).map(containerStats);
    const count = String(Object.keys(a.containers).length);
    const objects = String(cs.reduce((n, c) => n + c.count, 0));
    const bytes = String(cs.reduce((n, c) => n + c.bytes, 0));
    return {
      'X-Account-Container-Count': count,
      'X-Account-Object-Count': objects,
      'X-Account-Bytes-Used': bytes,
      'X-Timestamp': xTimestamp(a.created),
      'X-Account-Storage-Policy-Policy-0-Container-Count': count,
      'X-Account-Storage-Policy-Policy-0-Object-Count': objects,
      'X-Account-Storage-Policy-Policy-0-Bytes-Used': bytes,
      'Accept-Ranges': 'bytes',
      'x-account-project-domain-id': 'default',
      ...metaHeaders('X-Account-Meta-', a.meta),
    };
  };
  const containerHeaders = (c: SwiftContainer): Record<string, string> => {
    const st = containerStats(c);
    return {
      'X-Container-Object-Count': String(st.count),
      'X-Container-Bytes-Used': String(st.bytes),
      'X-Timestamp': xTimestamp(c.created),
      'Last-Modified': httpDate(c.modified),
      'Accept-Ranges': 'bytes',
      'X-Storage-Policy': 'Policy-0',
      ...(c.read ? { 'X-Container-Read': c.read } : {}),
      ...(c.write ? { 'X-Container-Write': c.write } : {}),
      ...metaHeaders('X-Container-Meta-', c.meta),
    };
  };
  const findContainer = (ctx: RequestContext) => {
    const c = account(ctx).containers[ctx.params.container];
    if (!c) throw fail(404);
    return c;
  };

  return { authorize, account, peekContainer, findContainer, containerStats, accountHeaders, containerHeaders };
}
