// Barbican's errors and request helpers shared by the secret and container routes.
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';

export const err = (status: number, description: string) =>
  new HttpError(status, description, status === 406 ? { title: 'Not Acceptable' } : status === 415 ? { title: 'Unsupported Media Type' } : {});
export const schemaError = (schema: string, problem: string, property: string) =>
  err(400, `Provided object does not match schema '${schema}': ${problem}. Invalid property: '${property}'`);
export const secretNotFound = () => err(404, 'Not Found. Provided secret id is invalid.');
export const denied = (operation: string) => err(403, `${operation} attempt not allowed - please review your user/project privileges`);

export async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = (await ctx.rawBody()).toString('utf8');
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw err(400, 'Malformed JSON');
  }
}

export const canCreate = (auth: ProjectAuthInfo) => auth.isAdmin || auth.roleNames.includes('creator');
export const expired = (core: CloudCore, x: { expiration: string | null }) => x.expiration !== null && Date.parse(`${x.expiration}Z`) <= core.clock.now();

/** Barbican's offset/limit envelope: `total`, `next`, `previous`. */
export function pageOf<T>(ctx: RequestContext, key: string, items: T[], render: (x: T) => unknown) {
  const rawLimit = Number(ctx.query.get('limit'));
  const rawOffset = Number(ctx.query.get('offset'));
  const limit = Number.isInteger(rawLimit) && rawLimit > 0 ? Math.min(rawLimit, 100) : 10;
  const offset = Number.isInteger(rawOffset) && rawOffset > 0 ? rawOffset : 0;
  const body: Record<string, unknown> = { [key]: items.slice(offset, offset + limit).map(render) };
  const url = (o: number) => {
    const u = new URL(`${ctx.serviceUrl}/v1/${key}`);
    u.searchParams.set('limit', String(limit));
    u.searchParams.set('offset', String(o));
    return u.toString();
  };
  if (offset + limit < items.length) body.next = url(offset + limit);
  if (offset > 0) body.previous = url(Math.max(0, offset - limit));
  body.total = items.length;
  return body;
}
