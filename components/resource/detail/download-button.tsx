'use client';

import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { useDetailDownload } from '@/lib/resources/form/task';
import type { DetailDownload, ResourceDefinition } from '@/lib/resources/types';
import { BelowToolbar } from './toolbar';

/**
 * A definition's download in its detail page's toolbar (export a zone file): the button, then what was saved beside it,
 * or why not below the row (an error box inside the row would push Delete off its line).
 */
export function DownloadButton<T, K>({ def, spec, row }: { def: ResourceDefinition<T>; spec: DetailDownload<T, K>; row: T }) {
  const t = useTranslations('resource.download');
  const m = useMsg();
  const run = useDetailDownload(def, spec);
  const start = () => run.mutate(row, { onSuccess: (f) => download(f.name, f.mime, f.text) });
  return (
    <>
      <button type="button" className={buttonClass.secondary} disabled={run.isPending} title={spec.cli(row)} onClick={start}>
        {m(run.isPending ? spec.busy : spec.label)}
      </button>
      {run.isSuccess && (
        <span role="status" className="self-center text-sm text-zinc-600 dark:text-zinc-400">
          {t('done', { name: run.data.name })}
          {spec.again && (
            <>
              {' '}
              (<code className="font-mono text-xs">{spec.again(run.data.task)}</code>)
            </>
          )}
        </span>
      )}
      {run.isError && (
        <BelowToolbar>
          <ApiErrorNotice title={spec.errorTitle} error={run.error} />
        </BelowToolbar>
      )}
    </>
  );
}
