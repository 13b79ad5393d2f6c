'use client';
// The create form's steps as they run (lib/resources/load-balancer/create-run.ts): an ordered list with each step's
// state, and at the end either a link to the load balancer or, after a failure, the refusal explained, what exists
// and what was not made. Shown on the create page and on the load balancer's page (the run goes on when the user
// leaves the form). Its own component: a run is not a query, and no definition declares a sequence of calls.
import { useTranslations } from 'next-intl';
import { useId } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import Link from '@/components/ui/intent-link';
import { useResourceHref } from '@/lib/resources/hooks';
import { madeAndMissing, type LbCreateRun, type LbStepState } from '@/lib/resources/load-balancer/create-run';

// Literal keys, so the catalogs test sees each one used.
const STEP = { loadbalancer: 'steps.loadbalancer', listener: 'steps.listener', pool: 'steps.pool', members: 'steps.members', monitor: 'steps.monitor' } as const;
const OBJECT = { loadbalancer: 'objects.loadbalancer', listener: 'objects.listener', pool: 'objects.pool', members: 'objects.members', monitor: 'objects.monitor' } as const;
const STATE = { waiting: 'states.waiting', running: 'states.running', done: 'states.done', failed: 'states.failed' } as const;

const tone: Record<LbStepState, string> = {
  waiting: 'text-zinc-600 dark:text-zinc-400',
  running: 'text-sky-800 dark:text-sky-300',
  done: 'text-emerald-800 dark:text-emerald-300',
  failed: 'text-red-800 dark:text-red-300',
};

export function LbCreateProgress({ run, floatingPool }: { run: LbCreateRun; floatingPool?: string }) {
  const t = useTranslations('loadBalancer.create.run');
  const tc = useTranslations('loadBalancer.create');
  const href = useResourceHref();
  const headingId = useId();
  const lbId = run.ids.loadbalancer;
  const failed = run.steps.find((s) => s.state === 'failed');
  const { made, missing } = madeAndMissing(run);
  const list = (ids: typeof made) => ids.map((s) => t(OBJECT[s])).join(', ');
  const lbLink = lbId && (
    <Link className="font-medium text-sky-700 underline dark:text-sky-300" href={href('load-balancers', encodeURIComponent(lbId), floatingPool ? `fip=${encodeURIComponent(floatingPool)}` : '')}>
      {t('open', { name: run.name || lbId })}
    </Link>
  );
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800">
      <h2 id={headingId} className="text-sm font-semibold">
        {t('heading', { name: run.name || '—' })}
      </h2>
      <ol aria-label={t('stepsLabel')} className="list-decimal space-y-1 pl-6 text-sm">
        {run.steps.map((s) => (
          <li key={s.id}>
            <span className="font-medium">{t(STEP[s.id])}</span>
            <span className={tone[s.state]}> — {t(STATE[s.state])}</span>
          </li>
        ))}
      </ol>
      <p role="status" className="text-sm">
        {!run.finished ? t('runningNote') : failed ? t('failedSummary', { step: t(STEP[failed.id]) }) : t('doneSummary')}
      </p>
      {failed && (
        <>
          <ApiErrorNotice title={failed.id === 'loadbalancer' ? tc('refused') : t('failedTitle', { step: t(STEP[failed.id]) })} error={run.error} />
          <p className="text-sm">{made.length ? t('made', { objects: list(made) }) : t('nothingMade')}</p>
          {missing.length > 0 && <p className="text-sm">{t('missing', { objects: list(missing) })}</p>}
        </>
      )}
      {lbLink && <p className="text-sm">{lbLink}</p>}
    </section>
  );
}
