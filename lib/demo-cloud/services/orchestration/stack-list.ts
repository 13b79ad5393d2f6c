// GET /stacks: exact-match filters, tags, nested/deleted/hidden stacks, sort keys and limit/marker
// paging with a next link (heat/api/openstack/v1/stacks.py _index, heat/db/sqlalchemy/api.py).
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { json, type Reply } from '../../core/reply';
import { heatError } from './errors';
import { heatState, type Stack } from './model';
import { refresh } from './engine/runner';
import { stackSummary } from './render';
import { authorize, extractInt, extractTags, heatPage, queryBool, sortDirection } from './request';

/** DB column -> the stack's value; exact matches, several values meaning any of them. */
const COLUMNS: Record<string, (s: Stack) => string | null> = {
  id: (s) => s.id,
  name: (s) => s.name,
  status: (s) => s.status,
  action: (s) => s.action,
  tenant: (s) => s.projectId,
  username: (s) => s.username,
  owner_id: (s) => s.parent,
  status_reason: (s) => s.statusReason,
  stack_user_project_id: (s) => s.stackUserProjectId,
  disable_rollback: (s) => String(s.disableRollback),
  timeout: (s) => (s.timeoutMins === null ? null : String(s.timeoutMins)),
};

/** The API's names for columns (engine/api.py translate_filters). */
const ALIASES: Record<string, string> = {
  stack_name: 'name', stack_action: 'action', stack_status: 'status', stack_status_reason: 'status_reason',
  disable_rollback: 'disable_rollback', timeout_mins: 'timeout', stack_owner: 'username', parent: 'owner_id',
};

/** translate_filters: aliases merged into their column, and "CREATE_FAILED" as action CREATE + status FAILED. */
function filters(q: URLSearchParams): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const key of new Set(q.keys())) {
    const column = ALIASES[key] ?? (key in COLUMNS ? key : null);
    if (column) (out[column] ??= []).push(...q.getAll(key).filter((v) => v !== ''));
  }
  if (out.status) {
    const statuses = new Set<string>();
    for (const v of out.status) {
      const m = /^([A-Z]+)_(IN_PROGRESS|COMPLETE|FAILED)$/.exec(v);
      if (m) (out.action ??= []).push(m[1]);
      statuses.add(m ? m[2] : v);
    }
    out.status = [...statuses];
  }
  return out;
}

const SORT: Record<string, (s: Stack) => string | number> = {
  stack_name: (s) => s.name,
  stack_status: (s) => s.status,
  creation_time: (s) => s.createdAt,
  updated_time: (s) => s.updatedAt ?? 0,
};

/** Heat hides stacks tagged with hidden_stack_tags (none configured by default). */
const HIDDEN_TAGS: string[] = [];

export async function listStacks(ctx: RequestContext, core: CloudCore): Promise<Reply> {
  const auth = authorize(ctx, ctx.params.tenant_id);
  const q = ctx.query;
  // global_tenant=true needs stacks:global_index, which Heat's default policy denies everybody; an admin sees
  // every project's stacks anyway (the DB query filters non-admins only).
  if (queryBool(ctx, 'global_tenant', false)) throw heatError(403, 'Forbidden', 'You are not authorized to use stacks:global_index.');
  const showDeleted = queryBool(ctx, 'show_deleted', false);
  const showNested = queryBool(ctx, 'show_nested', false);
  const showHidden = queryBool(ctx, 'show_hidden', false);
  const withCount = q.get('with_count') ? queryBool(ctx, 'with_count', false) : false;
  const limit = q.get('limit') ? extractInt('limit', q.get('limit')!) : null;
  const tagQuery = (name: string) => (q.get(name) ? extractTags(q.get(name)!) : null);
  const [tags, tagsAny, notTags, notTagsAny] = ['tags', 'tags_any', 'not_tags', 'not_tags_any'].map(tagQuery);

  const wanted = filters(q);
  let items = Object.values(heatState(core).stacks).filter((s) => {
    if (!auth.isAdmin && s.projectId !== auth.project.id) return false;
    if (!showDeleted && s.deletedAt !== null) return false;
    if (!showNested && s.parent) return false;
    const st = s.tags ?? [];
    if (!showHidden && HIDDEN_TAGS.some((t) => st.includes(t))) return false;
    if (tags && !tags.every((t) => st.includes(t))) return false;
    if (tagsAny && !tagsAny.some((t) => st.includes(t))) return false;
    if (notTags && tags === null && notTags.every((t) => st.includes(t))) return false;
    if (notTagsAny && notTagsAny.some((t) => st.includes(t))) return false;
    return Object.entries(wanted).every(([column, values]) => !values.length || values.includes(String(COLUMNS[column](s))));
  });
  await Promise.all(items.map((s) => refresh(core, s)));

  const keys = q.getAll('sort_keys').filter((k) => k in SORT);
  const dir = sortDirection(q, keys);
  const order = keys.length ? keys : ['creation_time'];
  items.sort((a, b) => {
    for (const k of order) {
      const x = SORT[k](a);
      const y = SORT[k](b);
      if (x !== y) return (x < y ? -1 : 1) * dir;
    }
    return (a.id < b.id ? -1 : 1) * dir;
  });
  const count = items.length;
  items = heatPage(items, q.get('marker'), limit, (s) => s.id);
  const body: Record<string, unknown> = { stacks: items.map((s) => stackSummary(ctx.serviceUrl, s, auth.isAdmin)) };
  if (limit && limit > 0 && items.length === limit) {
    const next = new URL(ctx.url.href);
    next.searchParams.set('marker', items[items.length - 1].id);
    body.links = [{ rel: 'next', href: next.toString() }];
  }
  if (withCount) body.count = count;
  return json(200, body);
}
