'use client';
// A load balancer's page: the generic detail (overview, listeners and pools tabs from the definition) plus what the
// definition cannot declare: the status tree from GET .../status as nested lists (each object's provisioning state
// and health), a Members tab with each pool's members (add, remove, backup), and the floating IP step after a create.
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useRef, useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { StatusBadge } from '@/components/resource/status-badge';
import { ChildTabView } from '@/components/resource/sub-list';
import { useResourceList } from '@/lib/resources/hooks';
import { useInvalidateKinds } from '@/lib/resources/queries';
import { listenerDefinition, memberDefinition, monitorDefinition, poolDefinition } from '@/lib/resources/load-balancer/children';
import { l7PolicyDefinition, l7RuleDefinition } from '@/lib/resources/load-balancer/l7';
import type { ChildTab } from '@/lib/resources/types';
import { loadBalancerDefinition } from '@/lib/resources/load-balancer/load-balancer';
import type { L7Policy, Listener, LoadBalancer, Pool } from '@/lib/resources/load-balancer/octavia';
import { useLbCreateRun } from '@/lib/resources/load-balancer/create-run';
import { associateVipFloatingIp, useStatusTree, type FloatingStep } from '@/lib/resources/load-balancer/queries';
import { buildStatusTree, stuckBelow, treeKindLabel, type TreeNode } from '@/lib/resources/load-balancer/tree';
import { withQuery } from '@/lib/resources/url-state';
import { LbCreateProgress } from './lb-create-progress';

/** The create form's run that made this load balancer, while this tab remembers it (the user left the form). */
function CreateRun({ lbId }: { lbId: string }) {
  const run = useLbCreateRun({ loadBalancer: lbId });
  return run ? <LbCreateProgress run={run} /> : null;
}

export function LoadBalancerDetail({ id }: { id: string }) {
  const t = useTranslations('loadBalancer.detail');
  return (
    <ResourceDetail
      def={loadBalancerDefinition}
      id={id}
      overviewExtra={(lb) => (
        <>
          <CreateRun lbId={lb.id} />
          <VipFloatingIp lb={lb} />
          <StatusTree lb={lb} />
        </>
      )}
      tabs={[
        { id: 'members', label: t('membersTab'), render: (lb) => <PerPool lb={lb} child="members" />, cli: () => 'openstack loadbalancer member list <pool>' },
        { id: 'monitors', label: t('monitorsTab'), render: (lb) => <PerPool lb={lb} child="monitors" />, cli: () => 'openstack loadbalancer healthmonitor list' },
        { id: 'l7', label: t('l7Tab'), render: (lb) => <L7Tab lb={lb} />, cli: () => 'openstack loadbalancer l7policy list' },
      ]}
    />
  );
}

