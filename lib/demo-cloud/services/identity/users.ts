import { conflict, notFound, unauthorized } from '../../core/errors';
import { hashSecret, hexId, verifySecret } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { User } from './model';
import { adminOnly, adminOrSelf, enforce } from './policy';
import { collection, filterBy, projectView, userView } from './render';
import { PasswordChangeSchema, UserCreateSchema, UserUpdateSchema, type UserOptionsInput } from './schemas';
import { DEFAULT_DOMAIN_ID } from './seed';

export function userRoutes(r: Router, { m }: IdentityDeps): void {
  const get = (id: string): User => {
    const u = m.s.users[id];
    if (!u) throw notFound(`Could not find user: ${id}.`);
    return u;
  };
  const nameTaken = (name: string, domainId: string, except?: string) => {
    const other = m.findUserByName(name, domainId);
    if (other && other.id !== except) throw conflict(`Conflict occurred attempting to store user - Duplicate entry found with name ${name} at domain ID ${domainId}.`);
  };

  r.get('/v3/users', (ctx) => {
    adminOnly('identity:list_users', ctx.auth());
    const items = filterBy(ctx, Object.values(m.s.users), ['name', 'domain_id', 'enabled']);
    return json(200, collection(ctx, 'users', items.map((u) => userView(ctx, u))));
  });

  r.get('/v3/users/{user_id}', (ctx) => {
    adminOrSelf('identity:get_user', ctx.auth(), ctx.params.user_id);
    return json(200, { user: userView(ctx, get(ctx.params.user_id)) });
  });

  r.post('/v3/users', async (ctx) => {
    adminOnly('identity:create_user', ctx.auth());
    const { user: b } = await ctx.body(UserCreateSchema);
    const domainId = b.domain_id ?? DEFAULT_DOMAIN_ID;
    if (!m.s.domains[domainId]) throw notFound(`Could not find domain: ${domainId}.`);
    nameTaken(b.name, domainId);
    const u: User = {
      id: hexId(),
      name: b.name,
      domain_id: domainId,
      enabled: b.enabled ?? true,
      password_hash: b.password ? hashSecret(b.password) : null,
      default_project_id: b.default_project_id ?? null,
      ...(b.email != null ? { email: b.email } : {}),
      ...(b.description != null ? { description: b.description } : {}),
    };
    if (b.options) applyOptions(u, b.options);
    m.s.users[u.id] = u;
    return json(201, { user: userView(ctx, u) });
  });

  r.patch('/v3/users/{user_id}', async (ctx) => {
    adminOnly('identity:update_user', ctx.auth());
    const u = get(ctx.params.user_id);
    const { user: b } = await ctx.body(UserUpdateSchema);
    if (b.name !== undefined) {
      nameTaken(b.name, u.domain_id, u.id);
      u.name = b.name;
    }
    if (b.password !== undefined) u.password_hash = b.password ? hashSecret(b.password) : null;
    if (b.enabled !== undefined) u.enabled = b.enabled;
    if (b.default_project_id !== undefined) u.default_project_id = b.default_project_id ?? null;
    if (b.email !== undefined) u.email = b.email ?? undefined;
    if (b.description !== undefined) u.description = b.description ?? undefined;
    if (b.options) applyOptions(u, b.options);
    return json(200, { user: userView(ctx, u) });
  });

  r.delete('/v3/users/{user_id}', (ctx) => {
    adminOnly('identity:delete_user', ctx.auth());
    m.deleteUser(get(ctx.params.user_id).id);
    return noContent();
  });

  // Self-service password change: the original password is the credential, not the token's role.
  r.post('/v3/users/{user_id}/password', async (ctx) => {
    const auth = ctx.auth();
    enforce('identity:change_password', auth.user.id === ctx.params.user_id);
    const u = get(ctx.params.user_id);
    const { user: b } = await ctx.body(PasswordChangeSchema);
    if (!u.password_hash || !verifySecret(b.original_password, u.password_hash)) throw unauthorized();
    u.password_hash = hashSecret(b.password);
    return noContent();
  });

  r.get('/v3/users/{user_id}/projects', (ctx) => {
    adminOrSelf('identity:list_user_projects', ctx.auth(), ctx.params.user_id);
    const items = filterBy(ctx, m.projectsOfUser(get(ctx.params.user_id).id), ['name', 'domain_id', 'enabled']);
    return json(200, collection(ctx, 'projects', items.map((p) => projectView(ctx, p))));
  });
}

/** Merges options as Keystone does: a value sets, null removes, an absent key stays. */
function applyOptions(u: User, options: UserOptionsInput): void {
  const next = { ...u.options };
  for (const key of ['multi_factor_auth_enabled', 'multi_factor_auth_rules'] as const) {
    const v = options[key];
    if (v === null) delete next[key];
    else if (v !== undefined) (next as Record<string, unknown>)[key] = v;
  }
  u.options = next;
}
