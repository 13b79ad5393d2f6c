import { afterEach, describe, expect, it, vi } from 'vitest';
import { en } from '@/lib/testing/english';
import { z } from 'zod';
import { HttpError } from './errors';
import { assertSameOrigin, errorResponse, handler, MAX_JSON_BODY, parseJson, said } from './route-helpers';

afterEach(() => vi.unstubAllEnvs());

const Any = z.unknown();
const url = 'http://dash.test/api/auth/login';

/** A streamed (chunked) body of `chunks` copies of `chunk`, without Content-Length; `pulled` counts chunks read. */
function streamed(chunk: string, chunks: number, headers: Record<string, string> = {}) {
  const bytes = new TextEncoder().encode(chunk);
  const state = { pulled: 0, cancelled: false };
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (state.pulled++ >= chunks) c.close();
      else c.enqueue(bytes);
    },
    cancel() {
      state.cancelled = true;
    },
  }, { highWaterMark: 0 });
  return { req: new Request(url, { method: 'POST', body, headers, duplex: 'half' } as RequestInit), state };
}

async function status(p: Promise<unknown>): Promise<number> {
  try {
    await p;
    return 200;
  } catch (e) {
    return e instanceof HttpError ? e.status : -1;
  }
}

describe('parseJson: 64 KB cap on our own routes', () => {
  it('refuses a declared Content-Length over the limit before reading the body', async () => {
    const { req, state } = streamed('x'.repeat(16 * 1024), 640, { 'content-length': String(10 * 1024 * 1024) });
    expect(req.headers.get('content-length')).toBe('10485760');
    const e = await parseJson(req, Any).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(HttpError);
    const body = (e as HttpError).toBody();
    expect(body).toEqual({ error: { status: 413, message: 'Request body too large (limit 64 KB)', text: { key: 'server.errors.bodyTooLarge', values: { limit: 64 } } } });
    expect(en(body.error.text)).toBe(body.error.message);
    expect(state.pulled).toBe(0);
  });

  it('cuts off a chunked body without length once it passes the limit, and stops reading it', async () => {
    const { req, state } = streamed('x'.repeat(16 * 1024), 640);
    expect(await status(parseJson(req, Any))).toBe(413);
    expect(state.pulled).toBeLessThanOrEqual(6);
    expect(state.cancelled).toBe(true);
  });

  it('counts bytes, not characters', async () => {
    // 22,000 three-byte characters: 66,000 bytes.
    const { req } = streamed(`"${'€'.repeat(22_000)}"`, 1);
    expect(await status(parseJson(req, Any))).toBe(413);
  });

  it('parses a body just under the limit, streamed or with its length', async () => {
    const json = JSON.stringify({ pad: 'x'.repeat(MAX_JSON_BODY - 11) });
    expect(json.length).toBe(MAX_JSON_BODY - 1);
    const chunkedOk = streamed(json, 1).req;
    expect(await parseJson(chunkedOk, z.object({ pad: z.string() }))).toEqual({ pad: 'x'.repeat(MAX_JSON_BODY - 11) });
    const withLength = new Request(url, { method: 'POST', body: json, headers: { 'content-length': String(json.length) } });
    expect((await parseJson(withLength, z.object({ pad: z.string() }))).pad).toHaveLength(MAX_JSON_BODY - 11);
    expect(await status(parseJson(streamed(`${json} `, 1).req, Any))).toBe(200);
    expect(await status(parseJson(streamed(`${json}  `, 1).req, Any))).toBe(413);
  });

  it('still answers 400 for malformed JSON and schema failures', async () => {
    expect(await status(parseJson(new Request(url, { method: 'POST', body: '{"a":' }), Any))).toBe(400);
    expect(await status(parseJson(new Request(url, { method: 'POST', body: '' }), Any))).toBe(400);
    await expect(parseJson(new Request(url, { method: 'POST', body: '{"a":1}' }), z.object({ a: z.string() }))).rejects.toBeInstanceOf(z.ZodError);
  });
});

describe('errorResponse: English for every client, catalog messages for the browser', () => {
  it('adds the catalog key of a zod message said() declared, and leaves other messages as they are', async () => {
    const Schema = z.object({ name: z.string().min(1, said('Username is required', 'server.validation.usernameRequired')), size: z.number() });
    const res = errorResponse(Schema.safeParse({ name: '', size: 'x' }).error);
    const { error } = await res.json();
    expect(error.issues[0]).toEqual({ path: 'name', message: 'Username is required', text: 'server.validation.usernameRequired' });
    expect(en(error.issues[0].text)).toBe('Username is required');
    expect(error.issues[1].path).toBe('size');
    expect(error.issues[1].text).toBeUndefined();
    expect(error.text).toBeUndefined();
  });

  it('words an unexpected error without saying what it was', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { error } = await errorResponse(new Error('secret detail')).json();
    expect(error).toEqual({ status: 500, message: 'Internal error in the dashboard', text: 'server.errors.internal' });
    expect(en(error.text)).toBe(error.message);
    vi.restoreAllMocks();
  });
});

describe('assertSameOrigin', () => {
  const post = (headers: Record<string, string>) => new Request(url, { method: 'POST', headers: { host: 'dash.test', 'x-stratus-csrf': '1', ...headers } });
  const forged = { origin: 'https://evil.test', 'x-forwarded-host': 'evil.test', 'x-forwarded-proto': 'https' };

  it('accepts the same origin and refuses another scheme on the same host', () => {
    expect(() => assertSameOrigin(post({ origin: 'http://dash.test' }))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: 'https://dash.test' }))).toThrow(HttpError);
  });

  it('ignores X-Forwarded-Host/-Proto unless STRATUS_TRUST_PROXY=1', () => {
    expect(() => assertSameOrigin(post(forged))).toThrow('Cross-origin');
    vi.stubEnv('STRATUS_TRUST_PROXY', '1');
    expect(() => assertSameOrigin(post(forged))).not.toThrow();
    expect(() => assertSameOrigin(post({ origin: 'http://dash.test', 'x-forwarded-proto': 'https' }))).toThrow('Cross-origin');
  });
});

describe('handler: security headers on every answer', () => {
  it('adds the API CSP to answers and errors, and HSTS only on https', async () => {
    const ok = handler(async () => Response.json({ ok: true }));
    const failing = handler(async () => {
      throw new HttpError(409, 'no');
    });
    const plain = new Request(url, { headers: { host: 'dash.test', 'x-forwarded-proto': 'https' } });
    for (const res of [await ok(plain), await failing(plain)]) {
      expect(res.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'; frame-ancestors 'none'");
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
    vi.stubEnv('STRATUS_TRUST_PROXY', '1');
    expect((await failing(plain)).headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
  });

  it('copes with immutable headers (Response.redirect) and keeps a route\'s own CSP', async () => {
    vi.stubEnv('STRATUS_SECURE_COOKIES', '1');
    const redirect = await handler(async () => Response.redirect('http://dash.test/login', 303))(new Request(url));
    expect(redirect.status).toBe(303);
    expect(redirect.headers.get('location')).toBe('http://dash.test/login');
    expect(redirect.headers.get('strict-transport-security')).toBe('max-age=63072000; includeSubDomains');
    const own = await handler(async () => new Response('x', { headers: { 'content-security-policy': "default-src 'self'" } }))(new Request(url));
    expect(own.headers.get('content-security-policy')).toBe("default-src 'self'");
  });
});