function TreeItem({ node }: { node: TreeNode }) {
  const m = useMsg();
  const t = useTranslations('loadBalancer.detail');
  return (
    <li className="space-y-1">
      <div className="flex flex-wrap items-center gap-2 py-0.5">
        <span className="text-xs font-medium tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{m(treeKindLabel(node.kind))}</span>
        <span className="font-medium break-all">{node.label}</span>
        <span className="sr-only">{t('provisioning')}</span>
        <StatusBadge status={node.provisioning} />
        <span className="sr-only">{t('health')}</span>
        <StatusBadge status={node.health} />
      </div>
      {node.children.length > 0 && (
        <ul className="ml-4 border-l border-zinc-200 pl-4 dark:border-zinc-700">
          {node.children.map((c) => (
            <TreeItem key={c.key} node={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** GET .../status as nested lists: the load balancer, its listeners, their pools, each pool's monitor and members. */
function StatusTree({ lb }: { lb: LoadBalancer }) {
  const t = useTranslations('loadBalancer.detail');
  const q = useStatusTree(lb);
  const tree = q.data ? buildStatusTree(q.data) : undefined;
  return (
    <section aria-labelledby="lb-status-tree" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="lb-status-tree" className="font-semibold">{t('treeHeading')}</h2>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('treeIntro')}</p>
      {q.isPending && <p className="text-zinc-500 dark:text-zinc-400">{t('treeLoading')}</p>}
      {q.isError && <ApiErrorNotice title={t('treeFailed')} error={q.error} />}
      {tree && stuckBelow(tree) > 0 && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {t('stuck', { count: stuckBelow(tree) })}
        </p>
      )}
      {tree && (
        <ul aria-label={t('treeHeading')}>
          <TreeItem node={tree} />
        </ul>
      )}
    </section>
  );
}

/** Each pool with its members (add, backup, remove) or its health monitor (add, remove) as a compact table. */
function PerPool({ lb, child }: { lb: LoadBalancer; child: 'members' | 'monitors' }) {
  const t = useTranslations('loadBalancer.detail');
  const pools = useResourceList(poolDefinition(lb.id), { filters: {} });
  if (pools.isError) return <ApiErrorNotice error={pools.error} />;
  if (!pools.data) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('poolsLoading')}</p>;
  if (!pools.data.items.length) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noPools')}</p>;
  return (
    <div className="space-y-6">
      {pools.data.items.map((p: Pool) => {
        const name = p.name || p.id;
        // A pool takes one monitor (Octavia answers 409 for a second): the add form only where it has none.
        const tab: ChildTab<Pool> =
          child === 'members'
            ? { id: 'members', label: 'kinds.loadBalancer.member.plural', view: 'compact', table: t('membersOf', { name }), list: (pool) => memberDefinition(pool.id, pool.name || pool.id) }
            : { id: 'monitors', label: 'kinds.loadBalancer.monitor.plural', view: 'compact', table: t('monitorOf', { name }), list: (pool) => ({ ...monitorDefinition(pool.id, pool.name || pool.id), ...(pool.healthmonitor_id ? { create: undefined } : {}) }) };
        return (
          <section key={p.id} aria-labelledby={`${child}-${p.id}`} className="space-y-2">
            <h2 id={`${child}-${p.id}`} className="text-base font-semibold">{t('poolHeading', { name, protocol: p.protocol, algorithm: p.lb_algorithm })}</h2>
            <ChildTabView row={p} tab={tab} />
          </section>
        );
      })}
    </div>
  );
}

/** HTTP listeners with their L7 policies, and each policy with its rules. */
function L7Tab({ lb }: { lb: LoadBalancer }) {
  const t = useTranslations('loadBalancer.detail');
  const listeners = useResourceList(listenerDefinition(lb.id), { filters: {} });
  if (listeners.isError) return <ApiErrorNotice error={listeners.error} />;
  if (!listeners.data) return <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('listenersLoading')}</p>;
  const http = listeners.data.items.filter((l) => l.protocol === 'HTTP' || l.protocol === 'TERMINATED_HTTPS');
  if (!http.length) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noHttpListeners')}</p>;
  return (
    <div className="space-y-8">
      {http.map((l) => (
        <section key={l.id} aria-labelledby={`l7-${l.id}`} className="space-y-3">
          <h2 id={`l7-${l.id}`} className="text-base font-semibold">{t('listenerHeading', { name: l.name || l.id, protocol: l.protocol, port: l.protocol_port })}</h2>
          <ChildTabView row={l} tab={{ id: 'l7', label: 'kinds.loadBalancer.l7.plural', view: 'compact', table: t('policiesOf', { name: l.name || l.id }), list: (x: Listener) => l7PolicyDefinition(lb.id, x.id) }} />
          <PolicyRules lbId={lb.id} listener={l} />
        </section>
      ))}
    </div>
  );
}

function PolicyRules({ lbId, listener }: { lbId: string; listener: Listener }) {
  const t = useTranslations('loadBalancer.detail');
  const policies = useResourceList(l7PolicyDefinition(lbId, listener.id), { filters: {} });
  return (
    <>
      {(policies.data?.items ?? []).map((p: L7Policy) => (
        <section key={p.id} aria-labelledby={`rules-${p.id}`} className="ml-4 space-y-2">
          <h3 id={`rules-${p.id}`} className="text-sm font-semibold">{t('rulesOf', { name: p.name || p.id, action: p.action })}</h3>
          <ChildTabView row={p} tab={{ id: 'rules', label: 'kinds.loadBalancer.l7.rules', view: 'compact', table: t('rulesOf', { name: p.name || p.id, action: p.action }), list: (x: L7Policy) => l7RuleDefinition(x.id) }} />
        </section>
      ))}
    </>
  );
}

/**
 * After a create with "new floating IP" (`?fip=<external network>`): once the load balancer is ACTIVE, a floating IP
 * is allocated on its VIP port, in one call. A cloud whose Octavia made no real VIP port (the noop network driver of
 * the test cloud) cannot have one: said plainly, nothing allocated.
 */
function VipFloatingIp({ lb }: { lb: LoadBalancer }) {
  const t = useTranslations('loadBalancer.detail');
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const invalidate = useInvalidateKinds();
  const pool = search.get('fip') ?? '';
  const started = useRef(false);
  const [result, setResult] = useState<{ step?: FloatingStep; error?: unknown }>({});
  const ready = lb.provisioning_status === 'ACTIVE';
  useEffect(() => {
    if (!pool || !ready || started.current) return;
    started.current = true;
    associateVipFloatingIp(lb, pool)
      .then((step) => setResult({ step }))
      .catch((error: unknown) => setResult({ error }))
      .finally(() => {
        void invalidate(['floating-ip', loadBalancerDefinition.kind]);
        const q = new URLSearchParams(search.toString());
        q.delete('fip');
        router.replace(withQuery(pathname, q.toString()), { scroll: false });
      });
  }, [pool, ready, lb, invalidate, router, pathname, search]);
  if (result.error) return <ApiErrorNotice title={t('fipFailed')} error={result.error} />;
  const box = 'rounded-md border px-3 py-2 text-sm';
  if (result.step?.kind === 'noVipPort') {
    return (
      <p role="status" className={`${box} border-amber-300 bg-amber-50 text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100`}>
        {t('fipNoPort', { port: result.step.portId })}
      </p>
    );
  }
  if (result.step?.kind === 'associated') {
    return <p role="status" className={`${box} border-emerald-300 bg-emerald-50 dark:border-emerald-700 dark:bg-emerald-950/40`}>{t('fipDone', { address: result.step.address })}</p>;
  }
  if (pool) return <p role="status" className={`${box} border-zinc-300 dark:border-zinc-700`}>{t('fipWaiting')}</p>;
  return null;
}
