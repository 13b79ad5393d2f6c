'use client';
// The export page: choose live objects of the kinds that map to Heat, read their template (lib/resources/iac/
// heat-template.ts) with what it leaves out, copy or download it, or launch it on the stack create page.
import Link from '@/components/ui/intent-link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useMemo, useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { useSectionAccessOf } from '@/components/shell/session-context';
import { useCopy } from '@/components/ui/copy-button';
import { useResourceHref } from '@/lib/resources/hooks';
import { HANDOFF_QUERY, parseSelection, selectionQuery, stashTemplate } from '@/lib/resources/iac/handoff';
import { EXPORT_PAGE, useExportCandidates, useHeatTemplate, type ExportCandidates } from '@/lib/resources/iac/use-heat-export';

const keyOf = (kind: string, id: string) => `${kind}:${id}`;

export function HeatExport() {
  const t = useTranslations('iac.export');
  const tc = useTranslations('ui.copy');
  const m = useMsg();
  const href = useResourceHref();
  const pathname = usePathname();
  const search = useSearchParams();
  const access = useSectionAccessOf();
  const candidates = useExportCandidates((slug) => access(slug) === 'ok');
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(parseSelection(search.getAll('select')).map((s) => keyOf(s.kind, s.id))));
  const { state: copied, copy } = useCopy(1500);

  // The choice is in the URL too (replaced, not pushed), so the page can be reloaded or its link shared.
  const choose = (next: Set<string>) => {
    setChosen(next);
    const q = new URLSearchParams(window.location.search);
    q.delete('select');
    const pairs = [...next].map((k) => ({ kind: k.slice(0, k.indexOf(':')), id: k.slice(k.indexOf(':') + 1) }));
    const rest = [q.toString(), selectionQuery(pairs)].filter(Boolean).join('&');
    window.history.replaceState(null, '', rest ? `${pathname}?${rest}` : pathname);
  };
  const toggle = (key: string, on: boolean) => {
    const next = new Set(chosen);
    if (on) next.add(key);
    else next.delete(key);
    choose(next);
  };

  const items = useMemo(
    () => candidates.flatMap((c) => c.rows.filter((r) => chosen.has(keyOf(c.def.kind, c.def.id(r)))).map((row) => ({ slug: c.def.slug, row }))),
    [candidates, chosen],
  );
  const { result, isPending, error } = useHeatTemplate(items);
  const fileName = `stratus-export-${new Date().toISOString().slice(0, 10)}.yaml`;

  return (
    <div className="space-y-5">
      <h1 className="text-2xl font-semibold tracking-tight">{t('title')}</h1>
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
      <div className="grid gap-6 lg:grid-cols-[minmax(16rem,1fr)_2fr]">
        <div className="space-y-4">
          <div className="flex flex-wrap items-center gap-3">
            <p role="status" className="text-sm font-medium">
              {t('chosen', { count: items.length })}
            </p>
            {chosen.size > 0 && (
              <button type="button" className={buttonClass.ghost} onClick={() => choose(new Set())}>
                {t('clear')}
              </button>
            )}
          </div>
          {candidates.map((c) => (
            <KindPicker key={c.def.kind} candidates={c} chosen={chosen} onToggle={toggle} />
          ))}
        </div>
        <section aria-labelledby="heat-export-template" className="min-w-0 space-y-3">
          <h2 id="heat-export-template" className="text-lg font-semibold">
            {t('templateHeading')}
          </h2>
          {items.length === 0 ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('nothingChosen')}</p>
          ) : error ? (
            <ApiErrorNotice title={t('inventoryFailed')} error={error} />
          ) : isPending || !result ? (
            <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('preparing')}</p>
          ) : (
            <>
              {result.warnings.length > 0 && (
                <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
                  <h3 className="font-medium">{t('warningsHeading', { count: result.warnings.length })}</h3>
                  <ul className="mt-1 list-disc space-y-1 pl-5">
                    {result.warnings.map((w, i) => (
                      <li key={i}>{m(w)}</li>
                    ))}
                  </ul>
                </div>
              )}
              <div className="flex flex-wrap gap-2">
                <button type="button" className={buttonClass.secondary} onClick={() => void copy(result.yaml)}>
                  <span aria-live="polite">{copied === 'copied' ? tc('copied') : copied === 'failed' ? tc('failed') : t('copy')}</span>
                </button>
                <button type="button" className={buttonClass.secondary} onClick={() => download(fileName, 'application/yaml', result.yaml)}>
                  {t('download')}
                </button>
                <Link href={href('stacks', 'new', HANDOFF_QUERY)} className={buttonClass.primary} onClick={() => stashTemplate(result.yaml)}>
                  {t('launch')}
                </Link>
              </div>
              {/* Focusable, so a keyboard user can scroll it; text only, never HTML from the cloud. */}
              <pre tabIndex={0} aria-label={t('templateLabel')} className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-900">
                {result.yaml}
              </pre>
            </>
          )}
        </section>
      </div>
    </div>
  );
}

/** One kind's objects as checkboxes, under the kind's name. */
function KindPicker({ candidates: c, chosen, onToggle }: { candidates: ExportCandidates; chosen: Set<string>; onToggle: (key: string, on: boolean) => void }) {
  const t = useTranslations('iac.export');
  const m = useMsg();
  const uid = useId();
  const def = c.def;
  return (
    <fieldset className="rounded-lg border border-zinc-200 p-3 dark:border-zinc-800">
      <legend className="px-1 text-sm font-semibold">{m(def.label.plural)}</legend>
      {c.error ? (
        <ApiErrorNotice title={t('loadFailed')} error={c.error} />
      ) : c.isPending ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('loading')}</p>
      ) : c.rows.length === 0 ? (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('none')}</p>
      ) : (
        <ul className="max-h-64 space-y-1 overflow-y-auto text-sm">
          {c.rows.map((row) => {
            const id = def.id(row);
            const key = keyOf(def.kind, id);
            return (
              <li key={key}>
                <label className="flex items-center gap-2" htmlFor={`${uid}-${id}`}>
                  <input id={`${uid}-${id}`} type="checkbox" checked={chosen.has(key)} onChange={(e) => onToggle(key, e.target.checked)} />
                  {/* The object's name is the cloud's data, not ours to translate. */}
                  <span className="truncate" title={id} translate="no">
                    {def.name(row) || id}
                  </span>
                </label>
              </li>
            );
          })}
        </ul>
      )}
      {c.rows.length >= EXPORT_PAGE && <p className="mt-2 text-xs text-zinc-600 dark:text-zinc-400">{t('more', { count: EXPORT_PAGE })}</p>}
    </fieldset>
  );
}
