'use client';

import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import type { Text } from '@/lib/i18n/msg';
import { explainFailure } from '@/lib/resources/explain';

/**
 * A failed resource's own message (Nova fault, Cinder user message, Magnum status reason, Ironic last_error) with a
 * plain-language explanation and the likely next step when the message is a known one. The service's message and
 * its name are shown as they are.
 */
export function FailureNotice({ title, message, source, requestId, code }: { title: Text; message: string; source: string; requestId?: string; code?: number }) {
  const t = useTranslations('resource.failure');
  const m = useMsg();
  const why = explainFailure(message);
  const heading = code ? t('withCode', { title: m(title), code }) : m(title);
  const said = (chunks: ReactNode) => <span className="break-words">{chunks}</span>;
  return (
    <div role="alert" aria-label={m(title)} className="space-y-1 rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
      <p className="font-medium">{heading}</p>
      {why && (
        <>
          <p>{m(why.summary)}</p>
          <p>{t.rich('nextStep', { next: m(why.next), b: (chunks) => <span className="font-medium">{chunks}</span> })}</p>
        </>
      )}
      <p className={why ? 'text-xs opacity-80' : ''}>{why ? t.rich('said', { source, message, msg: said }) : said(message)}</p>
      {requestId && <p className="font-mono text-xs opacity-80">{t('requestId', { id: requestId })}</p>}
    </div>
  );
}
