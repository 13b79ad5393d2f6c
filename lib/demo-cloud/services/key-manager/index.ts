// Barbican v1 (key manager), mounted at /key-manager: secrets (with payloads), containers,
// microversions 1.0-1.1. Payloads are stored base64-encoded in the state and never logged.
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import { stableUuid, uuid } from '../../core/ids';
import type { Handler, Router } from '../../core/router';
import { defineService } from '../../core/service';
import { seedProjectId, seedUserId } from '../identity/seed';

const MIN_VERSION = [1, 0] as const;
const MAX_VERSION = [1, 1] as const;

export const SECRET_TYPES = ['symmetric', 'passphrase', 'private', 'public', 'certificate', 'opaque'] as const;
const CONTENT_TYPES = ['text/plain', 'text/plain;charset=utf-8', 'text/plain; charset=utf-8', 'application/octet-stream', 'application/pkcs8'];
const CONTAINER_TYPES = ['generic', 'rsa', 'certificate'];

export interface Secret {
  id: string;
  project_id: string;
  name: string | null;
  secret_type: string;
  expiration: string | null;
  algorithm: string | null;
  bit_length: number | null;
  mode: string | null;
  creator_id: string;
  created: string;
  updated: string;
  /** The stored content type, or null before a payload is PUT. */
  content_type: string | null;
  /** base64 of the payload bytes. */
  payload: string | null;
  /** User metadata (GET/PUT /v1/secrets/{id}/metadata); keys are stored lowercased, as Barbican does. */
  metadata?: Record<string, string>;
}

export interface SecretContainer {
  id: string;
  project_id: string;
  name: string | null;
  type: string;
  creator_id: string;
  created: string;
  updated: string;
  secret_refs: Array<{ name: string | null; secret_id: string }>;
}

export interface KeyManagerState {
  secrets: Secret[];
  containers: SecretContainer[];
}

/** Barbican's timestamps: 2026-11-25T14:33:22 */
const bTime = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '');

function seed(now: number): KeyManagerState {
  const t = bTime(now);
  return {
    secrets: [
      {
        id: stableUuid('secret', 'demo-secret'),
        project_id: seedProjectId('demo'),
        name: 'demo-secret',
        secret_type: 'passphrase',
        expiration: null,
        algorithm: null,
        bit_length: null,
        mode: null,
        creator_id: seedUserId('demo'),
        created: t,
        updated: t,
        content_type: 'text/plain',
        payload: Buffer.from('correct horse battery staple').toString('base64'),
      },
    ],
    containers: [],
  };
}

const err = (status: number, description: string) =>
  new HttpError(status, description, status === 406 ? { title: 'Not Acceptable' } : status === 415 ? { title: 'Unsupported Media Type' } : {});
const schemaError = (schema: string, problem: string, property: string) =>
  err(400, `Provided object does not match schema '${schema}': ${problem}. Invalid property: '${property}'`);
const secretNotFound = () => err(404, 'Not Found. Provided secret id is invalid.');
const denied = (operation: string) => err(403, `${operation} attempt not allowed - please review your user/project privileges`);

class UnacceptableVersion extends Error {}

/** webob's 406 page, what Barbican answers to a version outside 1.0-1.1. */
const unacceptablePage = (v: string) =>
  `<html>\n <head>\n  <title>406 Not Acceptable</title>\n </head>\n <body>\n  <h1>406 Not Acceptable</h1>\n  The resource could not be generated that was acceptable to your browser\n(content of type */*. <br /><br />\nInvalid microversion: Unacceptable version header: ${v}\n </body>\n</html>`;

/** Parses `OpenStack-API-Version: key-manager X.Y` (absent = 1.0, `latest` = 1.1); 406 outside the range. */
function negotiate(ctx: RequestContext): string {
  const raw = ctx.header('openstack-api-version');
  if (!raw) return '1.0';
  const m = raw.trim().match(/^key-manager\s+(\S+)$/i);
  if (!m) return '1.0';
  if (m[1].toLowerCase() === 'latest') return `${MAX_VERSION[0]}.${MAX_VERSION[1]}`;
  const v = m[1].match(/^(\d+)\.(\d+)$/);
  const ok =
    v &&
    (Number(v[1]) > MIN_VERSION[0] || (Number(v[1]) === MIN_VERSION[0] && Number(v[2]) >= MIN_VERSION[1])) &&
    (Number(v[1]) < MAX_VERSION[0] || (Number(v[1]) === MAX_VERSION[0] && Number(v[2]) <= MAX_VERSION[1]));
  if (!ok) throw new UnacceptableVersion(m[1]);
  return `${Number(v[1])}.${Number(v[2])}`;
}

