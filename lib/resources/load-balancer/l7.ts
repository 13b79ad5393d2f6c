// L7 policies of a listener (`v2/lbaas/l7policies?listener_id=`) and their rules (`v2/lbaas/l7policies/{id}/rules`):
// an HTTP listener sends a request matching all of a policy's rules to another pool, redirects it, or rejects it;
// policies are tried in `position` order. Shown on the load balancer's L7 tab, each listener with its policies.
import { z } from 'zod';
import { msg } from '@/lib/i18n/msg';
import { command } from '../cli';
import { choices, define, deleteAction, nameOrId, rest, statusColumn } from '../define';
import type { ApiRequest, Column, ResourceAction, ResourceDefinition } from '../types';
import { LB_KINDS } from './children';
import { isPending, L7PolicySchema, L7RuleSchema, LB_BASE, OCTAVIA, objectStatus, PoolSchema, type L7Policy, type L7Rule } from './octavia';

export const L7_ACTIONS = ['REJECT', 'REDIRECT_TO_POOL', 'REDIRECT_TO_URL', 'REDIRECT_PREFIX'] as const;
export const L7_RULE_TYPES = ['PATH', 'HOST_NAME', 'HEADER', 'COOKIE', 'FILE_TYPE'] as const;
export const L7_COMPARE_TYPES = ['STARTS_WITH', 'EQUAL_TO', 'ENDS_WITH', 'CONTAINS', 'REGEX'] as const;

/** Octavia refuses a change below a pending load balancer: offered once settled. */
function settledDelete<T extends { id: string; provisioning_status: string }>(title: 'kinds.loadBalancer.l7.deleteTitle' | 'kinds.loadBalancer.l7.ruleDeleteTitle', path: (r: T) => string, cli: (r: T) => string, name: (r: T) => string): ResourceAction<T> {
  return deleteAction<T>({
    title, bulk: false, path, cli, allowed: (r) => !isPending(r.provisioning_status), optimistic: (r) => ({ ...r, provisioning_status: 'PENDING_DELETE' }),
    body: (rows) => msg('kinds.loadBalancer.confirm.childDelete', { name: rows[0] ? name(rows[0]) : '' }),
  });
}

function states<T extends { provisioning_status: string; operating_status: string; admin_state_up?: boolean }>(): Column<T>[] {
  return [statusColumn((r) => r.provisioning_status, { label: 'kinds.loadBalancer.fields.provisioning', badge: (r) => objectStatus(r) })];
}

export const L7PolicyCreateSchema = z
  .object({
    name: z.string().trim().max(255, { error: 'kinds.loadBalancer.errors.nameLength' }),
    action: z.enum(L7_ACTIONS),
    position: z.string().trim().refine((s) => s === '' || (/^\d+$/.test(s) && Number(s) >= 1), { error: 'kinds.loadBalancer.errors.whole' }),
    poolId: z.string(),
    url: z.string().trim(),
  })
  .superRefine((v, ctx) => {
    if (v.action === 'REDIRECT_TO_POOL' && !v.poolId) ctx.addIssue({ code: 'custom', path: ['poolId'], message: 'kinds.loadBalancer.errors.l7Pool' });
    if ((v.action === 'REDIRECT_TO_URL' || v.action === 'REDIRECT_PREFIX') && !/^https?:\/\/\S+$/.test(v.url)) ctx.addIssue({ code: 'custom', path: ['url'], message: 'kinds.loadBalancer.errors.l7Url' });
  });
export type L7PolicyCreate = z.infer<typeof L7PolicyCreateSchema>;

export function l7PolicyCreateRequest(listenerId: string, i: L7PolicyCreate): ApiRequest {
  const policy: Record<string, unknown> = { listener_id: listenerId, action: i.action };
  if (i.name) policy.name = i.name;
  if (i.position) policy.position = Number(i.position);
  if (i.action === 'REDIRECT_TO_POOL') policy.redirect_pool_id = i.poolId;
  if (i.action === 'REDIRECT_TO_URL') policy.redirect_url = i.url;
  if (i.action === 'REDIRECT_PREFIX') policy.redirect_prefix = i.url;
  return { method: 'POST', path: `${LB_BASE}/l7policies`, body: { l7policy: policy } };
}

