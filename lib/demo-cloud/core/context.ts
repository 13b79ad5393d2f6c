import type { IncomingMessage } from 'node:http';
import type { z } from 'zod';
import type { AuthInfo, ProjectAuthInfo } from './auth';
import type { CloudCore } from './cloud';
import { badRequest, forbidden, HttpError, unauthorized } from './errors';
import type { ServiceDefinition } from './service';

const MAX_BODY_BYTES = 16 * 1024 * 1024;

/** Everything a route handler needs about one request. */
export class RequestContext {
  private rawBodyPromise: Promise<Buffer> | null = null;
  private authCache: AuthInfo | null | undefined;

  constructor(
    readonly core: CloudCore,
    readonly service: ServiceDefinition,
    readonly req: IncomingMessage,
    /** Full request URL as seen by the client (base URL + path + query). */
    readonly url: URL,
    /** Path relative to the service prefix, e.g. `/v3/projects`. */
    readonly path: string,
    readonly params: Record<string, string>,
    /** `http://host:port` the client reached us at (or the configured public URL). */
    readonly baseUrl: string,
  ) {}

  get method(): string {
    return (this.req.method ?? 'GET').toUpperCase();
  }

  get query(): URLSearchParams {
    return this.url.searchParams;
  }

  /** URL of this service's mount point, e.g. `http://127.0.0.1:5050/identity`. */
  get serviceUrl(): string {
    return `${this.baseUrl}${this.service.prefix}`;
  }

  header(name: string): string | undefined {
    const v = this.req.headers[name.toLowerCase()];
    return Array.isArray(v) ? v[0] : v;
  }

  /** Query flag as OpenStack reads it: present without value, or a truthy value. */
  flag(name: string): boolean {
    if (!this.query.has(name)) return false;
    const v = (this.query.get(name) ?? '').toLowerCase();
    return v === '' || !['0', 'false', 'no', 'off'].includes(v);
  }

  /** The body bytes (read once, lazily, so streaming services can use `req` directly instead). */
  rawBody(): Promise<Buffer> {
    this.rawBodyPromise ??= new Promise<Buffer>((resolve, reject) => {
      const chunks: Buffer[] = [];
      let size = 0;
      this.req.on('data', (c: Buffer) => {
        size += c.length;
        if (size > MAX_BODY_BYTES) {
          reject(new HttpError(413, 'Request body too large'));
          this.req.destroy();
          return;
        }
        chunks.push(c);
      });
      this.req.on('end', () => resolve(Buffer.concat(chunks)));
      this.req.on('error', reject);
    });
    return this.rawBodyPromise;
  }

  /** Parsed JSON body; malformed JSON is a 400 in the service's own error format. */
  async json(): Promise<unknown> {
    const text = (await this.rawBody()).toString('utf8');
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw badRequest(this.service.malformedJsonMessage ?? 'Malformed request body');
    }
  }

  /** JSON body validated by a zod schema; the first issue becomes the 400 message. */
  async body<S extends z.ZodType>(schema: S): Promise<z.output<S>> {
    const parsed = schema.safeParse(await this.json());
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    const field = issue.path.map(String).join('.') || 'body';
    const format = this.service.validationMessage ?? ((f, p) => `Invalid input for field '${f}': ${p}`);
    throw badRequest(format(field, issue.message));
  }

  /** The caller's identity, or null when X-Auth-Token is missing, invalid, expired or revoked. */
  tryAuth(): AuthInfo | null {
    if (this.authCache !== undefined) return this.authCache;
    const token = this.header('x-auth-token');
    this.authCache = token ? this.core.resolveToken(token) : null;
    return this.authCache;
  }

  /** The caller's identity; 401 otherwise (in the service's error format). */
  auth(): AuthInfo {
    const info = this.tryAuth();
    if (!info) throw unauthorized();
    return info;
  }

  /** Like auth(), for project-scoped APIs (Nova, Neutron, Cinder, ...). */
  authProject(): ProjectAuthInfo {
    const info = this.auth();
    if (!info.project) throw forbidden('A project-scoped token is required.');
    return info as ProjectAuthInfo;
  }

  /** Call after mutating state so it gets persisted (the server also does it for POST/PUT/PATCH/DELETE). */
  markDirty(): void {
    this.core.state.markDirty();
  }
}