/** Wraps a handler: negotiated microversion echoed on the reply and on errors. */
function mv(handler: Handler): Handler {
  return async (ctx) => {
    let version: string;
    try {
      version = negotiate(ctx);
    } catch (e) {
      if (!(e instanceof UnacceptableVersion)) throw e;
      const accept = ctx.header('accept') ?? '*/*';
      if (accept.includes('application/json')) {
        const message = `The resource could not be generated that was acceptable to your browser\n(content of type ${accept}. <br /><br />\nInvalid microversion: Unacceptable version header: ${e.message}`;
        return { status: 406, body: { message, code: '406 Not Acceptable', title: 'Not Acceptable' } };
      }
      return { status: 406, raw: unacceptablePage(e.message), contentType: 'text/html; charset=UTF-8' };
    }
    const headers = { 'openstack-api-version': `key-manager ${version}`, vary: 'openstack-api-version' };
    try {
      const reply = await handler(ctx);
      return { ...reply, headers: { ...headers, ...reply.headers } };
    } catch (e) {
      if (e instanceof HttpError) throw new HttpError(e.status, e.message, { title: e.title, type: e.type, headers: { ...headers, ...e.headers } });
      throw e;
    }
  };
}

async function readJson(ctx: RequestContext): Promise<Record<string, unknown>> {
  const text = (await ctx.rawBody()).toString('utf8');
  try {
    const v = JSON.parse(text) as unknown;
    if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Error('not an object');
    return v as Record<string, unknown>;
  } catch {
    throw err(400, 'Malformed JSON');
  }
}

const canCreate = (auth: ProjectAuthInfo) => auth.isAdmin || auth.roleNames.includes('creator');
const expired = (core: CloudCore, x: { expiration: string | null }) => x.expiration !== null && Date.parse(`${x.expiration}Z`) <= core.clock.now();

function normalType(ct: string): string {
  return ct.toLowerCase().startsWith('text/plain') ? 'text/plain' : ct.toLowerCase();
}

function decodePayload(payload: string, contentType: string, encoding: string | undefined): Buffer {
  if (normalType(contentType) === 'text/plain') return Buffer.from(payload, 'utf8');
  if (encoding === 'base64') return Buffer.from(payload, 'base64');
  return Buffer.from(payload, 'binary');
}

/** Does Accept allow the payload out? Barbican serves text/plain and octet-stream secrets as either. */
function payloadContentType(accept: string | undefined, stored: string): string {
  const a = (accept ?? '*/*').split(',')[0].trim().toLowerCase();
  if (a === '*/*' || a === '') return '*/*';
  if (a.startsWith('text/plain')) return 'text/plain; charset=UTF-8';
  if (a === 'application/octet-stream') return 'application/octet-stream';
  if (a === 'application/pkcs8' && stored === 'application/pkcs8') return a;
  throw err(406, 'Secret payload retrieval issue seen - Wrong payload content-type.');
}

function parseFilterDate(ctx: RequestContext, field: string, value: string | null): boolean {
  const spec = ctx.query.get(field);
  if (spec === null) return true;
  if (value === null) return false;
  const have = Date.parse(`${value}Z`);
  return spec.split(',').every((part) => {
    const m = part.match(/^(gt|gte|lt|lte):(.+)$/);
    const op = m ? m[1] : 'eq';
    const when = Date.parse(m ? m[2] : part);
    if (Number.isNaN(when)) throw err(400, `Invalid date for '${field}'`);
    return { gt: have > when, gte: have >= when, lt: have < when, lte: have <= when, eq: have === when }[op];
  });
}

