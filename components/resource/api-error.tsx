'use client';

import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiError, DryRunError, errorText } from '@/lib/client/api';
import type { Text } from '@/lib/i18n/msg';
import { explainFailure } from '@/lib/resources/explain';

const EXPLAINED_REFUSALS = new Set(['load-balancer', 'database', 'sharev2', 'compute']);

/** An API refusal with the service's message (as the service sent it) and the request id, for forms and toasts. */
export function ApiErrorNotice({ error, title }: { error: unknown; title?: Text }) {
  const t = useTranslations('resource.apiError');
  const m = useMsg();
  if (!error) return null;
  // The recorder's dry run kept the call from being sent: not a failure, and the page says nothing changed.
  if (error instanceof DryRunError)
    return (
      <div role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
        <p className="font-medium">{m('recorder.notSentTitle')}</p>
        <p className="mt-0.5">{m(errorText(error))}</p>
      </div>
    );
  // Our own routes' refusals carry a catalog message (errorText); a service's text shows as the service sent it.
  const message = m(errorText(error));
  const requestId = error instanceof ApiError ? error.requestId : undefined;
  // Only Octavia's, Trove's and Manila's for now: the other rules were written for failed resources, not for refusals.
  const why = error instanceof ApiError && EXPLAINED_REFUSALS.has(error.service ?? '') ? explainFailure(error.message) : undefined;
  const service = error instanceof ApiError ? error.service : undefined;
  const status = error instanceof ApiError ? error.status : undefined;
  // "HTTP 404 · compute · request id req-…": the protocol and the service's name stay as they are.
  const facts = [status ? `HTTP ${status}` : '', service ?? '', requestId ? t('requestId', { id: requestId }) : ''].filter(Boolean).join(' · ');
  return (
    <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-medium">{title === undefined ? t('failed') : m(title)}</p>
      <p className="mt-0.5">{message}</p>
      {/* A refusal whose meaning is known (Octavia's "immutable" while a load balancer is busy): plain words and the next step. */}
      {why && (
        <p className="mt-1">
          {m(why.summary)} {m(why.next)}
        </p>
      )}
      {(requestId || status) && <p className="mt-1 font-mono text-xs text-red-800/80 dark:text-red-200/80">{facts}</p>}
    </div>
  );
}
