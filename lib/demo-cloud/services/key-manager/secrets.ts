// Secrets (/v1/secrets): create with or without a payload, list with Barbican's filters and
// sort, payload retrieval by Accept, metadata, delete.
import type { ProjectAuthInfo } from '../../core/auth';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { uuid } from '../../core/ids';
import type { Router } from '../../core/router';
import { canCreate, denied, err, expired, pageOf, readJson, schemaError, secretNotFound } from './common';
import { mv, negotiate } from './microversion';
import { bTime, SECRET_TYPES, type KeyManagerState, type Secret } from './model';

const CONTENT_TYPES = ['text/plain', 'text/plain;charset=utf-8', 'text/plain; charset=utf-8', 'application/octet-stream', 'application/pkcs8'];

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

export function secretRoutes(r: Router, core: CloudCore, s: KeyManagerState): void {
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
