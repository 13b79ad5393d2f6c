import { conflict, forbidden, notFound } from '../../core/errors';
import { hexId } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { Domain, Role } from './model';
import { adminOnly, enforce } from './policy';
import { collection, domainView, filterBy, roleView } from './render';
import { DomainCreateSchema, DomainUpdateSchema, RoleCreateSchema } from './schemas';

export function domainRoutes(r: Router, { m }: IdentityDeps): void {
  const get = (id: string): Domain => {
    const d = m.s.domains[id];
    if (!d) throw notFound(`Could not find domain: ${id}.`);
    return d;
  };

  r.get('/v3/domains', (ctx) => {
    adminOnly('identity:list_domains', ctx.auth());
    const items = filterBy(ctx, Object.values(m.s.domains), ['name', 'enabled']);
    return json(200, collection(ctx, 'domains', items.map((d) => domainView(ctx, d))));
  });
  r.get('/v3/domains/{domain_id}', (ctx) => {
    const auth = ctx.auth();
    const id = ctx.params.domain_id;
    // Users may read the domain their token (or its project) belongs to.
    enforce('identity:get_domain', auth.isAdmin || auth.domain?.id === id || auth.project?.domainId === id);
    return json(200, { domain: domainView(ctx, get(id)) });
  });
  r.post('/v3/domains', async (ctx) => {
    adminOnly('identity:create_domain', ctx.auth());
    const { domain: b } = await ctx.body(DomainCreateSchema);
    if (m.findDomainByName(b.name)) throw conflict(`Conflict occurred attempting to store domain - Duplicate entry found with name ${b.name}.`);
    const d: Domain = { id: hexId(), name: b.name, description: b.description ?? '', enabled: b.enabled ?? true, tags: b.tags ?? [] };
    m.s.domains[d.id] = d;
    return json(201, { domain: domainView(ctx, d) });
  });
  r.patch('/v3/domains/{domain_id}', async (ctx) => {
    adminOnly('identity:update_domain', ctx.auth());
    const d = get(ctx.params.domain_id);
    const { domain: b } = await ctx.body(DomainUpdateSchema);
    if (b.name !== undefined) d.name = b.name;
    if (b.description !== undefined) d.description = b.description ?? '';
    if (b.enabled !== undefined) d.enabled = b.enabled;
    return json(200, { domain: domainView(ctx, d) });
  });
  r.delete('/v3/domains/{domain_id}', (ctx) => {
    adminOnly('identity:delete_domain', ctx.auth());
    const d = get(ctx.params.domain_id);
    if (d.enabled) throw forbidden('Cannot delete a domain that is enabled, please disable it first.');
    for (const p of Object.values(m.s.projects)) if (p.domain_id === d.id) m.deleteProject(p.id);
    for (const u of Object.values(m.s.users)) if (u.domain_id === d.id) m.deleteUser(u.id);
    for (const g of Object.values(m.groups)) if (g.domain_id === d.id) m.deleteGroup(g.id);
    m.s.assignments = m.s.assignments.filter((a) => a.domain_id !== d.id);
    delete m.s.domains[d.id];
    return noContent();
  });
}

export function roleRoutes(r: Router, { m }: IdentityDeps): void {
  const get = (id: string): Role => {
    const role = m.s.roles[id];
    if (!role) throw notFound(`Could not find role: ${id}.`);
    return role;
  };

  r.get('/v3/roles', (ctx) => {
    adminOnly('identity:list_roles', ctx.auth());
    const items = filterBy(ctx, Object.values(m.s.roles), ['name']);
    return json(200, collection(ctx, 'roles', items.map((x) => roleView(ctx, x))));
  });
  r.get('/v3/roles/{role_id}', (ctx) => {
    adminOnly('identity:get_role', ctx.auth());
    return json(200, { role: roleView(ctx, get(ctx.params.role_id)) });
  });
  r.post('/v3/roles', async (ctx) => {
    adminOnly('identity:create_role', ctx.auth());
    const { role: b } = await ctx.body(RoleCreateSchema);
    if (m.findRoleByName(b.name)) throw conflict(`Conflict occurred attempting to store role - Duplicate entry found with name ${b.name}.`);
    const role: Role = { id: hexId(), name: b.name, description: b.description ?? null };
    m.s.roles[role.id] = role;
    return json(201, { role: roleView(ctx, role) });
  });
  r.delete('/v3/roles/{role_id}', (ctx) => {
    adminOnly('identity:delete_role', ctx.auth());
    const role = get(ctx.params.role_id);
    m.s.assignments = m.s.assignments.filter((a) => a.role_id !== role.id);
    delete m.s.roles[role.id];
    return noContent();
  });
}
