import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REGIONS } from './core/catalog';
import { Clock } from './core/clock';
import { CloudCore, type CloudOptions } from './core/cloud';
import { RequestContext } from './core/context';
import { HttpError } from './core/errors';
import type { Reply } from './core/reply';
import { Router } from './core/router';
import type { ServiceDefinition } from './core/service';
import { RegionalStateStore, StateStore } from './core/state';
import { defaultServices } from './services';

export interface DemoCloudOptions {
  host?: string;
  /** 0 picks a free port. */
  port?: number;
  /** Transition speed factor (see core/clock.ts). */
  speed?: number;
  /** Directory for state.json; omitted = memory only. */
  stateDir?: string;
  tokenTtlSeconds?: number;
  seedProjects?: number;
  seedServers?: number;
  /** Failure injection for tests (`--failure-fixtures`): off by default so nothing traps a presenter. */
  failureFixtures?: boolean;
  /** Catalog types to leave out (a cloud without, say, object storage); identity always stays. */
  omitServices?: readonly string[];
  /** Base URL put in catalogs instead of the request's Host (e.g. behind a reverse proxy). */
  publicUrl?: string;
  /** Time source, for tests. */
  now?: () => number;
  /** One line per request when set. */
  log?: (line: string) => void;
  services?: readonly ServiceDefinition[];
}

export interface DemoCloud {
  /** `http://host:port` */
  url: string;
  /** Keystone v3 auth URL, `http://host:port/identity/v3` */
  authUrl: string;
  port: number;
  core: CloudCore;
  close(): Promise<void>;
}

interface Mounted {
  service: ServiceDefinition;
  router: Router;
}

