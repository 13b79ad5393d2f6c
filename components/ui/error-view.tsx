'use client';

import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { errorText } from '@/lib/client/api';
import { buttonClass } from './button';

export function ErrorView({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  const t = useTranslations('ui.errorView');
  const m = useMsg();
  // An error in our words is translated; a service's message shows as it was sent.
  const message = error.message ? m(errorText(error)) : t('notLoaded');
  return (
    <div role="alert" className="mx-auto max-w-xl px-6 py-16">
      <h1 className="text-xl font-semibold">{t('heading')}</h1>
      <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">{message}</p>
      {error.digest && <p className="mt-1 font-mono text-xs text-zinc-500 dark:text-zinc-400">{t('reference', { digest: error.digest })}</p>}
      <button type="button" className={`${buttonClass.secondary} mt-6`} onClick={reset}>
        {t('tryAgain')}
      </button>
    </div>
  );
}
