'use client';

import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState } from 'react';
import { useMsg, useNoun } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { fetchRevealed, type Revealed } from '@/lib/resources/define-detail';
import type { ResourceDefinition, RevealPanel } from '@/lib/resources/types';

/** Hidden again by itself after this long, so a revealed value does not stay on an unattended screen. */
const AUTO_HIDE_MS = 120_000;

/**
 * A definition's `reveal` (a secret's payload), shown only on an explicit click and fetched fresh each time. It lives
 * in this component's state only (never the query cache) and is dropped on hide, on auto-hide and on unmount.
 * Render it keyed by the object's id, so another object starts hidden.
 */
export function RevealPanelView<T>({ def, spec, row }: { def: ResourceDefinition<T>; spec: RevealPanel<T>; row: T }) {
  const t = useTranslations('resource.reveal');
  const m = useMsg();
  const nounOf = useNoun();
  const locale = useLocale();
  const [value, setValue] = useState<Revealed | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [copied, setCopied] = useState(false);
  const abort = useRef<AbortController | null>(null);
  const headingId = useId();

  const hide = () => {
    abort.current?.abort();
    abort.current = null;
    setValue(null);
    setCopied(false);
    setLoading(false);
  };
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (!value) return;
    const t = setTimeout(hide, AUTO_HIDE_MS);
    return () => clearTimeout(t);
  }, [value]);

  async function reveal() {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setLoading(true);
    try {
      const v = await fetchRevealed(def.service, spec.request(row), ctl.signal);
      if (!ctl.signal.aborted) setValue(v);
    } catch (e) {
      if (!ctl.signal.aborted) setError(e);
    } finally {
      if (!ctl.signal.aborted) setLoading(false);
    }
  }

  const shown = value?.text ?? value?.base64 ?? '';
  const empty = spec.empty?.(row);
  const noun = nounOf(spec.noun, 1);
  // The noun as a heading: "payload" gives "Payload" (a no-op where nouns have no case, or are capitalised already).
  const heading = `${noun.charAt(0).toLocaleUpperCase(locale)}${noun.slice(1)}`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id={headingId} className="text-lg font-semibold">{heading}</h2>
      {empty ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">{m(empty)}</p>
      ) : value ? (
        <div className="space-y-2">
          {value.base64 !== undefined && <p className="text-xs text-zinc-500 dark:text-zinc-400">{t('binary', { type: value.contentType })}</p>}
          <pre aria-label={m(spec.label)} className="max-h-64 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs break-all whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950">
            {shown}
          </pre>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={buttonClass.secondary} onClick={hide}>
              {t('hide', { noun })}
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                void navigator.clipboard?.writeText(shown).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              {t('copy', { noun })}
            </button>
            <span role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
              {copied ? t('copied') : t('autoHide', { minutes: AUTO_HIDE_MS / 60_000 })}
            </span>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass.secondary} disabled={loading} onClick={() => void reveal()}>
          {loading ? t('fetching', { noun }) : t('reveal', { noun })}
        </button>
      )}
      {!!error && <ApiErrorNotice title={t('readFailed', { noun })} error={error} />}
      <CliHint>{spec.cli(row)}</CliHint>
    </section>
  );
}
