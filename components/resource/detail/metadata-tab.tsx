'use client';

import { useTranslations } from 'next-intl';
import { useId, useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass } from '@/components/ui/field';
import { useOsMutation, usePathQuery } from '@/lib/resources/queries';
import type { MetadataTab, ResourceDefinition, Text } from '@/lib/resources/types';

/**
 * A definition's key/value metadata (`def.metadata`): the pairs, and an edit form of `key=value` lines whose save
 * replaces the whole set. Read and cached under the kind, so a save refetches it with the object.
 */
export function MetadataTabView<T>({ def, spec, row }: { def: ResourceDefinition<T>; spec: MetadataTab<T>; row: T }) {
  const t = useTranslations('resource.metadata');
  const tc = useTranslations('common');
  const m = useMsg();
  const path = spec.path(row);
  const q = usePathQuery(def.kind, def, path, spec.schema);
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<Text>('');
  const uid = useId();
  const save = useOsMutation(def, (metadata: Record<string, string>) => spec.request(row, metadata), {
    invalidates: [def.kind],
    onDone: () => setDraft(null),
  });
  const entries = Object.entries(q.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const text = draft ?? entries.map(([k, v]) => `${k}=${v}`).join('\n');

  if (q.isError) return <ApiErrorNotice title={t('loadFailed')} error={q.error} />;
  return (
    <section aria-label={m(spec.label)} className="space-y-3">
      {draft === null ? (
        <>
          {entries.length ? (
            <dl className="grid gap-x-6 gap-y-1 rounded-lg border border-zinc-200 bg-white p-4 text-sm sm:grid-cols-[12rem_1fr] dark:border-zinc-800 dark:bg-zinc-900">
              {entries.map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="font-mono text-xs">{k}</dt>
                  <dd className="break-words">{v}</dd>
                </div>
              ))}
            </dl>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{q.isPending ? t('loading') : t('empty')}</p>
          )}
          <button type="button" className={buttonClass.secondary} disabled={q.isPending} onClick={() => setDraft(text)}>
            {t('edit')}
          </button>
        </>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const r = spec.parse(draft);
            if ('error' in r) return setError(r.error);
            setError('');
            save.mutate(r.metadata);
          }}
        >
          <div className="space-y-1.5 text-sm">
            <label htmlFor={`${uid}-md`} className="block font-medium text-zinc-700 dark:text-zinc-300">
              {t('lines', { label: m(spec.label) })}
            </label>
            <textarea id={`${uid}-md`} className={`${inputClass} font-mono`} rows={6} aria-invalid={error ? true : undefined} aria-describedby={error ? `${uid}-md-error` : undefined} value={draft} onChange={(e) => setDraft(e.target.value)} />
            {error && <p id={`${uid}-md-error`} className="text-sm text-red-600 dark:text-red-400">{m(error)}</p>}
          </div>
          {save.isError && <ApiErrorNotice title={t('saveFailed')} error={save.error} />}
          <div className="flex gap-2">
            <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
              {t('save')}
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => { setDraft(null); setError(''); }}>
              {tc('cancel')}
            </button>
          </div>
        </form>
      )}
      <CliHint>{spec.cli(row)}</CliHint>
    </section>
  );
}
