import type { RequestContext } from '../../core/context';
import { isoMicro } from '../../core/clock';
import type { ApplicationCredential, Domain, IdentityModel, Project, Role, User } from './model';

// JSON views in Keystone's shapes. `ctx.serviceUrl` is `http://host:port/identity`.

export const link = (ctx: RequestContext, path: string) => ({ self: `${ctx.serviceUrl}/v3${path}` });

/** Keystone collections: `{<key>: [...], links: {self, previous, next}}` (Keystone never pages). */
export function collection(ctx: RequestContext, key: string, items: unknown[]) {
  return { [key]: items, links: { self: ctx.url.toString(), previous: null, next: null } };
}

export const domainView = (ctx: RequestContext, d: Domain) => ({
  id: d.id,
  name: d.name,
  description: d.description,
  enabled: d.enabled,
  tags: d.tags,
  options: {},
  links: link(ctx, `/domains/${d.id}`),
});

export const projectView = (ctx: RequestContext, p: Project) => ({
  id: p.id,
  name: p.name,
  domain_id: p.domain_id,
  description: p.description,
  enabled: p.enabled,
  parent_id: p.parent_id,
  is_domain: false,
  tags: p.tags,
  options: {},
  links: link(ctx, `/projects/${p.id}`),
});

export const userView = (ctx: RequestContext, u: User) => ({
  id: u.id,
  name: u.name,
  domain_id: u.domain_id,
  enabled: u.enabled,
  password_expires_at: null,
  options: { ...u.options },
  ...(u.default_project_id ? { default_project_id: u.default_project_id } : {}),
  ...(u.email !== undefined ? { email: u.email } : {}),
  ...(u.description !== undefined ? { description: u.description } : {}),
  links: link(ctx, `/users/${u.id}`),
});

export const roleView = (ctx: RequestContext, r: Role) => ({
  id: r.id,
  name: r.name,
  domain_id: null,
  description: r.description,
  options: {},
  links: link(ctx, `/roles/${r.id}`),
});

export function appCredentialView(ctx: RequestContext, m: IdentityModel, ac: ApplicationCredential) {
  return {
    id: ac.id,
    name: ac.name,
    description: ac.description,
    user_id: ac.user_id,
    project_id: ac.project_id,
    // Keystone prints application credential expiry without the zone suffix.
    expires_at: ac.expires_at === null ? null : isoMicro(ac.expires_at).replace(/Z$/, ''),
    system: null,
    unrestricted: ac.unrestricted,
    roles: ac.role_ids.flatMap((id) => {
      const r = m.s.roles[id];
      // Keystone marks the bootstrap roles immutable.
      return r ? [{ id: r.id, name: r.name, domain_id: null, description: r.description, options: IMMUTABLE_ROLES.has(r.name) ? { immutable: true } : {} }] : [];
    }),
    // Keystone omits the key when the credential has no rules.
    ...(ac.access_rules.length > 0 ? { access_rules: ac.access_rules.map((a) => ({ id: a.id, service: a.service, path: a.path, method: a.method })) } : {}),
    links: link(ctx, `/application_credentials/${ac.id}`),
  };
}

const IMMUTABLE_ROLES = new Set(['admin', 'member', 'reader']);

/** Applies simple equality filters from the query string (`?name=x&enabled=false`). */
export function filterBy<T extends object>(ctx: RequestContext, items: T[], fields: Array<keyof T & string>): T[] {
  return items.filter((item) =>
    fields.every((f) => {
      const wanted = ctx.query.get(f);
      if (wanted === null) return true;
      const actual = item[f];
      if (typeof actual === 'boolean') return actual === !['false', '0', 'no'].includes(wanted.toLowerCase());
      return String(actual) === wanted;
    }),
  );
}
