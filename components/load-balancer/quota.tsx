'use client';
// The project's Octavia quota on the create page (GET v2/lbaas/quotas/{project_id}): Octavia says limits only, so
// the load balancers in use are counted from the list; -1 is "unlimited". A reader without load-balancer_observer
// rights gets 403: the panel then says the quota could not be read, and the form still works.
import { useTranslations } from 'next-intl';
import { useLbCount, useLbQuota } from '@/lib/resources/load-balancer/queries';
import type { LbQuota } from '@/lib/resources/load-balancer/octavia';


export function LbQuotaPanel() {
  const t = useTranslations('loadBalancer.quota');
  const quota = useLbQuota();
  const count = useLbCount();
  const limit = (v: number | null | undefined) => (v == null || v < 0 ? t('unlimited') : String(v));
  const rows: readonly [keyof LbQuota & string, string][] = [
    ['load_balancer', t('rows.load_balancer')],
    ['listener', t('rows.listener')],
    ['pool', t('rows.pool')],
    ['member', t('rows.member')],
    ['health_monitor', t('rows.health_monitor')],
  ];
  return (
    <section aria-labelledby="lb-quota" className="rounded-lg border border-zinc-200 p-4 text-sm dark:border-zinc-800">
      <h2 id="lb-quota" className="mb-2 font-semibold">{t('heading')}</h2>
      {quota.isPending && <p className="text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {quota.isError && <p className="text-zinc-600 dark:text-zinc-400">{t('unreadable')}</p>}
      {quota.data && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-6 gap-y-1">
          {rows.map(([k, label]) => (
            <div key={k} className="contents">
              <dt className="text-zinc-600 dark:text-zinc-400">{label}</dt>
              <dd className="tabular-nums">
                {k === 'load_balancer' && count.data !== undefined ? t('used', { used: count.data, limit: limit(quota.data[k]) }) : limit(quota.data[k] as number | null | undefined)}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
