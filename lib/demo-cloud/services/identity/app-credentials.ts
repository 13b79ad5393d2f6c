import type { AuthInfo } from '../../core/auth';
import { badRequest, conflict, forbidden, notFound } from '../../core/errors';
import { cliSafeToken, hashSecret, hexId } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { ApplicationCredential } from './model';
import { adminOrSelf, enforce } from './policy';
import { appCredentialView, collection, filterBy } from './render';
import { AppCredentialCreateSchema } from './schemas';

// /v3/users/{user_id}/application_credentials: the secret is returned once, stored hashed.

export function appCredentialRoutes(r: Router, { m, core }: IdentityDeps): void {
  const base = '/v3/users/{user_id}/application_credentials';

  const get = (userId: string, id: string): ApplicationCredential => {
    const ac = m.s.applicationCredentials[id];
    if (!ac || ac.user_id !== userId) throw notFound(`Could not find Application Credential: ${id}.`);
    return ac;
  };
  // A restricted application credential may not mint or remove application credentials.
  const unrestricted = (auth: AuthInfo) => {
    if (auth.applicationCredential?.restricted) {
      throw forbidden('Using method \'application_credential\' is not allowed for managing additional application credentials.');
    }
  };

  r.get(base, (ctx) => {
    adminOrSelf('identity:list_application_credentials', ctx.auth(), ctx.params.user_id);
    const mine = Object.values(m.s.applicationCredentials).filter((ac) => ac.user_id === ctx.params.user_id);
    const items = filterBy(ctx, mine, ['name']);
    return json(200, collection(ctx, 'application_credentials', items.map((ac) => appCredentialView(ctx, m, ac))));
  });

  r.get(`${base}/{application_credential_id}`, (ctx) => {
    adminOrSelf('identity:get_application_credential', ctx.auth(), ctx.params.user_id);
    const ac = get(ctx.params.user_id, ctx.params.application_credential_id);
    return json(200, { application_credential: appCredentialView(ctx, m, ac) });
  });

  r.post(base, async (ctx) => {
    const auth = ctx.auth();
    // Even admins create application credentials only for themselves.
    enforce('identity:create_application_credential', auth.user.id === ctx.params.user_id);
    unrestricted(auth);
    if (!auth.project) throw badRequest('Application credentials require a project-scoped token.');
    const { application_credential: b } = await ctx.body(AppCredentialCreateSchema);
    const userId = auth.user.id;
    if (Object.values(m.s.applicationCredentials).some((ac) => ac.user_id === userId && ac.name === b.name)) {
      throw conflict(`Conflict occurred attempting to store application_credential - Duplicate entry.`);
    }
    // Roles: a subset of the token's roles, all of them when none are named.
    const tokenRoleIds = new Set(auth.roles.map((x) => x.id));
    let roleIds = auth.roles.map((x) => x.id);
    if (b.roles && b.roles.length > 0) {
      roleIds = b.roles.map((ref) => {
        const role = ref.id ? m.s.roles[ref.id] : ref.name ? m.findRoleByName(ref.name) : undefined;
        if (!role || !tokenRoleIds.has(role.id)) {
          throw badRequest(`Invalid role ${ref.id ?? ref.name}: the user does not hold it on project ${auth.project!.id}.`);
        }
        return role.id;
      });
    }
    let expiresAt: number | null = null;
    if (b.expires_at) {
      expiresAt = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(b.expires_at) ? b.expires_at : `${b.expires_at}Z`);
      if (Number.isNaN(expiresAt)) throw badRequest(`Invalid input for field 'expires_at': '${b.expires_at}' is not a 'date-time'`);
      if (expiresAt <= core.clock.now()) throw badRequest('The expiration date of the application credential is in the past.');
    }
    const secret = b.secret ?? cliSafeToken();
    const ac: ApplicationCredential = {
      id: hexId(),
      name: b.name,
      user_id: userId,
      project_id: auth.project.id,
      description: b.description ?? null,
      secret_hash: hashSecret(secret),
      expires_at: expiresAt,
      unrestricted: b.unrestricted ?? false,
      role_ids: roleIds,
      access_rules: b.access_rules ?? [],
    };
    m.s.applicationCredentials[ac.id] = ac;
    return json(201, { application_credential: { ...appCredentialView(ctx, m, ac), secret } });
  });

  r.delete(`${base}/{application_credential_id}`, (ctx) => {
    const auth = ctx.auth();
    adminOrSelf('identity:delete_application_credential', auth, ctx.params.user_id);
    unrestricted(auth);
    const ac = get(ctx.params.user_id, ctx.params.application_credential_id);
    delete m.s.applicationCredentials[ac.id];
    return noContent();
  });
}
