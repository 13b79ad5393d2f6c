// Helpers shared by route handlers: zod-validated JSON input and one error-to-response mapping.
import 'server-only';
import { z } from 'zod';
import { HttpError } from './errors';
import { csrfRefusal } from './proxy-rules';

export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) return Response.json(e.toBody(), { status: e.status, headers: { 'cache-control': 'no-store' } });
  if (e instanceof z.ZodError) {
    const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return Response.json({ error: { status: 400, message, issues } }, { status: 400 });
  }
  // Unexpected: log the error class and message only (no request bodies, no tokens).
  console.error('stratus: unexpected error:', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  return Response.json({ error: { status: 500, message: 'Internal error in the dashboard' } }, { status: 500 });
}

/** Parse a JSON request body with a zod schema; malformed JSON and schema failures become 400s. */
export async function parseJson<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  let data: unknown;
  try {
    data = await req.json();
  } catch {
    throw new HttpError(400, 'Request body must be valid JSON');
  }
  return schema.parse(data);
}

/** Refuse cross-site mutations of the dashboard's own API (login, logout, switch...). */
export function assertSameOrigin(req: Request): void {
  const host = req.headers.get('x-forwarded-host') ?? req.headers.get('host');
  const refusal = csrfRefusal(req.method, req.headers, host);
  if (refusal) throw new HttpError(403, refusal);
}

/** Wrap a route handler so that every thrown error becomes our JSON error body. */
export function handler<A extends unknown[]>(fn: (req: Request, ...args: A) => Promise<Response>) {
  return async (req: Request, ...args: A): Promise<Response> => {
    try {
      return await fn(req, ...args);
    } catch (e) {
      return errorResponse(e);
    }
  };
}
