// The dashboard's server: `npm start` (after `npm run build`), `npm run demo`, the benchmarks.
// One node:http server in one process. /api/os/* (the authenticated OpenStack proxy) is answered directly by
// lib/openstack/proxy-node.ts, outside Next's request pipeline, which costs 3-5 ms per request; everything
// else (pages, assets, /api/auth/*) goes to Next's request handler. The route handler app/api/os/... stays as
// the fallback used by `next dev` and shares its core with the fast path (lib/openstack/proxy.ts).
//
//   tsx lib/server/main.ts [-H <hostname>] [-p <port>] [--dev]
//
// Options like `next start`: hostname (default: all interfaces), port (default: $PORT or 3000). --dev runs Next
// in development mode (Turbopack, hot reload of pages; the fast path itself is not reloaded).
import './server-only';
import http from 'node:http';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { checkStartup } from '@/lib/config/startup';
import { CLIENT_IP_HEADER } from '@/lib/openstack/forwarded';

const { values } = parseArgs({
  options: {
    hostname: { type: 'string', short: 'H' },
    port: { type: 'string', short: 'p' },
    dev: { type: 'boolean', default: false },
  },
});

const dev = values.dev ?? false;
const hostname = values.hostname;
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`stratus: invalid port "${values.port ?? process.env.PORT}"`);
  process.exit(2);
}
// Before Next is loaded: it picks React's production or development build from NODE_ENV.
(process.env as Record<string, string>).NODE_ENV ??= dev ? 'development' : 'production';
process.env.NEXT_TELEMETRY_DISABLED ??= '1';

const root = path.resolve(__dirname, '..', '..');

type HeaderRule = { source: string; headers: { key: string; value: string }[] };

/** The headers next.config.js adds to every path, so the fast path answers with the same ones. */
async function globalHeaders(): Promise<Record<string, string>> {
  const config = (await import(path.join(root, 'next.config.js'))) as { default?: { headers?: () => Promise<HeaderRule[]> } };
  const rules = (await config.default?.headers?.()) ?? [];
  const out: Record<string, string> = {};
  for (const rule of rules) if (rule.source === '/:path*') for (const h of rule.headers) out[h.key.toLowerCase()] = h.value;
  return out;
}

async function main() {
  // Malformed clouds.yaml or SESSION_SECRET: stop now. Also creates the generated session secret, if any,
  // before either half of the process reads it.
  checkStartup();
  const { default: next } = await import('next');
  const server = http.createServer();
  const app = next({ dev, dir: root, hostname: hostname ?? 'localhost', port, httpServer: server });
  const handle = app.getRequestHandler();
  await app.prepare();
  const { createOsProxyHandler } = await import('@/lib/openstack/proxy-node');
  const handleOsProxy = createOsProxyHandler({ extraHeaders: await globalHeaders() });

  server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    // The socket's address, for throttling and logs (lib/openstack/forwarded.ts); a client's own value never counts.
    req.headers[CLIENT_IP_HEADER] = req.socket.remoteAddress ?? '';
    const done = req.url?.startsWith('/api/os/') ? handleOsProxy(req, res) : handle(req, res);
    done.catch((e: unknown) => {
      console.error('stratus: unexpected error:', e instanceof Error ? `${e.name}: ${e.message}` : String(e));
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'application/json' });
      res.end();
    });
  });
  // Like `next start`: slow clients and keep-alive connections from a reverse proxy.
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, resolve);
  });
  const shown = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost';
  console.log(`stratus: ready on http://${shown.includes(':') ? `[${shown}]` : shown}:${port} (${dev ? 'development' : 'production'}; /api/os served by the fast path)`);

  let closing = false;
  const stop = () => {
    if (closing) return;
    closing = true;
    server.close();
    server.closeIdleConnections();
    void app.close().finally(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(`stratus: cannot start: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
