// Secret containers (/v1/containers): generic, rsa and certificate.
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { uuid } from '../../core/ids';
import type { Router } from '../../core/router';
import { canCreate, denied, err, expired, pageOf, readJson, schemaError } from './common';
import { mv } from './microversion';
import { bTime, type KeyManagerState, type SecretContainer } from './model';

const CONTAINER_TYPES = ['generic', 'rsa', 'certificate'];

export function containerRoutes(r: Router, core: CloudCore, s: KeyManagerState): void {
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