/** Barbican's offset/limit envelope: `total`, `next`, `previous`. */
function pageOf<T>(ctx: RequestContext, key: string, items: T[], render: (x: T) => unknown) {
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

function secretRoutes(r: Router, core: CloudCore, s: KeyManagerState): void {
  const secretRef = (ctx: RequestContext, id: string) => `${ctx.serviceUrl}/v1/secrets/${id}`;
  const render = (ctx: RequestContext, x: Secret) => ({
    ...renderSecretHead(x),
    // Secret consumers arrived with microversion 1.1.
    ...(negotiate(ctx) === '1.1' ? { consumers: [] } : {}),
    ...(x.content_type ? { content_types: { default: x.content_type } } : {}),
    secret_ref: secretRef(ctx, x.id),
  });
  const renderSecretHead = (x: Secret) => ({
    created: x.created,
    updated: x.updated,
    status: 'ACTIVE',
    name: x.name,
    secret_type: x.secret_type,
    expiration: x.expiration,
    algorithm: x.algorithm,
    bit_length: x.bit_length,
    mode: x.mode,
    creator_id: x.creator_id,
  });
  /** The caller's secret; another project's secret is a 403 naming the operation, as Barbican's policy answers. */
  const find = (ctx: RequestContext, operation = 'Secret retrieval'): { auth: ProjectAuthInfo; secret: Secret } => {
    const auth = ctx.authProject();
    const secret = s.secrets.find((x) => x.id === ctx.params.secret_id && !expired(core, x));
    if (!secret) throw secretNotFound();
    if (secret.project_id !== auth.project.id) throw denied(operation);
    return { auth, secret };
  };
  const payloadReply = (ctx: RequestContext, secret: Secret) => {
    if (secret.payload === null || secret.content_type === null) throw err(404, 'Not Found. Sorry but your secret has no payload.');
    const contentType = payloadContentType(ctx.header('accept'), secret.content_type);
    return { status: 200, raw: Buffer.from(secret.payload, 'base64'), contentType };
  };

  r.get('/v1/secrets', mv((ctx) => {
    const auth = ctx.authProject();
    const q = ctx.query;
    let items = s.secrets.filter((x) => x.project_id === auth.project.id && !expired(core, x));
    const eq = (param: string, get: (x: Secret) => unknown) => {
      const want = q.get(param);
      if (want !== null && want !== '') items = items.filter((x) => String(get(x) ?? '').toLowerCase() === want.toLowerCase());
    };
    eq('name', (x) => x.name);
    eq('alg', (x) => x.algorithm);
    eq('mode', (x) => x.mode);
    eq('bits', (x) => x.bit_length);
    eq('secret_type', (x) => x.secret_type);
    items = items.filter((x) => parseFilterDate(ctx, 'created', x.created) && parseFilterDate(ctx, 'updated', x.updated) && parseFilterDate(ctx, 'expiration', x.expiration));
    const sort = q.get('sort');
    if (sort) {
      const keys = sort.split(',').map((k) => {
        const [field, dir = 'asc'] = k.split(':');
        if (!['created', 'updated', 'expiration', 'name', 'algorithm', 'mode', 'bit_length', 'secret_type'].includes(field) || !['asc', 'desc'].includes(dir)) {
          throw err(400, `Invalid sort parameter: ${k}`);
        }
        return { field: field as keyof Secret, dir };
      });
      items = [...items].sort((a, b) => {
        for (const { field, dir } of keys) {
          const c = String(a[field] ?? '').localeCompare(String(b[field] ?? ''), undefined, { numeric: true });
          if (c !== 0) return dir === 'desc' ? -c : c;
        }
        return 0;
      });
    }
    return { status: 200, body: pageOf(ctx, 'secrets', items, (x) => render(ctx, x)) };
  }));

  r.post('/v1/secrets', mv(async (ctx) => {
    const auth = ctx.authProject();
    if (!canCreate(auth)) throw err(403, 'Secret creation attempt not allowed - please review your user/project privileges');
    const body = await readJson(ctx);
    const str = (f: string) => {
      const v = body[f];
      if (v !== undefined && v !== null && typeof v !== 'string') throw schemaError('Secret', `${JSON.stringify(v)} is not of type 'string'`, f);
      return (v as string | null | undefined) ?? null;
    };
    const name = str('name');
    const algorithm = str('algorithm');
    const mode = str('mode');
    const payload = str('payload');
    const contentType = str('payload_content_type');
    const encoding = str('payload_content_encoding');
    const secretType = str('secret_type') ?? 'opaque';
    if (name !== null && name.length > 255) throw schemaError('Secret', `'${name}' is too long`, 'name');
    if (!(SECRET_TYPES as readonly string[]).includes(secretType)) {
      throw schemaError('Secret', `'${secretType}' is not one of ['symmetric', 'passphrase', 'private', 'public', 'certificate', 'opaque']`, 'secret_type');
    }
    let bitLength: number | null = null;
    if (body.bit_length !== undefined && body.bit_length !== null) {
      if (!Number.isInteger(body.bit_length) || (body.bit_length as number) < 1) throw schemaError('Secret', `${JSON.stringify(body.bit_length)} is not of type 'integer'`, 'bit_length');
      bitLength = body.bit_length as number;
    }
    let expiration: string | null = null;
    const exp = str('expiration');
    if (exp) {
      const when = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(exp) ? exp : `${exp}Z`);
      if (Number.isNaN(when)) throw schemaError('Secret', `Invalid date for 'expiration'`, 'expiration');
      if (when <= core.clock.now()) throw schemaError('Secret', "'expiration' is before current time", 'expiration');
      expiration = bTime(when);
    }
    if (payload !== null || contentType !== null) {
      if (payload === null || payload === '') throw schemaError('Secret', "If 'payload' is supplied, 'payload_content_type' must also be supplied.", 'payload_content_type');
      if (contentType === null) throw schemaError('Secret', "If 'payload' is supplied, 'payload_content_type' must also be supplied.", 'payload_content_type');
      if (!CONTENT_TYPES.includes(contentType.toLowerCase())) {
        throw schemaError('Secret', `payload_content_type is not one of ['text/plain', 'text/plain;charset=utf-8', 'text/plain; charset=utf-8', 'application/octet-stream', 'application/pkcs8']`, 'payload_content_type');
      }
      if (normalType(contentType) !== 'text/plain' && !['base64', 'binary'].includes(encoding ?? '')) {
        throw schemaError('Secret', "payload_content_encoding is not one of ['base64', 'binary']", 'payload_content_encoding');
      }
    }
    const t = bTime(core.clock.now());
    const secret: Secret = {
      id: uuid(),
      project_id: auth.project.id,
      name,
      secret_type: secretType,
      expiration,
      algorithm,
      bit_length: bitLength,
      mode,
      creator_id: auth.user.id,
      created: t,
      updated: t,
      content_type: contentType === null ? null : normalType(contentType),
      payload: payload === null || contentType === null ? null : decodePayload(payload, contentType, encoding ?? undefined).toString('base64'),
    };
    s.secrets.push(secret);
    return { status: 201, body: { secret_ref: secretRef(ctx, secret.id) }, headers: { Location: secretRef(ctx, secret.id) } };
  }));

  r.get('/v1/secrets/{secret_id}', mv((ctx) => {
    const { secret } = find(ctx);
    const accept = (ctx.header('accept') ?? '').toLowerCase();
    // Legacy payload retrieval: a non-JSON Accept on the secret itself.
    if (accept && !accept.includes('application/json') && !accept.startsWith('*/*')) return payloadReply(ctx, secret);
    return { status: 200, body: render(ctx, secret) };
  }));

  r.get('/v1/secrets/{secret_id}/payload', mv((ctx) => payloadReply(ctx, find(ctx, 'Secret payload retrieval').secret)));

  r.get('/v1/secrets/{secret_id}/metadata', mv((ctx) => ({ status: 200, body: { metadata: find(ctx, 'Secret metadata retrieval').secret.metadata ?? {} } })));

  // PUT replaces the whole set and answers 201 with the metadata's ref (Barbican 15).
  r.put('/v1/secrets/{secret_id}/metadata', mv(async (ctx) => {
    const { secret } = find(ctx, 'Secret metadata update');
    const body = await readJson(ctx);
    const md = body.metadata;
    if (typeof md !== 'object' || md === null || Array.isArray(md)) throw schemaError('Metadata', "'metadata' is a required property", 'metadata');
    const metadata: Record<string, string> = {};
    for (const [k, v] of Object.entries(md as Record<string, unknown>)) {
      if (typeof v !== 'string') throw schemaError('Metadata', `${JSON.stringify(v)} is not of type 'string'`, k);
      metadata[k.toLowerCase()] = v;
    }
    secret.metadata = metadata;
    secret.updated = bTime(core.clock.now());
    return { status: 201, body: { metadata_ref: `${secretRef(ctx, secret.id)}/metadata` } };
  }));

  r.put('/v1/secrets/{secret_id}', mv(async (ctx) => {
    const { secret } = find(ctx, 'Secret update');
    const contentType = (ctx.header('content-type') ?? '').split(';')[0].trim().toLowerCase();
    if (secret.payload !== null) throw err(409, 'Secret already has data, cannot modify it.');
    if (!['text/plain', 'application/octet-stream'].includes(contentType)) throw err(415, 'Unsupported Media Type');
    const data = await ctx.rawBody();
    if (data.length === 0) throw err(400, 'No payload provided in the request.');
    const encoding = (ctx.header('content-encoding') ?? '').toLowerCase();
    const bytes = encoding === 'base64' ? Buffer.from(data.toString('utf8'), 'base64') : data;
    secret.payload = bytes.toString('base64');
    secret.content_type = contentType;
    secret.updated = bTime(core.clock.now());
    return { status: 204 };
  }));

  r.delete('/v1/secrets/{secret_id}', mv((ctx) => {
    const auth = ctx.authProject();
    const secret = s.secrets.find((x) => x.id === ctx.params.secret_id);
    if (!secret) throw err(404, 'Secret not found.');
    if (secret.project_id !== auth.project.id || (!canCreate(auth) && secret.creator_id !== auth.user.id)) throw denied('Secret deletion');
    s.secrets = s.secrets.filter((x) => x !== secret);
    return { status: 204 };
  }));
}

