// Runs the create form's plan (create.ts lbCreatePlan) one object at a time, waiting after each for the load balancer
// to be ACTIVE again (Octavia answers 409 to any change below a PENDING_* load balancer). The run lives in this module,
// not in a component: it keeps going when the user leaves the create page for another page of Stratus (the load
// balancer's page shows it too, lb-detail.tsx); only closing or reloading the tab stops it, which the page warns of.
// Components read a run with useLbCreateRun (useSyncExternalStore).
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import { apiFetch, TextError } from '@/lib/client/api';
import { msg } from '@/lib/i18n/msg';
import { osCall, osPath } from '../hooks';
import type { LbCreateStep, LbMadeIds, LbStepId } from './create';
import { LB_BASE, LoadBalancerSchema, OCTAVIA } from './octavia';

export type LbStepState = 'waiting' | 'running' | 'done' | 'failed';

export interface LbCreateRun {
  id: string;
  name: string;
  /** `created`: the step's call was accepted (its object exists, even when the wait after it failed). */
  steps: { id: LbStepId; state: LbStepState; created?: boolean }[];
  ids: LbMadeIds;
  /** The refusal or failure of the failed step (an ApiError, or a TextError in our words). */
  error?: unknown;
  finished: boolean;
}

/** How long one step may take to settle before the run gives up on it. */
const SETTLE_TIMEOUT_MS = 5 * 60_000;

const runs = new Map<string, LbCreateRun>();
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());
const update = (id: string, fn: (r: LbCreateRun) => LbCreateRun) => {
  const r = runs.get(id);
  if (r) runs.set(id, fn(r));
  emit();
};

const LbAnswer = z.object({ loadbalancer: LoadBalancerSchema });

/** Polls the load balancer until it is ACTIVE again; ERROR, gone or too long ends the run (in our words). */
async function settle(lbId: string, sleep: (ms: number) => Promise<void>) {
  const until = Date.now() + SETTLE_TIMEOUT_MS;
  for (;;) {
    const { loadbalancer: lb } = await apiFetch(osPath(OCTAVIA.service, `${LB_BASE}/loadbalancers/${lbId}`), { schema: LbAnswer }).catch((e: unknown) => {
      throw (e as { status?: number }).status === 404 ? new TextError('loadBalancer.create.run.gone') : e;
    });
    if (lb.provisioning_status === 'ACTIVE') return;
    if (lb.provisioning_status === 'ERROR') throw new TextError('loadBalancer.create.run.lbError');
    if (Date.now() > until) throw new TextError(msg('loadBalancer.create.run.timeout', { minutes: SETTLE_TIMEOUT_MS / 60_000 }));
    await sleep(1_000);
  }
}

const idOf = (answer: unknown, key: string): string | undefined => {
  const v = (answer as Record<string, { id?: unknown } | undefined> | undefined)?.[key]?.id;
  return typeof v === 'string' ? v : undefined;
};

/**
 * Starts a run and returns its id at once; `onSettled` is called when it ends (done or failed), whatever page is
 * showing then. `sleep` is for tests.
 */
export function startLbCreate(name: string, plan: LbCreateStep[], onSettled: (run: LbCreateRun) => void, sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))): string {
  const id = `lb-create-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  runs.set(id, { id, name, steps: plan.map((s) => ({ id: s.id, state: 'waiting' })), ids: {}, finished: false });
  emit();
  // Closing or reloading the tab would stop the run half-way: the browser asks first.
  const warn = (e: BeforeUnloadEvent) => e.preventDefault();
  if (typeof window !== 'undefined') window.addEventListener('beforeunload', warn);
  const end = () => {
    if (typeof window !== 'undefined') window.removeEventListener('beforeunload', warn);
    onSettled(runs.get(id)!);
  };
  void (async () => {
    const ids: LbMadeIds = {};
    for (const [n, step] of plan.entries()) {
      const mark = (state: LbStepState, created?: boolean) => update(id, (r) => ({ ...r, ids: { ...ids }, steps: r.steps.map((s, j) => (j === n ? { ...s, state, created: created ?? s.created } : s)) }));
      mark('running');
      try {
        const answer = await osCall(OCTAVIA, step.request(ids as Required<LbMadeIds>));
        if (step.made) ids[step.made] = idOf(answer, step.made);
        mark('running', true);
        await settle(ids.loadbalancer!, sleep);
        mark('done');
      } catch (error) {
        mark('failed');
        update(id, (r) => ({ ...r, error, finished: true }));
        return end();
      }
    }
    update(id, (r) => ({ ...r, finished: true }));
    end();
  })();
  return id;
}

/** The run started on this tab that made load balancer `lbId`, if any (its page shows the progress). */
export const runForLoadBalancer = (lbId: string) => [...runs.values()].find((r) => r.ids.loadbalancer === lbId);

const subscribe = (l: () => void) => {
  listeners.add(l);
  return () => listeners.delete(l);
};

/** A run by its id (the create page) or by the load balancer it made (its page). */
export function useLbCreateRun(by: { run?: string; loadBalancer?: string }): LbCreateRun | undefined {
  const get = () => (by.run ? runs.get(by.run) : by.loadBalancer ? runForLoadBalancer(by.loadBalancer) : undefined);
  return useSyncExternalStore(subscribe, get, () => undefined);
}

/** What exists after a run and what was not made: for the failure summary. */
export function madeAndMissing(run: LbCreateRun): { made: LbStepId[]; missing: LbStepId[] } {
  return { made: run.steps.filter((s) => s.created).map((s) => s.id), missing: run.steps.filter((s) => !s.created).map((s) => s.id) };
}