const target = (p: L7Policy) => p.redirect_url ?? p.redirect_prefix ?? p.redirect_pool_id ?? '';

export function l7PolicyDefinition(lbId: string, listenerId: string): ResourceDefinition<L7Policy, L7PolicyCreate> {
  return define<L7Policy, L7PolicyCreate>({
    kind: LB_KINDS.l7policy, slug: 'load-balancers',
    label: { singular: 'kinds.loadBalancer.l7.singular', plural: 'kinds.loadBalancer.l7.plural', noun: 'kinds.loadBalancer.l7.noun' },
    ...rest(OCTAVIA, `${LB_BASE}/l7policies`, 'l7policy', { list: `${LB_BASE}/l7policies?listener_id=${encodeURIComponent(listenerId)}` }),
    schema: L7PolicySchema,
    name: (p) => nameOrId(p),
    status: (p) => objectStatus(p),
    columns: [
      { id: 'position', label: 'kinds.loadBalancer.l7.position', value: (p) => p.position },
      { id: 'name', label: 'common.name', value: (p) => p.name || '' },
      { id: 'action', label: 'kinds.loadBalancer.l7.action', value: (p) => p.action },
      { id: 'target', label: 'kinds.loadBalancer.l7.target', value: target, cell: 'mono' },
      { id: 'rules', label: 'kinds.loadBalancer.l7.rules', value: (p) => p.rules.length },
      ...states<L7Policy>(),
    ],
    actions: [settledDelete<L7Policy>('kinds.loadBalancer.l7.deleteTitle', (p) => `${LB_BASE}/l7policies/${p.id}`, (p) => command('openstack loadbalancer l7policy delete', p.id), nameOrId)],
    create: {
      schema: L7PolicyCreateSchema,
      fields: [
        { name: 'name', label: 'common.name', type: 'text' },
        { name: 'action', label: 'kinds.loadBalancer.l7.action', type: 'select', options: choices(L7_ACTIONS) },
        { name: 'position', label: 'kinds.loadBalancer.l7.position', type: 'text', numeric: true, hint: 'kinds.loadBalancer.l7.positionHint' },
        {
          name: 'poolId', label: 'kinds.loadBalancer.l7.pool', type: 'select',
          optionsFrom: {
            service: OCTAVIA.service, path: `${LB_BASE}/pools?loadbalancer_id=${encodeURIComponent(lbId)}`, key: 'pools', kind: LB_KINDS.pool, schema: PoolSchema,
            value: (o) => String(o.id), label: (o) => String(o.name || o.id), noun: 'kinds.loadBalancer.pool.noun', none: 'kinds.loadBalancer.l7.noPool', choose: 'kinds.loadBalancer.l7.noPool', staleTime: 0,
          },
        },
        { name: 'url', label: 'kinds.loadBalancer.l7.url', type: 'text', placeholder: 'kinds.loadBalancer.l7.urlPlaceholder' },
      ],
      defaults: { name: '', action: 'REJECT', position: '', poolId: '', url: '' },
      request: (i) => l7PolicyCreateRequest(listenerId, i),
      cli: (i) => command('openstack loadbalancer l7policy create', { '--name': i.name || undefined, '--action': i.action, '--position': i.position || undefined, '--redirect-pool': i.action === 'REDIRECT_TO_POOL' ? i.poolId || '<pool>' : undefined, '--redirect-url': i.action === 'REDIRECT_TO_URL' ? i.url || '<url>' : undefined, '--redirect-prefix': i.action === 'REDIRECT_PREFIX' ? i.url || '<prefix>' : undefined }, listenerId),
    },
    invalidates: [LB_KINDS.lb, LB_KINDS.listener],
    cli: { list: 'openstack loadbalancer l7policy list', show: (p) => command('openstack loadbalancer l7policy show', p.id) },
  });
}