function containerRoutes(r: Router, core: CloudCore, s: KeyManagerState): void {
  const ref = (ctx: RequestContext, id: string) => `${ctx.serviceUrl}/v1/containers/${id}`;
  const render = (ctx: RequestContext, c: SecretContainer) => ({
    created: c.created,
    updated: c.updated,
    status: 'ACTIVE',
    name: c.name,
    type: c.type,
    creator_id: c.creator_id,
    secret_refs: c.secret_refs.map((x) => ({ name: x.name, secret_ref: `${ctx.serviceUrl}/v1/secrets/${x.secret_id}` })),
    consumers: [],
    container_ref: ref(ctx, c.id),
  });
  const find = (ctx: RequestContext, operation: string) => {
    const auth = ctx.authProject();
    const c = s.containers.find((x) => x.id === ctx.params.container_id);
    if (!c) throw err(404, 'Secrets container not found.');
    if (c.project_id !== auth.project.id) throw denied(operation);
    return { auth, c };
  };

  r.get('/v1/containers', mv((ctx) => {
    const auth = ctx.authProject();
    let items = s.containers.filter((x) => x.project_id === auth.project.id);
    const name = ctx.query.get('name');
    if (name) items = items.filter((x) => x.name === name);
    const type = ctx.query.get('type');
    if (type) items = items.filter((x) => x.type === type);
    return { status: 200, body: pageOf(ctx, 'containers', items, (x) => render(ctx, x)) };
  }));

  r.post('/v1/containers', mv(async (ctx) => {
    const auth = ctx.authProject();
    if (!canCreate(auth)) throw err(403, 'Container creation attempt not allowed - please review your user/project privileges');
    const body = await readJson(ctx);
    if (body.type === undefined) throw schemaError('Container', "'type' is a required property", 'None');
    const type = body.type;
    if (typeof type !== 'string' || !CONTAINER_TYPES.includes(type)) {
      throw schemaError('Container', `${typeof type === 'string' ? `'${type}'` : JSON.stringify(type)} is not one of ['generic', 'rsa', 'certificate']`, 'type');
    }
    if (body.name !== undefined && body.name !== null && typeof body.name !== 'string') throw schemaError('Container', `${JSON.stringify(body.name)} is not of type 'string'`, 'name');
    const refs = body.secret_refs ?? [];
    if (!Array.isArray(refs)) throw schemaError('Container', `${JSON.stringify(refs)} is not of type 'array'`, 'secret_refs');
    const secretRefs: SecretContainer['secret_refs'] = [];
    for (const item of refs as Array<Record<string, unknown>>) {
      if (typeof item !== 'object' || item === null || typeof item.secret_ref !== 'string') throw schemaError('Container', "'secret_ref' is a required property", 'secret_refs');
      const prefix = `${ctx.serviceUrl}/v1/secrets/`;
      if (!item.secret_ref.startsWith(prefix)) throw err(400, 'Provided field value is not supported');
      const id = item.secret_ref.slice(prefix.length).replace(/\/+$/, '');
      const secret = s.secrets.find((x) => x.id === id && x.project_id === auth.project.id && !expired(core, x));
      if (!secret) throw err(404, `Secret provided for '${String(item.name)}' doesn't exist.`);
      secretRefs.push({ name: typeof item.name === 'string' ? item.name : null, secret_id: id });
    }
    const names = secretRefs.map((x) => x.name);
    if (new Set(names).size !== names.length) throw schemaError('Container', 'Duplicate reference names are not allowed', 'secret_refs');
    const allowed: Record<string, string[]> = {
      rsa: ['public_key', 'private_key', 'private_key_passphrase'],
      certificate: ['certificate', 'private_key', 'private_key_passphrase', 'intermediates'],
    };
    if (allowed[type] && names.some((n) => !allowed[type].includes(String(n)))) {
      throw schemaError(
        'Container',
        type === 'rsa'
          ? `only 'private_key', 'public_key' and 'private_key_passphrase' reference names are allowed for RSA type`
          : `only 'private_key', 'certificate', 'private_key_passphrase', and 'intermediates' reference names are allowed for Certificate type`,
        'secret_refs',
      );
    }
    const t = bTime(core.clock.now());
    const c: SecretContainer = {
      id: uuid(), project_id: auth.project.id, name: (body.name as string | undefined) ?? null, type, creator_id: auth.user.id,
      created: t, updated: t, secret_refs: secretRefs,
    };
    s.containers.push(c);
    return { status: 201, body: { container_ref: ref(ctx, c.id) }, headers: { Location: ref(ctx, c.id) } };
  }));

  r.get('/v1/containers/{container_id}', mv((ctx) => ({ status: 200, body: render(ctx, find(ctx, 'Container retrieval').c) })));

  r.delete('/v1/containers/{container_id}', mv((ctx) => {
    const { c } = find(ctx, 'Container deletion');
    s.containers = s.containers.filter((x) => x !== c);
    return { status: 204 };
  }));
}

