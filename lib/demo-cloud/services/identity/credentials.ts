import type { RequestContext } from '../../core/context';
import { badRequest, notFound } from '../../core/errors';
import { hexId } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { Credential } from './model';
import { enforce } from './policy';
import { collection, link } from './render';

// /v3/credentials (Keystone's credential API). TOTP secrets live here as type "totp" with a base32
// blob; Keystone's default policy lets a user manage their own credentials and an admin everyone's.

/** Keystone's request schema, as its jsonschema error repeats it in every 400. */
const SCHEMA_TEXT = `Failed validating 'oneOf' in schema:
    {'additionalProperties': True,
     'oneOf': [{'properties': {'type': {'enum': ['ec2']}},
                'required': ['blob', 'type', 'user_id', 'project_id'],
                'title': 'ec2 credential requires project_id'},
               {'properties': {'type': {'not': {'enum': ['ec2']}}},
                'required': ['blob', 'type', 'user_id'],
                'title': 'non-ec2 credential does not require project_id'}],
     'properties': {'blob': {'type': 'string'},
                    'project_id': {'type': 'string'},
                    'type': {'type': 'string'},
                    'user_id': {'type': 'string'}},
     'type': 'object'}`;

const pyValue = (v: unknown): string => {
  if (typeof v === 'string') return `'${v.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (v === null || v === undefined) return 'None';
  if (typeof v === 'boolean') return v ? 'True' : 'False';
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
};
const pyDict = (entries: Array<[string, unknown]>, sep: string) => `{${entries.map(([k, v]) => `'${k}': ${pyValue(v)}`).join(sep)}}`;

/** The 400 of jsonschema's oneOf failure: repr(instance), the schema, then pprint(instance, width=72) indented. */
export function credentialSchemaError(body: Record<string, unknown>): string {
  const entries = Object.entries(body);
  const sorted = [...entries].sort(([a], [b]) => (a < b ? -1 : 1));
  let pretty = pyDict(sorted, ', ');
  if (pretty.length > 72) pretty = pyDict(sorted, ',\n     ');
  return `${pyDict(entries, ', ')} is not valid under any of the given schemas\n\n${SCHEMA_TEXT}\n\nOn instance:\n    ${pretty}`;
}

function parseCreate(raw: unknown): Omit<Credential, 'id'> {
  const b = (raw as { credential?: unknown })?.credential;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw badRequest("'credential' is a required property");
  const c = b as Record<string, unknown>;
  for (const f of ['blob', 'project_id', 'type', 'user_id']) {
    if (c[f] !== undefined && typeof c[f] !== 'string') throw badRequest(`${pyValue(c[f])} is not of type 'string'`);
  }
  const required = c.type === 'ec2' ? ['blob', 'type', 'user_id', 'project_id'] : ['blob', 'type', 'user_id'];
  if (required.some((f) => c[f] === undefined)) throw badRequest(credentialSchemaError(c));
  return { user_id: c.user_id as string, project_id: (c.project_id as string | undefined) ?? null, type: c.type as string, blob: c.blob as string };
}

export const credentialView = (ctx: RequestContext, c: Credential) => ({
  id: c.id,
  user_id: c.user_id,
  project_id: c.project_id,
  type: c.type,
  blob: c.blob,
  links: link(ctx, `/credentials/${c.id}`),
});

export function credentialRoutes(r: Router, { m }: IdentityDeps): void {
  const owned = (ctx: RequestContext, rule: string): Credential => {
    const auth = ctx.auth();
    const c = m.credentials[ctx.params.credential_id];
    // Keystone enforces against the target first: a stranger's credential is a 403, a missing one a 404.
    if (c) enforce(rule, auth.isAdmin || c.user_id === auth.user.id);
    else enforce(rule, true);
    if (!c) throw notFound(`Could not find credential: ${ctx.params.credential_id}.`);
    return c;
  };

  r.get('/v3/credentials', (ctx) => {
    const auth = ctx.auth();
    const q = ctx.query;
    // Non-admins see their own credentials only (Keystone filters the list by policy, without a 403).
    const items = Object.values(m.credentials).filter(
      (c) =>
        (auth.isAdmin || c.user_id === auth.user.id) &&
        (!q.get('user_id') || c.user_id === q.get('user_id')) &&
        (!q.get('type') || c.type === q.get('type')),
    );
    return json(200, collection(ctx, 'credentials', items.map((c) => credentialView(ctx, c))));
  });

  r.post('/v3/credentials', async (ctx) => {
    const auth = ctx.auth();
    const b = parseCreate(await ctx.json());
    enforce('identity:create_credential', auth.isAdmin || b.user_id === auth.user.id);
    const c: Credential = { id: hexId(), ...b };
    m.credentials[c.id] = c;
    return json(201, { credential: credentialView(ctx, c) });
  });

  r.get('/v3/credentials/{credential_id}', (ctx) => json(200, { credential: credentialView(ctx, owned(ctx, 'identity:get_credential')) }));

  r.patch('/v3/credentials/{credential_id}', async (ctx) => {
    const c = owned(ctx, 'identity:update_credential');
    const b = ((await ctx.json()) as { credential?: Record<string, unknown> })?.credential;
    if (!b || typeof b !== 'object') throw badRequest("'credential' is a required property");
    for (const f of ['blob', 'type', 'project_id'] as const) {
      const v = b[f];
      if (v === undefined) continue;
      if (typeof v !== 'string') throw badRequest(`${pyValue(v)} is not of type 'string'`);
      c[f] = v;
    }
    return json(200, { credential: credentialView(ctx, c) });
  });

  r.delete('/v3/credentials/{credential_id}', (ctx) => {
    delete m.credentials[owned(ctx, 'identity:delete_credential').id];
    return noContent();
  });
}