export const L7RuleCreateSchema = z
  .object({
    type: z.enum(L7_RULE_TYPES),
    compareType: z.enum(L7_COMPARE_TYPES),
    key: z.string().trim(),
    value: z.string().trim().min(1, { error: 'kinds.loadBalancer.errors.l7Value' }),
    invert: z.boolean(),
  })
  .superRefine((v, ctx) => {
    if ((v.type === 'HEADER' || v.type === 'COOKIE') && !v.key) ctx.addIssue({ code: 'custom', path: ['key'], message: 'kinds.loadBalancer.errors.l7Key' });
  });
export type L7RuleCreate = z.infer<typeof L7RuleCreateSchema>;

export const l7RuleCreateRequest = (policyId: string, i: L7RuleCreate): ApiRequest => ({
  method: 'POST', path: `${LB_BASE}/l7policies/${policyId}/rules`,
  body: { rule: { type: i.type, compare_type: i.compareType, value: i.value, ...(i.key && (i.type === 'HEADER' || i.type === 'COOKIE') ? { key: i.key } : {}), ...(i.invert ? { invert: true } : {}) } },
});

const ruleText = (r: L7Rule) => `${r.type}${r.key ? ` ${r.key}` : ''} ${r.invert ? 'NOT ' : ''}${r.compare_type} ${r.value}`;

export function l7RuleDefinition(policyId: string): ResourceDefinition<L7Rule, L7RuleCreate> {
  return define<L7Rule, L7RuleCreate>({
    kind: LB_KINDS.l7rule, slug: 'load-balancers',
    label: { singular: 'kinds.loadBalancer.l7.ruleSingular', plural: 'kinds.loadBalancer.l7.rules', noun: 'kinds.loadBalancer.l7.ruleNoun' },
    ...rest(OCTAVIA, `${LB_BASE}/l7policies/${policyId}/rules`, 'rule'),
    schema: L7RuleSchema,
    name: ruleText,
    status: (r) => objectStatus(r),
    columns: [
      { id: 'type', label: 'kinds.loadBalancer.l7.ruleType', value: (r) => r.type },
      { id: 'key', label: 'kinds.loadBalancer.l7.key', value: (r) => r.key ?? '', cell: 'mono' },
      { id: 'compare', label: 'kinds.loadBalancer.l7.compareType', value: (r) => (r.invert ? `NOT ${r.compare_type}` : r.compare_type) },
      { id: 'value', label: 'kinds.loadBalancer.l7.value', value: (r) => r.value, cell: 'mono' },
      ...states<L7Rule>(),
    ],
    actions: [settledDelete<L7Rule>('kinds.loadBalancer.l7.ruleDeleteTitle', (r) => `${LB_BASE}/l7policies/${policyId}/rules/${r.id}`, (r) => command('openstack loadbalancer l7rule delete', policyId, r.id), ruleText)],
    create: {
      schema: L7RuleCreateSchema,
      fields: [
        { name: 'type', label: 'kinds.loadBalancer.l7.ruleType', type: 'select', options: choices(L7_RULE_TYPES) },
        { name: 'compareType', label: 'kinds.loadBalancer.l7.compareType', type: 'select', options: choices(L7_COMPARE_TYPES) },
        { name: 'key', label: 'kinds.loadBalancer.l7.key', type: 'text', hint: 'kinds.loadBalancer.l7.keyHint' },
        { name: 'value', label: 'kinds.loadBalancer.l7.value', type: 'text' },
        { name: 'invert', label: 'kinds.loadBalancer.l7.invert', type: 'checkbox' },
      ],
      defaults: { type: 'PATH', compareType: 'STARTS_WITH', key: '', value: '', invert: false },
      request: (i) => l7RuleCreateRequest(policyId, i),
      cli: (i) => command('openstack loadbalancer l7rule create', { '--type': i.type, '--compare-type': i.compareType, '--key': i.key || undefined, '--value': i.value || '<value>', '--invert': i.invert }, policyId),
    },
    invalidates: [LB_KINDS.lb, LB_KINDS.l7policy],
    cli: { list: `openstack loadbalancer l7rule list ${policyId}`, show: (r) => command('openstack loadbalancer l7rule show', policyId, r.id) },
  });
}
