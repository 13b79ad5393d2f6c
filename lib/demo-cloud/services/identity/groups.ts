import type { RequestContext } from '../../core/context';
import { conflict, notFound } from '../../core/errors';
import { hexId } from '../../core/ids';
import { json, noContent } from '../../core/reply';
import type { Router } from '../../core/router';
import type { IdentityDeps } from './deps';
import type { Group } from './model';
import { adminOnly, adminOrSelf } from './policy';
import { collection, filterBy, link, userView } from './render';
import { GroupCreateSchema, GroupUpdateSchema } from './schemas';
import { DEFAULT_DOMAIN_ID } from './seed';

// /v3/groups and membership. Grants to groups live in assignments.ts; a member's tokens carry them.

export const groupView = (ctx: RequestContext, g: Group) => ({
  id: g.id,
  name: g.name,
  domain_id: g.domain_id,
  description: g.description,
  links: link(ctx, `/groups/${g.id}`),
});

export function groupRoutes(r: Router, { m }: IdentityDeps): void {
  const get = (id: string): Group => {
    const g = m.groups[id];
    if (!g) throw notFound(`Could not find group: ${id}.`);
    return g;
  };
  const nameTaken = (name: string, domainId: string, except?: string) => {
    const other = Object.values(m.groups).find((g) => g.name === name && g.domain_id === domainId);
    if (other && other.id !== except) throw conflict(`Conflict occurred attempting to store group - Duplicate entry found with name ${name} at domain ID ${domainId}.`);
  };

  r.get('/v3/groups', (ctx) => {
    adminOnly('identity:list_groups', ctx.auth());
    const items = filterBy(ctx, Object.values(m.groups), ['name', 'domain_id']);
    return json(200, collection(ctx, 'groups', items.map((g) => groupView(ctx, g))));
  });
  r.get('/v3/groups/{group_id}', (ctx) => {
    adminOnly('identity:get_group', ctx.auth());
    return json(200, { group: groupView(ctx, get(ctx.params.group_id)) });
  });
  r.post('/v3/groups', async (ctx) => {
    adminOnly('identity:create_group', ctx.auth());
    const { group: b } = await ctx.body(GroupCreateSchema);
    const domainId = b.domain_id ?? DEFAULT_DOMAIN_ID;
    if (!m.s.domains[domainId]) throw notFound(`Could not find domain: ${domainId}.`);
    nameTaken(b.name, domainId);
    const g: Group = { id: hexId(), name: b.name, domain_id: domainId, description: b.description ?? '' };
    m.groups[g.id] = g;
    return json(201, { group: groupView(ctx, g) });
  });
  r.patch('/v3/groups/{group_id}', async (ctx) => {
    adminOnly('identity:update_group', ctx.auth());
    const g = get(ctx.params.group_id);
    const { group: b } = await ctx.body(GroupUpdateSchema);
    if (b.name !== undefined) {
      nameTaken(b.name, g.domain_id, g.id);
      g.name = b.name;
    }
    if (b.description !== undefined) g.description = b.description ?? '';
    return json(200, { group: groupView(ctx, g) });
  });
  r.delete('/v3/groups/{group_id}', (ctx) => {
    adminOnly('identity:delete_group', ctx.auth());
    m.deleteGroup(get(ctx.params.group_id).id);
    return noContent();
  });

  r.get('/v3/groups/{group_id}/users', (ctx) => {
    adminOnly('identity:list_users_in_group', ctx.auth());
    const g = get(ctx.params.group_id);
    const users = m.memberships.filter((x) => x.group_id === g.id).flatMap((x) => (m.s.users[x.user_id] ? [m.s.users[x.user_id]] : []));
    return json(200, collection(ctx, 'users', filterBy(ctx, users, ['name', 'enabled']).map((u) => userView(ctx, u))));
  });

  const member = (ctx: RequestContext) => {
    const g = get(ctx.params.group_id);
    const userId = ctx.params.user_id;
    if (!m.s.users[userId]) throw notFound(`Could not find user: ${userId}.`);
    return { g, userId, notMember: () => notFound(`User '${userId}' not found in group '${g.id}'`) };
  };
  r.put('/v3/groups/{group_id}/users/{user_id}', (ctx) => {
    adminOnly('identity:add_user_to_group', ctx.auth());
    const { g, userId } = member(ctx);
    if (!m.isMember(g.id, userId)) m.memberships.push({ group_id: g.id, user_id: userId });
    return noContent();
  });
  r.add(['GET', 'HEAD'], '/v3/groups/{group_id}/users/{user_id}', (ctx) => {
    adminOnly('identity:check_user_in_group', ctx.auth());
    const { g, userId, notMember } = member(ctx);
    if (!m.isMember(g.id, userId)) throw notMember();
    return noContent();
  });
  r.delete('/v3/groups/{group_id}/users/{user_id}', (ctx) => {
    adminOnly('identity:remove_user_from_group', ctx.auth());
    const { g, userId, notMember } = member(ctx);
    if (!m.isMember(g.id, userId)) throw notMember();
    m.s.memberships = m.memberships.filter((x) => !(x.group_id === g.id && x.user_id === userId));
    return noContent();
  });

  // A user may list their own groups.
  r.get('/v3/users/{user_id}/groups', (ctx) => {
    adminOrSelf('identity:list_groups_for_user', ctx.auth(), ctx.params.user_id);
    if (!m.s.users[ctx.params.user_id]) throw notFound(`Could not find user: ${ctx.params.user_id}.`);
    const groups = [...m.groupIdsOf(ctx.params.user_id)].flatMap((id) => (m.groups[id] ? [m.groups[id]] : []));
    return json(200, collection(ctx, 'groups', groups.map((g) => ({ ...groupView(ctx, g), membership_expires_at: null }))));
  });
}
