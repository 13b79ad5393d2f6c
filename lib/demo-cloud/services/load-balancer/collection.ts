// What every Octavia object collection shares (octavia/api/v2/controllers/*.py): the lookup a route
// starts with (404 "<Resource> <id> not found.", then the policy check), the `{<key>: {...}}` reply, and for
// the top-level collections the project-scoped list and show with ?fields=.
import type { AuthInfo } from '../../core/auth';
import type { RequestContext } from '../../core/context';
import type { Reply } from '../../core/reply';
import { pickFields, scopedList, type ListOptions } from './listing';
import { authorize, listScope, type Rule } from './policy';
import type { LbState } from './model';
import type { View } from './render';
import { find, view, type LbDeps, type Mount } from './request';

type Json = Record<string, unknown>;
type Owned = { id: string; project_id: string };

export interface CollectionSpec<T extends Owned> {
  /** e.g. `/lbaas/listeners`. */
  base: string;
  /** The key of one object in a reply (`listener`). */
  key: string;
  /** Octavia's name for the object in its 404s (`Listener`, `Health Monitor`). */
  resource: string;
  /** Read on each call: a failed create's rollback puts back whole tables. */
  table: (s: LbState) => Record<string, T>;
  render: (v: View, x: T) => Json;
  /**
   * The project a write (or admin) rule is checked against: Octavia checks changes against the owning
   * load balancer's project. Reads check the object's own project. Default: the object's project.
   */
  owner?: (x: T) => string;
  /** The list key (`listeners`): with it, `GET base` and `GET base/{id}` are mounted. */
  list?: { key: string; options?: ListOptions };
}

export interface Collection<T> {
  /** The object `id` names, after `rule` allowed the caller to act on it. */
  lookup: (id: string, auth: AuthInfo, rule: Rule) => T;
  /** `{status, body: {<key>: rendered}}` (a create, show or update); with `ctx`, its ?fields= applied. */
  reply: (status: number, x: T, ctx?: RequestContext) => Reply;
}

/** A list filter on the parent an object shows as a one-element list (`loadbalancers: [{id}]`, `pools: [{id}]`). */
export const parentFilter = (relation: string) => (row: Json) => (row[relation] as Array<{ id: string }>)[0]?.id;

export function collection<T extends Owned>(at: Mount, deps: LbDeps, spec: CollectionSpec<T>): Collection<T> {
  const lookup = (id: string, auth: AuthInfo, rule: Rule): T => {
    const x = find(spec.table(deps.s), spec.resource, id);
    authorize(auth, rule, rule === 'read' || !spec.owner ? x.project_id : spec.owner(x));
    return x;
  };
  const reply: Collection<T>['reply'] = (status, x, ctx) => {
    const rendered = spec.render(view(deps), x);
    return { status, body: { [spec.key]: ctx ? pickFields(ctx, rendered) : rendered } };
  };
  if (spec.list) {
    const { key, options } = spec.list;
    at('GET', spec.base, (ctx, auth) => {
      const scope = listScope(auth, ctx.query.get('project_id'));
      const v = view(deps);
      return scopedList(ctx, key, spec.table(deps.s), scope, (x) => spec.render(v, x), options);
    });
    at('GET', `${spec.base}/{id}`, (ctx, auth) => reply(200, lookup(ctx.params.id, auth, 'read'), ctx));
  }
  return { lookup, reply };
}
