'use client';

import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useId, useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass, SelectField, TextField } from '@/components/ui/field';
import { osCall, useProjectScope, useResourceHref } from '@/lib/resources/hooks';
import { fileToBase64 } from '@/lib/resources/key-manager/payload';
import { PAYLOAD_CONTENT_TYPES, refId, SECRET_TYPES, secretCreateRequest, SecretCreateSchema, secretDefinition, secretStoreCli, type SecretCreateInput } from '@/lib/resources/key-manager/secret';
import { useZodForm } from '@/components/resource/use-zod-form';

type Values = Omit<SecretCreateInput, 'now'>;
const DEFAULTS: Values = { name: '', payload: '', encoding: 'none', fileName: '', payload_content_type: 'text/plain', secret_type: 'opaque', algorithm: '', bit_length: '', mode: '', expiration: '' };

/** Store a secret: text typed in, or a file's bytes sent base64-encoded. The payload never reaches the CLI line. */
export function SecretCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const form = useZodForm(SecretCreateSchema, DEFAULTS, { input: (v) => ({ ...v, now: Date.now() }) });
  const { values, errors, field } = form;
  const [source, setSource] = useState<'text' | 'file'>('text');
  const uid = useId();
  const set = (patch: Partial<Values>) => form.setValues((v) => ({ ...v, ...patch }));
  const create = useMutation({
    mutationFn: (input: SecretCreateInput) => osCall<{ secret_ref?: string }>(secretDefinition, secretCreateRequest(input)),
    onSettled: () => qc.invalidateQueries({ queryKey: ['os', projectId, secretDefinition.kind] }),
  });

  return (
    <form
      noValidate
      aria-label="Store a secret"
      className="mx-auto max-w-2xl space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit(async (input) => {
        const body = await create.mutateAsync(input);
        const id = refId(body?.secret_ref);
        // The payload leaves the page's memory as soon as it is stored.
        form.reset();
        router.push(id ? href('secrets', encodeURIComponent(id)) : href('secrets'));
      })}
    >
      <h1 className="text-2xl font-semibold tracking-tight">Store a secret</h1>
      <TextField label="Name" {...field('name')} />
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Payload source</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="source" checked={source === 'text'} onChange={() => { setSource('text'); set({ payload: '', encoding: 'none', fileName: '', payload_content_type: 'text/plain' }); }} />
            Text
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="source" checked={source === 'file'} onChange={() => { setSource('file'); set({ payload: '', encoding: 'base64', fileName: '', payload_content_type: 'application/octet-stream' }); }} />
            File
          </label>
        </div>
      </fieldset>
      {source === 'text' ? (
        <div className="space-y-1.5 text-sm">
          <label htmlFor={`${uid}-payload`} className="block font-medium text-zinc-700 dark:text-zinc-300">
            Payload
          </label>
          <textarea
            id={`${uid}-payload`}
            className={`${inputClass} font-mono`}
            rows={4}
            autoComplete="off"
            spellCheck={false}
            aria-invalid={errors.payload ? true : undefined}
            aria-describedby={errors.payload ? `${uid}-payload-error` : undefined}
            value={values.payload}
            onChange={(e) => set({ payload: e.target.value })}
          />
          {errors.payload && <p id={`${uid}-payload-error`} className="text-sm text-red-600 dark:text-red-400">{errors.payload}</p>}
        </div>
      ) : (
        <div className="space-y-1.5 text-sm">
          <label htmlFor={`${uid}-file`} className="block font-medium text-zinc-700 dark:text-zinc-300">
            Payload file
          </label>
          <input
            id={`${uid}-file`}
            type="file"
            className="block text-sm"
            aria-invalid={errors.payload ? true : undefined}
            aria-describedby={`${uid}-file-hint${errors.payload ? ` ${uid}-payload-error` : ''}`}
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (!file) return set({ payload: '', fileName: '' });
              set({ payload: await fileToBase64(file), fileName: file.name });
            }}
          />
          <p id={`${uid}-file-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">Sent base64-encoded (payload_content_encoding=base64).</p>
          {errors.payload && <p id={`${uid}-payload-error`} className="text-sm text-red-600 dark:text-red-400">{errors.payload}</p>}
        </div>
      )}
      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Payload content type" value={values.payload_content_type} error={errors.payload_content_type} onChange={(e) => set({ payload_content_type: e.target.value as Values['payload_content_type'] })}>
          {PAYLOAD_CONTENT_TYPES.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </SelectField>
        <SelectField label="Secret type" value={values.secret_type} error={errors.secret_type} onChange={(e) => set({ secret_type: e.target.value as Values['secret_type'] })}>
          {SECRET_TYPES.map((t) => (
            <option key={t} value={t}>{t}</option>
          ))}
        </SelectField>
        <TextField label="Algorithm" placeholder="aes, rsa…" {...field('algorithm')} />
        <TextField label="Bit length" inputMode="numeric" placeholder="256" {...field('bit_length')} />
        <TextField label="Mode" placeholder="cbc, gcm…" {...field('mode')} />
        <TextField label="Expiration (UTC)" type="datetime-local" step={1} hint="Optional. After it the secret can no longer be read." {...field('expiration')} />
      </div>
      {create.isError && <ApiErrorNotice title="Could not store the secret" error={create.error} />}
      <CliHint>{secretStoreCli(values)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          Store secret
        </button>
        <Link href={href('secrets')} className={buttonClass.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}
