import { buildCatalog } from '../../core/catalog';
import { isoMicro } from '../../core/clock';
import type { RequestContext } from '../../core/context';
import { forbidden } from '../../core/errors';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import { enforce } from './policy';
import { collection, domainView, projectView } from './render';
import { RECEIPT_HEADER } from './receipts';
import { AuthRequestSchema } from './schemas';
import { TOKEN_NOT_FOUND, type ResolvedToken } from './tokens';

export function authRoutes(r: Router, { m, tokens, receipts, core }: IdentityDeps): void {
  r.post('/v3/auth/tokens', async (ctx) => {
    const result = tokens.issue(await ctx.body(AuthRequestSchema), ctx.header(RECEIPT_HEADER.toLowerCase()));
    if ('receipt' in result) {
      // Keystone's receipt 401: what was proved, and the rules that would complete it.
      const rec = receipts.lookup(result.receipt)!;
      const domain = m.s.domains[result.user.domain_id];
      const body = {
        receipt: {
          methods: result.methods,
          user: { id: result.user.id, name: result.user.name, domain: { id: domain.id, name: domain.name } },
          expires_at: isoMicro(rec.expires_at),
          issued_at: isoMicro(rec.issued_at),
        },
        required_auth_methods: result.required,
      };
      return json(401, body, { [RECEIPT_HEADER]: result.receipt });
    }
    return json(201, tokens.body(ctx, result.resolved, !ctx.flag('nocatalog')), { 'X-Subject-Token': result.token });
  });

  /** The subject token of GET/HEAD/DELETE, after the caller's own token passed. */
  const subject = (ctx: RequestContext, rule: string): ResolvedToken => {
    const caller = ctx.auth();
    const raw = ctx.header('x-subject-token');
    const t = raw ? tokens.lookup(raw, ctx.flag('allow_expired')) : null;
    // Keystone's rule: admins and services validate any token, a user its own tokens.
    enforce(rule, caller.isAdmin || (t !== null && t.user.id === caller.user.id) || t === null);
    if (!t) throw TOKEN_NOT_FOUND();
    return t;
  };

  r.get('/v3/auth/tokens', (ctx) => {
    const t = subject(ctx, 'identity:validate_token');
    return json(200, tokens.body(ctx, t, !ctx.flag('nocatalog')), { 'X-Subject-Token': ctx.header('x-subject-token')! });
  });
  r.head('/v3/auth/tokens', (ctx) => {
    subject(ctx, 'identity:check_token');
    return { status: 200 };
  });
  r.delete('/v3/auth/tokens', (ctx) => {
    tokens.revoke(subject(ctx, 'identity:revoke_token'));
    return noContent();
  });

  r.get('/v3/auth/projects', (ctx) => {
    const me = ctx.auth();
    const items = m.projectsOfUser(me.user.id).filter((p) => p.enabled && m.s.domains[p.domain_id]?.enabled);
    return json(200, collection(ctx, 'projects', items.map((p) => projectView(ctx, p))));
  });
  r.get('/v3/auth/domains', (ctx) => {
    const me = ctx.auth();
    const items = m.domainsOfUser(me.user.id).filter((d) => d.enabled);
    return json(200, collection(ctx, 'domains', items.map((d) => domainView(ctx, d))));
  });
  r.get('/v3/auth/catalog', (ctx) => {
    const me = ctx.auth();
    if (!me.project && !me.domain) throw forbidden('A project-scoped token is required to produce a service catalog.');
    const catalog = buildCatalog(core.services, ctx.baseUrl, me.project?.id ?? null);
    return json(200, { catalog, links: { self: ctx.url.toString(), previous: null, next: null } });
  });
  r.get('/v3/auth/system', (ctx) => {
    ctx.auth();
    return json(200, collection(ctx, 'system', []));
  });
}
