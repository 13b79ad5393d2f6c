'use client';

import Link from 'next/link';
import { useId, useState, type ReactNode } from 'react';
import { inputClass, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormButtons } from '@/components/ui/form-buttons';
import { buttonClass } from '@/components/ui/button';
import { useCreate, useUpdate } from '@/lib/resources/hooks';
import { usePathQuery } from '@/lib/resources/queries';
import type { DetailForm, FormField, FormValue, ResourceDefinition } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { CliHint } from '@/components/ui/cli-hint';
import { useZodForm, type FieldErrors } from './use-zod-form';
import { z } from 'zod';

type Values = Record<string, FormValue>;

interface ResourceFormProps<T, C> {
  def: ResourceDefinition<T, C>;
  title: string;
  /** The title as the form's heading (default true; a create page with its own h1 may leave it out). */
  showTitle?: boolean;
  /** Fields to show (default: all of the definition's). */
  fields?: readonly string[];
  submitLabel: string;
  /** Called with the API's answer after a successful create. */
  onCreated: (body: unknown, input: C) => void;
  onCancel?: () => void;
  /** Cancel as a link (a create page) instead of `onCancel`'s button. */
  cancelHref?: string;
  /** What the API's refusal is titled (default "Could not create the <kind>"). */
  errorTitle?: string;
  extra?: ReactNode;
}

/** A create form driven by the definition's zod schema: field errors from zod, the API's refusal with its request id. */
export function ResourceForm<T, C>({ def, title, showTitle = true, fields, submitLabel, onCreated, onCancel, cancelHref, errorTitle, extra }: ResourceFormProps<T, C>) {
  const create = def.create!;
  const shown = create.fields.filter((f) => !fields || fields.includes(f.name));
  const form = useZodForm<Values, C>(create.schema, () => ({ ...create.defaults }), { input: create.input });
  const mutation = useCreate(def);

  return (
    <form
      noValidate
      aria-label={title}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit(async (input) => {
        const body = await mutation.mutateAsync(input);
        form.reset({ ...create.defaults });
        onCreated(body, input);
      })}
    >
      {showTitle && <h2 className="text-lg font-semibold">{title}</h2>}
      <FormFields fields={shown} values={form.values} errors={form.errors} set={form.set} />
      {extra}
      {mutation.isError && <ApiErrorNotice title={errorTitle ?? `Could not create the ${def.label.singular.toLowerCase()}`} error={mutation.error} />}
      <CliHint>{form.parsed.success ? create.cli(form.parsed.data) : create.cli(form.values as unknown as C)}</CliHint>
      {cancelHref ? (
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.primary} disabled={mutation.isPending}>
            {submitLabel}
          </button>
          <Link href={cancelHref} className={buttonClass.secondary}>
            Cancel
          </Link>
        </div>
      ) : (
        <FormButtons submit={submitLabel} pending={mutation.isPending} onCancel={onCancel} />
      )}
    </form>
  );
}

/** A definition's form on its detail page: a toggle in the toolbar, the form below it (full width). */
export function DetailFormToggle<T>({ def, spec, row }: { def: ResourceDefinition<T>; spec: DetailForm<T>; row: T }) {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open} title={spec.hint?.(row)} onClick={() => setOpen((o) => !o)}>
        {spec.label}
      </button>
      {open && (
        <div className="basis-full">
          <DetailFormBody def={def} spec={spec} row={row} onDone={() => setOpen(false)} />
        </div>
      )}
    </>
  );
}

function DetailFormBody<T>({ def, spec, row, onDone }: { def: ResourceDefinition<T>; spec: DetailForm<T>; row: T; onDone: () => void }) {
  const form = useZodForm<Values, unknown>(spec.schema, () => spec.initial(row));
  const update = useUpdate(def);
  return (
    <form
      noValidate
      aria-label={spec.title ?? spec.label}
      className="max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit(async (input) => {
        const request = spec.request(row, input);
        if (request) await update.mutateAsync({ row, request });
        onDone();
      })}
    >
      <FormFields fields={spec.fields} values={form.values} errors={form.errors} set={form.set} />
      {update.isError && <ApiErrorNotice title={spec.errorTitle} error={update.error} />}
      <CliHint>{spec.cli(row, form.values)}</CliHint>
      <FormButtons submit={spec.submitLabel} pending={update.isPending} onCancel={onDone} />
    </form>
  );
}

/** The fields in order; consecutive fields of one `group` in a fieldset with that legend. */
export function FormFields({ fields, values, errors, set }: { fields: readonly FormField[]; values: Values; errors: FieldErrors; set: (name: string, v: FormValue) => void }) {
  const runs: FormField[][] = [];
  for (const f of fields) {
    const last = runs[runs.length - 1];
    if (last && f.group && last[0].group === f.group) last.push(f);
    else runs.push([f]);
  }
  const input = (f: FormField) => <FieldInput key={f.name} field={f} value={values[f.name]} errors={errors} onChange={(v) => set(f.name, v)} set={set} />;
  return runs.map((run) =>
    run[0].group ? (
      <fieldset key={run[0].name} className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">{run[0].group}</legend>
        {run.map(input)}
      </fieldset>
    ) : (
      input(run[0])
    ),
  );
}

const OptionsSchema = z.record(z.string(), z.unknown());