export async function startDemoCloud(opts: DemoCloudOptions = {}): Promise<DemoCloud> {
  const host = opts.host ?? '127.0.0.1';
  const options: CloudOptions = {
    tokenTtlSeconds: opts.tokenTtlSeconds ?? 3600,
    seedProjects: opts.seedProjects ?? 0,
    seedServers: opts.seedServers ?? 0,
    dataDir: opts.stateDir ? path.join(opts.stateDir, 'data') : mkdtempSync(path.join(tmpdir(), 'demo-cloud-data-')),
    publicUrl: opts.publicUrl?.replace(/\/+$/, ''),
    failureFixtures: opts.failureFixtures ?? false,
  };
  const services = (opts.services ?? defaultServices).filter((s) => s.type === 'identity' || !opts.omitServices?.includes(s.type));
  const core = new CloudCore(new StateStore(opts.stateDir), new Clock(opts.speed ?? 1, opts.now), options, services);

  const mounted = mount(core, services);
  // Every further region: the same services on a state of their own (Keystone's shared), under `/<region>`.
  const regions: Region[] = REGIONS.slice(1).map((region) => {
    const dataDir = path.join(options.dataDir, region);
    mkdirSync(dataDir, { recursive: true });
    const state = new RegionalStateStore(core.state, ['identity'], opts.stateDir ? path.join(opts.stateDir, region) : undefined);
    const regionCore = new CloudCore(state, core.clock, { ...options, dataDir }, services);
    const regionMounted = mount(regionCore, services).filter((m) => m.service.type !== 'identity');
    // Tokens are Keystone's, one for the cloud: the region's services resolve them there.
    regionCore.setTokenResolver((token) => core.resolveToken(token));
    return { prefix: `/${region}`, core: regionCore, mounted: regionMounted };
  });

  const server = createServer((req, res) => {
    const started = Date.now();
    const reqPath = (req.url ?? '/').split('?')[0];
    const region = regions.find((r) => reqPath.startsWith(`${r.prefix}/`));
    void (region ? handle(region.core, region.mounted, host, req, res, region.prefix) : handle(core, mounted, host, req, res, '')).finally(() => {
      opts.log?.(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 5050, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = options.publicUrl ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  return {
    url,
    authUrl: `${url}/identity/v3`,
    port,
    core,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      for (const r of regions) await r.core.state.flush();
      await core.state.flush();
    },
  };
}

interface Region {
  /** `/RegionTwo`: where the region's services are mounted. */
  prefix: string;
  core: CloudCore;
  mounted: Mounted[];
}

/** The services set up on a core, longest prefix first so `/volume/v3` would win over `/volume`. */
function mount(core: CloudCore, services: readonly ServiceDefinition[]): Mounted[] {
  return services
    .map((service) => {
      const router = new Router();
      service.setup(core, router);
      return { service, router };
    })
    .sort((a, b) => b.service.prefix.length - a.service.prefix.length);
}

/** One request to a region's services; `prefix` is the region's path (`` for the first region). */
async function handle(core: CloudCore, mounted: Mounted[], host: string, req: IncomingMessage, res: ServerResponse, prefix: string) {
  const requestId = `req-${randomUUID()}`;
  const origin = core.options.publicUrl ?? `http://${req.headers.host ?? host}`;
  // The region's services build their links under its prefix, as under another host.
  const baseUrl = `${origin}${prefix}`;
  let url: URL;
  try {
    url = new URL(req.url ?? '/', origin);
  } catch {
    return send(res, { status: 400, body: { error: { code: 400, title: 'Bad Request', message: 'Invalid URL' } } }, requestId, 'HEAD');
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const path = url.pathname.slice(prefix.length);
  const entry = mounted.find(({ service }) => path === service.prefix || path.startsWith(`${service.prefix}/`));
  if (!entry) {
    if (path === '/' || path === '') {
      return send(res, { status: 200, body: rootDocument(core, baseUrl) }, requestId, method);
    }
    const body = { error: { code: 404, title: 'Not Found', message: `No service is mounted at ${path}` } };
    return send(res, { status: 404, body }, requestId, method);
  }

  const { service, router } = entry;
  const rel = path.slice(service.prefix.length) || '/';
  let reply: Reply;
  let failure: HttpError | null = null;
  try {
    const match = router.match(method, rel);
    if (match.kind === 'not-found') throw new HttpError(404, `The resource could not be found.`);
    if (match.kind === 'method-not-allowed') {
      throw new HttpError(405, `The method ${method} is not allowed for the requested URL.`, {
        headers: { Allow: match.allowed.join(', ') },
      });
    }
    const ctx = new RequestContext(core, service, req, url, rel, match.params, baseUrl);
    reply = await match.handler(ctx);
    if (!['GET', 'HEAD'].includes(method)) core.state.markDirty();
  } catch (err) {
    failure = err instanceof HttpError ? err : new HttpError(500, 'An unexpected error prevented the server from fulfilling your request.');
    if (!(err instanceof HttpError)) console.error(`[demo-cloud] ${method} ${path}:`, err);
    const errBody = service.errorBody(failure);
    // A string error body is sent as text/html (Glance's webob error pages).
    reply = typeof errBody === 'string'
      ? { status: failure.status, raw: errBody, contentType: 'text/html; charset=UTF-8', headers: failure.headers }
      : { status: failure.status, body: errBody, headers: failure.headers };
  }
  const extra = service.responseHeaders?.(failure, baseUrl) ?? {};
  send(res, { ...reply, headers: { ...extra, ...reply.headers } }, requestId, method);
}

function send(res: ServerResponse, reply: Reply, requestId: string, method: string) {
  const headers: Record<string, string> = { 'x-openstack-request-id': requestId, ...reply.headers };
  let payload: string | Buffer | undefined;
  if (reply.stream) {
    const stream = reply.stream;
    headers['content-type'] ??= reply.contentType ?? 'application/octet-stream';
    res.writeHead(reply.status, headers);
    if (method === 'HEAD') {
      (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
      res.end();
    } else {
      stream.on('error', () => res.destroy());
      stream.pipe(res);
    }
    return;
  }
  if (reply.raw !== undefined) {
    payload = reply.raw;
    headers['content-type'] ??= reply.contentType ?? 'application/octet-stream';
  } else if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers['content-type'] ??= reply.contentType ?? 'application/json';
  }
  headers['content-length'] = String(payload === undefined ? 0 : Buffer.byteLength(payload));
  res.writeHead(reply.status, headers);
  // HEAD keeps the GET headers (content-length included) but never a body.
  res.end(method === 'HEAD' || reply.status === 204 || reply.status === 304 ? undefined : payload);
}

/** `GET /`: what is mounted where (not an OpenStack API; handy for humans and scripts). */
function rootDocument(core: CloudCore, baseUrl: string) {
  return {
    name: 'Stratus demo cloud',
    auth_url: `${baseUrl}/identity/v3`,
    services: core.services.map((s) => ({ type: s.type, name: s.name, url: `${baseUrl}${s.endpointPath}` })),
  };
}
