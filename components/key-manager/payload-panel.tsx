'use client';

import { useEffect, useRef, useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { fetchPayload, type RevealedPayload } from '@/lib/resources/key-manager/payload';
import { secretPayloadCli, type Secret } from '@/lib/resources/key-manager/secret';

/** Hidden again by itself after this long, so a payload does not stay on an unattended screen. */
const AUTO_HIDE_MS = 120_000;

/**
 * The payload, shown only on an explicit click and fetched fresh each time. It lives in this component's state
 * only (never the query cache) and is dropped on hide, on auto-hide and on unmount.
 */
export function PayloadPanel({ secret }: { secret: Secret }) {
  const [payload, setPayload] = useState<RevealedPayload | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [loading, setLoading] = useState(false);
  const [copied, setCopied] = useState(false);
  const abort = useRef<AbortController | null>(null);

  const hide = () => {
    abort.current?.abort();
    abort.current = null;
    setPayload(null);
    setCopied(false);
    setLoading(false);
  };
  useEffect(() => () => abort.current?.abort(), []);
  useEffect(() => {
    if (!payload) return;
    const t = setTimeout(hide, AUTO_HIDE_MS);
    return () => clearTimeout(t);
  }, [payload]);

  async function reveal() {
    abort.current?.abort();
    const ctl = new AbortController();
    abort.current = ctl;
    setError(null);
    setLoading(true);
    try {
      const p = await fetchPayload(secret.secret_ref, secret.content_types?.default, ctl.signal);
      if (!ctl.signal.aborted) setPayload(p);
    } catch (e) {
      if (!ctl.signal.aborted) setError(e);
    } finally {
      if (!ctl.signal.aborted) setLoading(false);
    }
  }

  const value = payload?.text ?? payload?.base64 ?? '';
  const hasPayload = !!secret.content_types && Object.keys(secret.content_types).length > 0;
  return (
    <section aria-labelledby="payload-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="payload-heading" className="text-lg font-semibold">Payload</h2>
      {!hasPayload ? (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">This secret has no payload yet.</p>
      ) : payload ? (
        <div className="space-y-2">
          {payload.base64 !== undefined && <p className="text-xs text-zinc-500 dark:text-zinc-400">Binary ({payload.contentType}), shown base64-encoded.</p>}
          <pre aria-label="Secret payload" className="max-h-64 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs break-all whitespace-pre-wrap dark:border-zinc-800 dark:bg-zinc-950">
            {value}
          </pre>
          <div className="flex flex-wrap items-center gap-2">
            <button type="button" className={buttonClass.secondary} onClick={hide}>
              Hide payload
            </button>
            <button
              type="button"
              className={buttonClass.secondary}
              onClick={() => {
                void navigator.clipboard?.writeText(value).then(() => setCopied(true), () => setCopied(false));
              }}
            >
              Copy payload
            </button>
            <span role="status" className="text-xs text-zinc-500 dark:text-zinc-400">
              {copied ? 'Copied to the clipboard.' : 'Hidden again after 2 minutes.'}
            </span>
          </div>
        </div>
      ) : (
        <button type="button" className={buttonClass.secondary} disabled={loading} onClick={() => void reveal()}>
          {loading ? 'Fetching payload…' : 'Reveal payload'}
        </button>
      )}
      {!!error && <ApiErrorNotice title="Could not read the payload" error={error} />}
      <CliHint>{secretPayloadCli(secret)}</CliHint>
    </section>
  );
}
