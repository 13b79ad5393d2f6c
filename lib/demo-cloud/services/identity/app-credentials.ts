import type { AuthInfo } from '../../core/auth';
import { badRequest, conflict, notFound } from '../../core/errors';
import { cliSafeToken, hashSecret, hexId } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { AccessRule, ApplicationCredential } from './model';
import { adminOrSelf, enforce } from './policy';
import { appCredentialView, collection, filterBy, link } from './render';
import { AppCredentialCreateSchema } from './schemas';

// /v3/users/{user_id}/application_credentials: the secret is returned once, stored hashed.

export function appCredentialRoutes(r: Router, { m, core }: IdentityDeps): void {
  const base = '/v3/users/{user_id}/application_credentials';

  const get = (userId: string, id: string): ApplicationCredential => {
    const ac = m.s.applicationCredentials[id];
    if (!ac || ac.user_id !== userId) throw notFound(`Could not find Application Credential: ${id}.`);
    return ac;
  };
  // A restricted application credential may not mint or remove application credentials
  // (Keystone's ForbiddenAction adds its own period after the sentence's: the text ends "..").
  const unrestricted = (auth: AuthInfo) =>
    enforce("Using method 'application_credential' is not allowed for managing additional application credentials.", !auth.applicationCredential?.restricted);
  /** Keystone's own 400 suffix for validation errors raised outside the JSON schema. */
  const invalid = (text: string) =>
    badRequest(`${text} The server could not comply with the request since it is either malformed or otherwise incorrect. The client is assumed to be in error.`);

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
      throw conflict(`Conflict occurred attempting to store application_credential - Duplicate entry found with name ${b.name}.`);
    }
    // Roles: a subset of the token's roles (implied roles added), all of them when none are named.
    const tokenRoleIds = new Set(auth.roles.map((x) => x.id));
    let roleIds = auth.roles.map((x) => x.id);
    if (b.roles && b.roles.length > 0) {
      // Keystone takes an id as given (an unknown one is just not among the token's roles) and
      // looks a name up (404 when undefined).
      const named = b.roles.map((ref) => {
        if (ref.id) return ref.id;
        const role = ref.name ? m.findRoleByName(ref.name) : undefined;
        if (!role) throw notFound(`Role ${ref.name} is not defined`);
        return role.id;
      });
      roleIds = [...new Set([...named, ...m.effectiveRoles(named).map((x) => x.id)])];
      if (roleIds.some((id) => !tokenRoleIds.has(id))) {
        throw badRequest('Invalid application credential: Cannot create an application credential with unassigned role');
      }
    }
    let expiresAt: number | null = null;
    if (b.expires_at) {
      expiresAt = parseExpiry(b.expires_at);
      if (expiresAt === null) throw invalid('Timestamp not in expected format.');
      if (expiresAt <= core.clock.now()) throw invalid("The 'expires_at' must not be before now.");
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
      unrestricted: b.unrestricted ?? null,
      role_ids: roleIds,
      access_rules: (b.access_rules ?? []).map((a) => ({ id: a.id ?? hexId(), service: a.service, path: a.path, method: a.method })),
    };
    m.s.applicationCredentials[ac.id] = ac;
    return json(201, { application_credential: { ...appCredentialView(ctx, m, ac), secret } });
  });

  // Access rules a user's application credentials carry (Keystone lists them per user).
  const rulesOf = (userId: string) =>
    new Map(Object.values(m.s.applicationCredentials).filter((ac) => ac.user_id === userId).flatMap((ac) => ac.access_rules.map((a) => [a.id, a] as const)));
  const ruleView = (ctx: Parameters<typeof link>[0], a: AccessRule) => ({ ...a, links: link(ctx, `/access_rules/${a.id}`) });
  r.get('/v3/users/{user_id}/access_rules', (ctx) => {
    adminOrSelf('identity:list_access_rules', ctx.auth(), ctx.params.user_id);
    return json(200, collection(ctx, 'access_rules', [...rulesOf(ctx.params.user_id).values()].map((a) => ruleView(ctx, a))));
  });
  r.get('/v3/users/{user_id}/access_rules/{access_rule_id}', (ctx) => {
    adminOrSelf('identity:get_access_rule', ctx.auth(), ctx.params.user_id);
    const a = rulesOf(ctx.params.user_id).get(ctx.params.access_rule_id);
    if (!a) throw notFound(`Could not find Access Rule: ${ctx.params.access_rule_id}.`);
    return json(200, { access_rule: ruleView(ctx, a) });
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

/** Keystone's parse_expiration_date: ISO 8601, naive times are UTC; null when unreadable. */
export function parseExpiry(text: string): number | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?([zZ]|[+-]\d{2}:?\d{2})?$/.test(text)) return null;
  const ms = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(text) ? text : `${text}Z`);
  return Number.isNaN(ms) ? null : ms;
}
