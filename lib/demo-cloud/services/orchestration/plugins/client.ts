// Heat's clients of the other services: plain HTTP calls to the demo cloud's own APIs with the stack
// owner's token, so quotas, policies and state machines apply exactly as for any other caller. Failures
// become ResourceFailure with the words Heat's client libraries use (novaclient, neutronclient, cinderclient).
import type { Session } from '../engine/session';
import type { Json, JsonMap } from '../model';

/** A resource action failed: `type` is the client exception's class name (BadRequest, NotFound, ...). */
export class ResourceFailure extends Error {
  constructor(readonly type: string, message: string, readonly status = 0) {
    super(message);
  }
}

export type Service = 'compute' | 'network' | 'volume' | 'image';

const PATHS: Record<Service, (project: string) => string> = {
  compute: () => '/compute/v2.1',
  network: () => '/network/v2.0',
  volume: (p) => `/volume/v3/${p}`,
  image: () => '/image/v2',
};

const NOVA_TYPES: Record<number, string> = { 400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed', 409: 'Conflict', 413: 'OverLimit', 429: 'RateLimit' };

export interface Reply {
  status: number;
  body: JsonMap;
}

function errorText(service: Service, status: number, body: unknown, requestId: string): ResourceFailure {
  const b = (body ?? {}) as Record<string, unknown>;
  if (service === 'network') {
    const e = (b.NeutronError ?? {}) as { type?: string; message?: string };
    const type = status === 404 ? 'NotFound' : status === 409 && e.type === 'OverQuota' ? 'OverQuotaClient' : status === 409 ? 'Conflict' : (NOVA_TYPES[status] ?? 'NeutronClientException');
    return new ResourceFailure(type, `${e.message ?? `HTTP ${status}`}\nNeutron server returns request_ids: ['${requestId}']`, status);
  }
  // Nova and Cinder: {"badRequest": {"message": ..., "code": ...}}; Glance answers text.
  const inner = Object.values(b).find((v) => v && typeof v === 'object') as { message?: string } | undefined;
  const message = inner?.message ?? (typeof body === 'string' ? body.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim() : `HTTP ${status}`);
  return new ResourceFailure(NOVA_TYPES[status] ?? 'ClientException', `${message} (HTTP ${status}) (Request-ID: ${requestId})`, status);
}

export class ServiceClient {
  constructor(private readonly session: Session) {}

  get projectId(): string {
    return this.session.projectId;
  }

  /**
   * Calls `method path` on a service. Answers below 400 are returned; so are the statuses in `accept`
   * (e.g. 404 while deleting); others throw ResourceFailure.
   */
  async call(service: Service, method: string, path: string, body?: Json, opts: { accept?: number[]; headers?: Record<string, string> } = {}): Promise<Reply> {
    const url = `${this.session.base}${PATHS[service](this.session.projectId)}${path}`;
    const headers: Record<string, string> = { 'X-Auth-Token': this.session.token, Accept: 'application/json', ...opts.headers };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    let res: Response;
    try {
      res = await fetch(url, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    } catch (e) {
      throw new ResourceFailure('ConnectFailure', `Unable to establish connection to ${url}: ${(e as Error).message}`);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : {};
    } catch {
      /* text body */
    }
    if (res.status < 400 || opts.accept?.includes(res.status)) return { status: res.status, body: (parsed && typeof parsed === 'object' ? parsed : {}) as JsonMap };
    throw errorText(service, res.status, parsed, res.headers.get('x-openstack-request-id') ?? '');
  }

  get(service: Service, path: string, accept?: number[]) {
    return this.call(service, 'GET', path, undefined, { accept });
  }

  post(service: Service, path: string, body: Json, headers?: Record<string, string>) {
    return this.call(service, 'POST', path, body, { headers });
  }

  put(service: Service, path: string, body: Json) {
    return this.call(service, 'PUT', path, body);
  }

  /** DELETE, where "already gone" (404) counts as done. */
  async remove(service: Service, path: string): Promise<void> {
    await this.call(service, 'DELETE', path, undefined, { accept: [404] });
  }
}
