import type { RequestContext } from '../../core/context';
import { notFound } from '../../core/errors';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { Assignment } from './model';
import { adminOnly } from './policy';
import { collection, roleView } from './render';

// Role assignments: GET /v3/role_assignments and the grant paths
// /v3/{projects|domains}/{target}/{users|groups}/{actor}/roles[/{role}].

/** An assignment as listed; effective ones expanded from a group grant remember the group (membership link). */
type Listed = Assignment & { via_group?: string };

export function assignmentRoutes(r: Router, { m }: IdentityDeps): void {
  const domainRef = (id: string) => ({ id, name: m.s.domains[id]?.name ?? id });

  const view = (ctx: RequestContext, a: Listed, names: boolean) => {
    const target = a.project_id ? `projects/${a.project_id}` : `domains/${a.domain_id}`;
    const role = m.s.roles[a.role_id];
    const p = a.project_id ? m.s.projects[a.project_id] : undefined;
    const actor = a.via_group ?? a.group_id;
    const links: Record<string, string> = {};
    if (a.via_group) links.membership = `${ctx.serviceUrl}/v3/groups/${a.via_group}/users/${a.user_id}`;
    links.assignment = `${ctx.serviceUrl}/v3/${target}/${actor ? `groups/${actor}` : `users/${a.user_id}`}/roles/${a.role_id}`;
    let scope;
    if (a.project_id) {
      scope = { project: names && p ? { id: p.id, name: p.name, domain: domainRef(p.domain_id) } : { id: a.project_id } };
    } else {
      scope = { domain: names ? domainRef(a.domain_id!) : { id: a.domain_id! } };
    }
    const who: Record<string, unknown> = {};
    if (a.user_id) {
      const u = m.s.users[a.user_id];
      who.user = names && u ? { id: u.id, name: u.name, domain: domainRef(u.domain_id) } : { id: a.user_id };
    } else {
      const g = m.groups[a.group_id!];
      who.group = names && g ? { id: g.id, name: g.name, domain: domainRef(g.domain_id) } : { id: a.group_id };
    }
    return { links, scope, ...who, role: names && role ? { id: role.id, name: role.name } : { id: a.role_id } };
  };

  r.get('/v3/role_assignments', (ctx) => {
    adminOnly('identity:list_role_assignments', ctx.auth());
    const q = ctx.query;
    let items: Listed[] = m.s.assignments;
    if (ctx.flag('effective')) {
      // Effective: group grants become one row per member, implied roles are expanded.
      items = items.flatMap((a): Listed[] =>
        a.group_id ? m.memberships.filter((x) => x.group_id === a.group_id).map((x) => ({ ...a, group_id: undefined, user_id: x.user_id, via_group: a.group_id })) : [a],
      );
      items = items.flatMap((a) => m.effectiveRoles([a.role_id]).map((role) => ({ ...a, role_id: role.id })));
    }
    items = items.filter(
      (a) =>
        (!q.get('user.id') || a.user_id === q.get('user.id')) &&
        (!q.get('group.id') || a.group_id === q.get('group.id')) &&
        (!q.get('role.id') || a.role_id === q.get('role.id')) &&
        (!q.get('scope.project.id') || a.project_id === q.get('scope.project.id')) &&
        (!q.get('scope.domain.id') || (a.domain_id === q.get('scope.domain.id') && !a.project_id)),
    );
    const names = ctx.flag('include_names');
    return json(200, collection(ctx, 'role_assignments', items.map((a) => view(ctx, a, names))));
  });

  for (const kind of ['projects', 'domains'] as const) {
    const param = kind === 'projects' ? 'project_id' : 'domain_id';
    for (const actorKind of ['users', 'groups'] as const) {
      const actorParam = actorKind === 'users' ? 'user_id' : 'group_id';
      const base = `/v3/${kind}/{${param}}/${actorKind}/{${actorParam}}/roles`;
      const resolve = (ctx: RequestContext, withRole: boolean): Assignment => {
        const targetId = ctx.params[param];
        if (kind === 'projects' ? !m.s.projects[targetId] : !m.s.domains[targetId]) {
          throw notFound(`Could not find ${kind === 'projects' ? 'project' : 'domain'}: ${targetId}.`);
        }
        const actorId = ctx.params[actorParam];
        if (actorKind === 'users' ? !m.s.users[actorId] : !m.groups[actorId]) {
          throw notFound(`Could not find ${actorKind === 'users' ? 'user' : 'group'}: ${actorId}.`);
        }
        if (withRole && !m.s.roles[ctx.params.role_id]) throw notFound(`Could not find role: ${ctx.params.role_id}.`);
        return { role_id: ctx.params.role_id, [actorParam]: actorId, [param]: targetId };
      };
      const missing = (a: Assignment) =>
        notFound(
          `Could not find role assignment with role: ${a.role_id}, user or group: ${a.user_id ?? a.group_id}, project, domain, or system: ${a.project_id ?? a.domain_id}.`,
        );

      r.get(base, (ctx) => {
        adminOnly('identity:list_grants', ctx.auth());
        const a = resolve(ctx, false);
        // Grants listed here are the actor's own, not those through groups.
        const ids = m.s.assignments
          .filter((b) => b.user_id === a.user_id && b.group_id === a.group_id && b.project_id === a.project_id && b.domain_id === a.domain_id)
          .map((b) => b.role_id);
        return json(200, collection(ctx, 'roles', ids.map((id) => roleView(ctx, m.s.roles[id]))));
      });
      r.put(`${base}/{role_id}`, (ctx) => {
        adminOnly('identity:create_grant', ctx.auth());
        const a = resolve(ctx, true);
        if (!m.hasAssignment(a)) m.s.assignments.push(a);
        return noContent();
      });
      r.add(['GET', 'HEAD'], `${base}/{role_id}`, (ctx) => {
        adminOnly('identity:check_grant', ctx.auth());
        const a = resolve(ctx, true);
        if (!m.hasAssignment(a)) throw missing(a);
        return noContent();
      });
      r.delete(`${base}/{role_id}`, (ctx) => {
        adminOnly('identity:revoke_grant', ctx.auth());
        const a = resolve(ctx, true);
        if (!m.hasAssignment(a)) throw missing(a);
        m.removeAssignment(a);
        return noContent();
      });
    }
  }
}
