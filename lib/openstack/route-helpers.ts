// Helpers shared by route handlers: zod-validated JSON input (size-capped), the CSRF check, one error-to-response
// mapping and the security headers of every answer.
import 'server-only';
import { z } from 'zod';
import { API_CSP, HSTS } from '@/lib/security/headers';
import { msg, type MsgKey } from '@/lib/i18n/msg';
import { HttpError, internalError } from './errors';
import { isHttpsRequest, requestOrigin } from './forwarded';
import { csrfRefusal } from './proxy-rules';

/** Our own routes take small JSON bodies (credentials, a project id); anything bigger is refused unparsed. */
export const MAX_JSON_BODY = 64 * 1024;

function tooLarge(bytes: number): HttpError {
  const limit = Math.round(bytes / 1024);
  return new HttpError(413, `Request body too large (limit ${limit} KB)`, { text: msg('server.errors.bodyTooLarge', { limit }) });
}

/**
 * The body as text, at most `limit` bytes: a declared Content-Length above it is refused before reading, and a body
 * without one (chunked) is counted while it streams and cut off at the limit.
 */
export async function readCapped(req: Request, limit: number): Promise<string> {
  const declared = req.headers.get('content-length')?.trim();
  if (declared && /^\d+$/.test(declared) && Number(declared) > limit) throw tooLarge(limit);
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    let part: ReadableStreamReadResult<Uint8Array>;
    try {
      part = await reader.read();
    } catch {
      throw new HttpError(400, 'Request body could not be read', { text: 'server.errors.bodyUnreadable' });
    }
    if (part.done) break;
    size += part.value.byteLength;
    if (size > limit) {
      void reader.cancel().catch(() => {});
      throw tooLarge(limit);
    }
    chunks.push(part.value);
  }
  return new TextDecoder().decode(Buffer.concat(chunks));
}

/** The catalog keys of our routes' zod messages, by their English (see `said`). */
const ISSUE_TEXT = new Map<string, MsgKey>();

/**
 * A zod message of our routes' schemas: the English the API answers in `issues[].message`, known with its catalog
 * key, which errorResponse adds as `issues[].text` for the browser to translate. `z.string().min(1, said(...))`.
 */
export function said(english: string, key: MsgKey): { error: string } {
  ISSUE_TEXT.set(english, key);
  return { error: english };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof HttpError) return Response.json(e.toBody(), { status: e.status, headers: { 'cache-control': 'no-store' } });
  if (e instanceof z.ZodError) {
    const issues = e.issues.map((i) => {
      const text = ISSUE_TEXT.get(i.message);
      return { path: i.path.join('.'), message: i.message, ...(text ? { text } : {}) };
    });
    const message = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
    return Response.json({ error: { status: 400, message, issues } }, { status: 400 });
  }
  // Unexpected: log the error class and message only (no request bodies, no tokens).
  console.error('stratus: unexpected error:', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
  return Response.json(internalError().toBody(), { status: 500 });
}

/** Parse a JSON request body with a zod schema; malformed JSON and schema failures become 400s, over `limit` a 413. */
export async function parseJson<T extends z.ZodType>(req: Request, schema: T, limit = MAX_JSON_BODY): Promise<z.infer<T>> {
  const text = await readCapped(req, limit);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Request body must be valid JSON');
  }
  return schema.parse(data);
}

/** Refuse cross-site mutations of the dashboard's own API (login, logout, switch...). */
export function assertSameOrigin(req: Request): void {
  const refusal = csrfRefusal(req.method, req.headers, requestOrigin(req.headers));
  if (refusal) throw new HttpError(403, refusal);
}

/**
 * API answers render nothing (API_CSP, unless a route set its own CSP) and carry HSTS on https. Headers of a
 * Response.redirect() are immutable: such an answer is copied first.
 */
export function withSecurityHeaders(req: Request, res: Response): Response {
  const extra: Record<string, string> = {};
  if (!res.headers.has('content-security-policy')) extra['content-security-policy'] = API_CSP;
  if (isHttpsRequest(req.headers)) extra['strict-transport-security'] = HSTS;
  try {
    for (const [k, v] of Object.entries(extra)) res.headers.set(k, v);
    return res;
  } catch {
    const copy = new Response(res.body, res);
    for (const [k, v] of Object.entries(extra)) copy.headers.set(k, v);
    return copy;
  }
}

/** Wrap a route handler so that every thrown error becomes our JSON error body, and every answer gets its headers. */
export function handler<A extends unknown[]>(fn: (req: Request, ...args: A) => Promise<Response>) {
  return async (req: Request, ...args: A): Promise<Response> => {
    let res: Response;
    try {
      res = await fn(req, ...args);
    } catch (e) {
      res = errorResponse(e);
    }
    return withSecurityHeaders(req, res);
  };
}