function RemoteSelect({ field, value, error, onChange }: { field: FormField; value: string; error?: string; onChange: (v: string) => void }) {
  const from = field.optionsFrom!;
  const q = usePathQuery(from.kind, from, from.path, OptionsSchema, { staleTime: 60_000 });
  const list = Array.isArray(q.data?.[from.key]) ? (q.data[from.key] as Record<string, unknown>[]) : [];
  return (
    <>
      <SelectField label={field.label} error={error} value={value} disabled={q.isPending} onChange={(e) => onChange(e.target.value)}>
        <option value="">{q.isPending ? `Loading ${from.noun}s…` : list.length ? `Choose a ${from.noun}` : from.none}</option>
        {list.map((o) => (
          <option key={from.value(o)} value={from.value(o)}>
            {from.label(o)}
          </option>
        ))}
      </SelectField>
      {q.isError && <ApiErrorNotice title={`Could not load the ${from.noun}s`} error={q.error} />}
    </>
  );
}

/** Key/value rows: "<label> key 1", "<label> value 1", a remove button per row and "Add <label>". */
function PairsInput({ field, value, errors, onChange }: { field: FormField; value: { key: string; value: string }[]; errors: FieldErrors; onChange: (v: { key: string; value: string }[]) => void }) {
  const noun = field.label.toLowerCase();
  const setRow = (i: number, part: 'key' | 'value', v: string) => onChange(value.map((r, j) => (j === i ? { ...r, [part]: v } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{field.label}</legend>
      {field.hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{field.hint}</p>}
      {value.map((r, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <TextField label={`${field.label} key ${i + 1}`} value={r.key} error={errors[`${field.name}.${i}.key`]} onChange={(e) => setRow(i, 'key', e.target.value)} />
          <TextField label={`${field.label} value ${i + 1}`} value={r.value} error={errors[`${field.name}.${i}.value`]} onChange={(e) => setRow(i, 'value', e.target.value)} />
          <button type="button" className={`${buttonClass.secondary} mt-6`} aria-label={`Remove ${noun} ${i + 1}`} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className={buttonClass.secondary} onClick={() => onChange([...value, { key: '', value: '' }])}>
        Add {noun}
      </button>
    </fieldset>
  );
}

/** A secret typed in, or a file's bytes as base64; the choice resets the fields its `source` names. */
function PayloadInput({ field, value, error, set }: { field: FormField; value: string; error?: string; set: (name: string, v: FormValue) => void }) {
  const [source, setSource] = useState<'text' | 'file'>('text');
  const uid = useId();
  const src = field.source!;
  const errorId = `${uid}-payload-error`;
  const choose = (s: 'text' | 'file') => {
    setSource(s);
    set(field.name, '');
    set(src.fileName, '');
    for (const [k, v] of Object.entries(src[s])) set(k, v);
  };
  const errorText = error && <p id={errorId} className="text-sm text-red-600 dark:text-red-400">{error}</p>;
  return (
    <>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Payload source</legend>
        <div className="flex gap-4 text-sm">
          {(['text', 'file'] as const).map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="radio" name={`${uid}-source`} checked={source === s} onChange={() => choose(s)} />
              {s === 'text' ? 'Text' : 'File'}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5 text-sm">
        <label htmlFor={`${uid}-${source}`} className="block font-medium text-zinc-700 dark:text-zinc-300">
          {source === 'text' ? field.label : `${field.label} file`}
        </label>
        {source === 'text' ? (
          <textarea id={`${uid}-text`} className={`${inputClass} font-mono`} rows={4} autoComplete="off" spellCheck={false} aria-invalid={error ? true : undefined} aria-describedby={error ? errorId : undefined} value={value} onChange={(e) => set(field.name, e.target.value)} />
        ) : (
          <>
            <input
              id={`${uid}-file`}
              type="file"
              className="block text-sm"
              aria-invalid={error ? true : undefined}
              aria-describedby={`${uid}-file-hint${error ? ` ${errorId}` : ''}`}
              onChange={async (e) => {
                const file = e.target.files?.[0];
                set(field.name, file ? await fileToBase64(file) : '');
                set(src.fileName, file?.name ?? '');
              }}
            />
            <p id={`${uid}-file-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">{src.fileHint}</p>
          </>
        )}
        {errorText}
      </div>
    </>
  );
}

async function fileToBase64(file: Blob): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function FieldInput({ field, value, errors, onChange, set }: { field: FormField; value: FormValue | undefined; errors: FieldErrors; onChange: (v: FormValue) => void; set: (name: string, v: FormValue) => void }) {
  const error = errors[field.name];
  const text = typeof value === 'string' ? value : '';
  switch (field.type) {
    case 'checkbox':
      return (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {field.label}
        </label>
      );
    case 'payload':
      return <PayloadInput field={field} value={text} error={error} set={set} />;
    case 'pairs':
      return <PairsInput field={field} value={Array.isArray(value) ? value : []} errors={errors} onChange={onChange} />;
    case 'textarea':
      return <TextAreaField label={field.label} className="font-mono" rows={4} placeholder={field.placeholder} error={error} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      if (field.optionsFrom) return <RemoteSelect field={field} value={text} error={error} onChange={onChange} />;
      return (
        <SelectField label={field.label} error={error} value={text} onChange={(e) => onChange(e.target.value)}>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </SelectField>
      );
    default:
      return (
        <TextField
          label={field.label}
          type={field.type === 'number' ? 'number' : field.type === 'datetime' ? 'datetime-local' : 'text'}
          step={field.type === 'datetime' ? 1 : undefined}
          inputMode={field.numeric ? 'numeric' : undefined}
          maxLength={field.maxLength}
          error={error}
          hint={field.hint}
          placeholder={field.placeholder}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