function versionInfo(ctx: RequestContext) {
  return {
    id: 'v1',
    status: 'stable',
    links: [
      { rel: 'self', href: `${ctx.serviceUrl}/v1/` },
      { rel: 'describedby', type: 'text/html', href: 'https://docs.openstack.org/' },
    ],
    'media-types': [{ base: 'application/json', type: 'application/vnd.openstack.key-manager-v1+json' }],
  };
}

export const keyManagerService = defineService({
  type: 'key-manager',
  name: 'barbican',
  description: 'Barbican Key Manager Service',
  prefix: '/key-manager',
  endpointPath: '/key-manager',
  errorBody: (e) =>
    e.status === 401
      ? { error: { code: 401, title: 'Unauthorized', message: e.message } }
      : { code: e.status, title: e.title, description: e.message },
  malformedJsonMessage: 'Malformed JSON',
  setup(core, router) {
    const s = core.state.slice<KeyManagerState>('key-manager', () => seed(core.clock.now()));
    router.get('/', mv((ctx) => ({ status: 300, body: { versions: { values: [versionInfo(ctx)] } } })));
    router.get('/v1', mv((ctx) => ({ status: 200, body: { version: versionInfo(ctx) } })));
    secretRoutes(router, core, s);
    containerRoutes(router, core, s);
  },
});
