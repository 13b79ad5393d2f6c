// The proxy's fast path: /api/os/* served straight from node:http by the custom server (lib/server/main.ts),
// outside Next's request pipeline. Same core as the route handler (proxyCall in proxy.ts); the session comes
// from the raw Cookie header (session-cookie.ts). Node streams and header objects end to end.
import 'server-only';
import { EventEmitter } from 'node:events';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';
import { NodeHeaders, proxyCall } from './proxy';
import { requireSessionFromCookie } from './session-cookie';

export type FastPathOptions = {
  /** Headers added to every answer, like next.config.js headers() does for Next's own routes. */
  extraHeaders?: Record<string, string>;
};

function carriesBody(req: IncomingMessage): boolean {
  const len = req.headers['content-length'];
  return req.headers['transfer-encoding'] !== undefined || (len !== undefined && len !== '0');
}

export function createOsProxyHandler(opts: FastPathOptions = {}) {
  const extra = opts.extraHeaders ?? {};
  return async function handleOsProxy(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const headers = new NodeHeaders(req.headers).asHeaders();
    // The browser went away before we finished: stop the upstream call. An EventEmitter rather than an
    // AbortController: undici accepts both, and AbortController/DOMException showed up in the profile.
    const gone = new EventEmitter();
    res.once('close', () => {
      if (!res.writableFinished) gone.emit('abort');
    });
    const reply = await proxyCall(
      {
        method: req.method ?? 'GET',
        pathname: q < 0 ? url : url.slice(0, q),
        search: q < 0 ? '' : url.slice(q),
        headers,
        body: () => (carriesBody(req) ? req : null),
        signal: gone,
      },
      () => requireSessionFromCookie(req.headers.cookie),
    );
    if (res.destroyed) {
      // The browser left while the upstream answered: drop the body. undici errors an aborted body with
      // UND_ERR_ABORTED; without a listener that error would be an uncaught exception in the server.
      if (reply.body && typeof reply.body !== 'string') {
        reply.body.once('error', () => {});
        reply.body.destroy();
      }
      return;
    }
    const out: Record<string, string> = { ...extra, ...reply.headers };
    if (typeof reply.body === 'string') out['content-length'] = String(Buffer.byteLength(reply.body));
    else if (reply.length !== undefined) out['content-length'] = reply.length;
    res.writeHead(reply.status, out);
    if (reply.body === null) res.end();
    else if (typeof reply.body === 'string') res.end(reply.body);
    else pipeBody(reply.body, res);
  };
}

/**
 * body.pipe(res) plus the clean-up stream.pipeline would do: an upstream failure cuts the answer short (the
 * browser sees a truncated response, never a silent success), and a browser that disconnects mid-stream
 * destroys the upstream body and so its connection. Not pipeline() itself: it allocates an AbortController
 * and a DOMException per call, which showed up in the fast path's profile.
 */
function pipeBody(body: Readable, res: ServerResponse): void {
  body.once('error', () => res.destroy());
  res.once('close', () => {
    if (!body.readableEnded) body.destroy();
  });
  body.pipe(res);
}
