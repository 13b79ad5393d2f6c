// Manila's microversions (2.0-2.73 on Zed), negotiated from `X-OpenStack-Manila-API-Version` and echoed on
// every answer, errors included; the route modules take a ManilaRouter so each handler sees its version.
import type { ProjectAuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import { uuid } from '../../core/ids';
import type { Reply } from '../../core/reply';
import type { Router } from '../../core/router';

export const MIN_MV = 0;
export const MAX_MV = 73;
const HEADER = 'X-OpenStack-Manila-API-Version';

// Zed leaves the arguments of both version messages unformatted; the demo cloud answers the same text.

/** The request's version as [major, minor]: absent = 2.0 (1.0 under /v1), `latest` = 2.73, 406 outside the range. */
export function negotiate(ctx: RequestContext, v1: boolean): { major: number; minor: number; echo: string } {
  const raw = ctx.header(HEADER)?.trim();
  if (!raw) return v1 ? { major: 1, minor: 0, echo: '1.0' } : { major: 2, minor: 0, echo: '2.0' };
  if (raw.toLowerCase() === 'latest') return { major: 2, minor: MAX_MV, echo: `2.${MAX_MV}` };
  const m = /^(\d+)\.(\d+)$/.exec(raw);
  if (!m) throw new HttpError(400, 'API Version String %(version)s is of invalid format. Must be of format MajorNum.MinorNum.');
  const [major, minor] = [Number(m[1]), Number(m[2])];
  if (major !== 2 || minor > MAX_MV) {
    throw new HttpError(406, 'Version %(req_ver)s is not supported by the API. Minimum is %(min_ver)s and maximum is %(max_ver)s.', { headers: echoHeaders(raw) });
  }
  return { major, minor, echo: `${major}.${minor}` };
}

const echoHeaders = (echo: string) => ({ [HEADER]: echo, Vary: HEADER });

/** What a handler knows about its request. */
export interface View {
  ctx: RequestContext;
  /** Minor part of the negotiated 2.x microversion. */
  mv: number;
  auth: ProjectAuthInfo;
  isAdmin: boolean;
  projectId: string;
  /** This request's `x-compute-request-id` (user messages name it). */
  requestId: string;
}

export type ManilaHandler = (v: View) => Reply | Promise<Reply>;

/** Registers routes under /v2/{project_id}: version negotiation, echo headers, request id, authentication. */
export class ManilaRouter {
  /** `prepare` runs before every API handler (the service settles due transitions there). */
  constructor(
    private readonly router: Router,
    private readonly prepare: () => void,
  ) {}

  /** A route answered without a token (version documents). */
  open(pattern: string, handler: (ctx: RequestContext, echo: string | null) => Reply, v1 = false): this {
    this.router.get(pattern, (ctx) => {
      const reqId = `req-${uuid()}`;
      // The root document is served outside the versioned API: no echo header there.
      if (pattern === '/') return { ...handler(ctx, null), headers: {} };
      const { echo } = negotiate(ctx, v1);
      return { ...handler(ctx, echo), headers: { 'x-compute-request-id': reqId, ...echoHeaders(echo) } };
    });
    return this;
  }

  add(method: string, pattern: string, handler: ManilaHandler): this {
    this.router.add(method, `/v2/{project_id}${pattern}`, async (ctx) => {
      const reqId = `req-${uuid()}`;
      let headers: Record<string, string> = { 'x-compute-request-id': reqId };
      try {
        const { minor, echo } = negotiate(ctx, false);
        headers = { ...headers, ...echoHeaders(echo) };
        const auth = ctx.authProject();
        if (ctx.params.project_id !== auth.project.id) throw new HttpError(400, 'Malformed request url');
        this.prepare();
        const reply = await handler({ ctx, mv: minor, auth, isAdmin: auth.isAdmin, projectId: auth.project.id, requestId: reqId });
        // Manila's empty 202 answers still say application/json.
        if (reply.body === undefined && reply.raw === undefined) headers['content-type'] = 'application/json';
        return { ...reply, headers: { ...headers, ...reply.headers } };
      } catch (err) {
        if (err instanceof HttpError) throw new HttpError(err.status, err.message, { title: err.title, type: err.type, headers: { ...headers, ...err.headers } });
        throw err;
      }
    });
    return this;
  }
  get(p: string, h: ManilaHandler) { return this.add('GET', p, h); }
  post(p: string, h: ManilaHandler) { return this.add('POST', p, h); }
  put(p: string, h: ManilaHandler) { return this.add('PUT', p, h); }
  delete(p: string, h: ManilaHandler) { return this.add('DELETE', p, h); }
}
