'use client';

import { useId, useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass } from '@/components/ui/field';
import { metadataPath, parseMetadataText, refId, secretDefinition, SecretMetadataSchema, type Secret } from '@/lib/resources/key-manager/secret';
import { useOsMutation, usePathQuery } from '@/lib/resources/queries';

/** User metadata of a secret (GET/PUT /v1/secrets/{id}/metadata). PUT replaces the whole set; Barbican lowercases keys. */
export function SecretMetadata({ secret }: { secret: Secret }) {
  const id = refId(secret.secret_ref);
  const q = usePathQuery(secretDefinition.kind, secretDefinition, metadataPath(id), SecretMetadataSchema, { select: (b) => b.metadata });
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState('');
  const uid = useId();
  const save = useOsMutation(secretDefinition, (metadata: Record<string, string>) => ({ method: 'PUT', path: metadataPath(id), body: { metadata } }), {
    invalidates: [secretDefinition.kind],
    onDone: () => setDraft(null),
  });
  const entries = Object.entries(q.data ?? {}).sort(([a], [b]) => a.localeCompare(b));
  const text = draft ?? entries.map(([k, v]) => `${k}=${v}`).join('\n');

  if (q.isError) return <ApiErrorNotice title="Could not load the metadata" error={q.error} />;
  return (
    <section aria-label="Metadata" className="space-y-3">
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
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{q.isPending ? 'Loading metadata…' : 'No metadata.'}</p>
          )}
          <button type="button" className={buttonClass.secondary} disabled={q.isPending} onClick={() => setDraft(text)}>
            Edit metadata
          </button>
        </>
      ) : (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            const r = parseMetadataText(draft);
            if ('error' in r) return setError(r.error);
            setError('');
            save.mutate(r.metadata);
          }}
        >
          <div className="space-y-1.5 text-sm">
            <label htmlFor={`${uid}-md`} className="block font-medium text-zinc-700 dark:text-zinc-300">
              Metadata (one key=value a line)
            </label>
            <textarea id={`${uid}-md`} className={`${inputClass} font-mono`} rows={6} aria-invalid={error ? true : undefined} aria-describedby={error ? `${uid}-md-error` : undefined} value={draft} onChange={(e) => setDraft(e.target.value)} />
            {error && <p id={`${uid}-md-error`} className="text-sm text-red-600 dark:text-red-400">{error}</p>}
          </div>
          {save.isError && <ApiErrorNotice title="Could not save the metadata" error={save.error} />}
          <div className="flex gap-2">
            <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
              Save metadata
            </button>
            <button type="button" className={buttonClass.secondary} onClick={() => { setDraft(null); setError(''); }}>
              Cancel
            </button>
          </div>
        </form>
      )}
      <CliHint>{`(no openstack command for secret metadata in python-barbicanclient 5) PUT /v1/secrets/${id}/metadata`}</CliHint>
    </section>
  );
}
