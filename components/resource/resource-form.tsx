'use client';

import Link from '@/components/ui/intent-link';
import { useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useId, useState, type ReactNode } from 'react';
import { useMsg, useNoun } from '@/components/i18n/use-msg';
import { inputClass, SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormButtons } from '@/components/ui/form-buttons';
import { buttonClass } from '@/components/ui/button';
import { useProjectScope, useResourceHref, useUpdate } from '@/lib/resources/hooks';
import { usePathQuery } from '@/lib/resources/queries';
import { useFormCreate } from '@/lib/resources/form/create';
import { prefillValues } from '@/lib/resources/form/prefill';
import { shownColumns } from '@/lib/resources/form/rows';
import type { CreateOutcome, DetailForm, FieldOptionsSource, FormField, FormValue, ResourceDefinition, RowsSpec, Text } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { CliHint } from '@/components/ui/cli-hint';
import { TextFileInput } from './fields/text-file';
import { useKindNoun } from './kind-noun';
import { useZodForm, type FieldErrors } from './use-zod-form';
import { z } from 'zod';

type Values = Record<string, FormValue>;

interface ResourceFormProps<T, C> {
  def: ResourceDefinition<T, C>;
  title: Text;
  /** The title as the form's heading (default true; a create page with its own h1 may leave it out). */
  showTitle?: boolean;
  /** Fields to show (default: the definition's, but those of modes with a call of their own). */
  fields?: readonly string[];
  /** The create mode (default: the one whose `fields` these are, if any). */
  mode?: string;
  submitLabel: Text;
  /** Called with the API's answer after a successful create. */
  onCreated: (body: unknown, input: C) => void;
  onCancel?: () => void;
  /** Cancel as a link (a create page) instead of `onCancel`'s button. */
  cancelHref?: string;
  /** What the API's refusal is titled (default "Could not create the <kind>"). */
  errorTitle?: Text;
  extra?: ReactNode;
}

/**
 * A create form driven by the definition's zod schema (or its mode's): field errors from zod, the API's refusal with
 * its request id. Fields that declare `query` start from the page's query.
 */
export function ResourceForm<T, C>({ def, title, showTitle = true, fields, mode: modeId, submitLabel, onCreated, onCancel, cancelHref, errorTitle, extra }: ResourceFormProps<T, C>) {
  const t = useTranslations('resource.form');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const create = def.create!;
  // KindList passes a mode's own `fields` array: that names the mode too.
  const mode = create.modes?.find((x) => x.id === modeId || x.fields === fields);
  const own = new Set(create.modes?.filter((x) => x.request).flatMap((x) => x.fields));
  const names = fields ?? create.fields.map((f) => f.name).filter((n) => !own.has(n));
  const shown = create.fields.filter((f) => names.includes(f.name));
  const options = useFirstFieldOptions(create.fields);
  // An only option (`single`) is the value until the user picks another: shown, validated and sent.
  const filled = (v: Values): Values => (options.only && !v[options.only.name] ? { ...v, [options.only.name]: options.only.value } : v);
  const search = useSearchParams();
  const schema = (mode?.schema ?? create.schema) as z.ZodType<C>;
  const form = useZodForm<Values, C>(schema, () => prefillValues(shown, create.defaults, search), { input: (v) => (create.input ? create.input(filled(v)) : filled(v)) });
  const mutation = useFormCreate(def, mode);
  const [outcome, setOutcome] = useState<CreateOutcome>();
  const values = filled(form.values);
  const cli = (input: C) => (mode?.cli ? mode.cli(input) : create.cli(input, options.labels));

  return (
    <form
      noValidate
      aria-label={m(title)}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit(async (input) => {
        setOutcome(undefined);
        const sent = form.values;
        const body = await mutation.mutateAsync(input);
        if (mode?.keep) setOutcome(mode.outcome?.(body));
        else form.resetUnlessEdited(sent, { ...create.defaults });
        onCreated(body, input);
      })}
    >
      {showTitle && <h2 className="text-lg font-semibold">{m(title)}</h2>}
      {create.explain && <p className="text-sm text-zinc-600 dark:text-zinc-400">{m(create.explain)}</p>}
      <FormFields fields={shown} values={values} errors={form.errors} set={form.set} clearErrors={() => form.setErrors({})} bind={(name) => form.bind(name as never)} />
      {extra}
      {mutation.isPending && mode?.pending && <p role="status" className="text-sm">{m(mode.pending)}</p>}
      {mutation.isError && <ApiErrorNotice title={mode?.errorTitle ?? errorTitle ?? t('createFailed', { kind: kindNoun(def, 1) })} error={mutation.error} />}
      {outcome && <OutcomeNotice outcome={outcome} />}
      <CliHint>{cli(form.parsed.success ? form.parsed.data : (values as unknown as C))}</CliHint>
      <FormButtons submit={m(submitLabel)} pending={mutation.isPending} onCancel={onCancel} cancelHref={cancelHref} />
    </form>
  );
}

/** What a create that keeps its form open made: the API's message and a link to it. */
function OutcomeNotice({ outcome }: { outcome: CreateOutcome }) {
  const m = useMsg();
  const href = useResourceHref();
  const { link } = outcome;
  return (
    <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
      {m(outcome.message)}{' '}
      {link && (
        <Link className="font-medium underline" href={href(link.slug, link.rest)}>
          {m(link.label)}
        </Link>
      )}
    </p>
  );
}

/** A detail form: below the toolbar's row (its toggle's panel), or as a page of its own (`cancelHref`: Cancel links back, as on create pages). */
export function DetailFormBody<T>({ def, spec, row, onDone, cancelHref }: { def: ResourceDefinition<T>; spec: DetailForm<T>; row: T; onDone: () => void; cancelHref?: string }) {
  const m = useMsg();
  const form = useZodForm<Values, unknown>(spec.schema, () => spec.initial(row));
  const update = useUpdate(def);
  const labels = useOptionLabels(spec.fields);
  const note = spec.note?.(row);
  const box = 'space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';
  return (
    <form
      noValidate
      aria-label={m((typeof spec.title === 'function' ? spec.title(row) : spec.title) ?? spec.label)}
      className={cancelHref ? box : `max-w-xl ${box}`}
      onSubmit={form.submit(async (input) => {
        const request = spec.request(row, input);
        if (request) await update.mutateAsync({ row, request, cli: spec.cli(row, form.values, labels) });
        onDone();
      })}
    >
      <FormFields fields={spec.fields} values={form.values} errors={form.errors} set={form.set} clearErrors={() => form.setErrors({})} bind={(name) => form.bind(name as never)} />
      {note && <p className="text-xs text-amber-800 dark:text-amber-200">{m(note)}</p>}
      {update.isError && <ApiErrorNotice title={spec.errorTitle} error={update.error} />}
      <CliHint>{spec.cli(row, form.values, labels)}</CliHint>
      <FormButtons submit={m(spec.submitLabel)} pending={update.isPending} onCancel={onDone} cancelHref={cancelHref} />
    </form>
  );
}

/** The fields in order; consecutive fields of one `group` in a fieldset with that legend. */
/** A text control's ref from the form hook (use-zod-form's `bind`): what it holds before hydration and at submit counts. */
type Bind = (name: string) => { ref: (el: Element | null) => void };

export function FormFields({ fields, values, errors, set, clearErrors, bind }: { fields: readonly FormField[]; values: Values; errors: FieldErrors; set: (name: string, v: FormValue) => void; clearErrors?: () => void; bind?: Bind }) {
  const m = useMsg();
  const runs: FormField[][] = [];
  for (const f of fields.filter((x) => !x.when || x.when(values))) {
    const last = runs[runs.length - 1];
    if (last && f.group && last[0].group === f.group) last.push(f);
    else runs.push([f]);
  }
  const change = (f: FormField, v: FormValue) => {
    set(f.name, v);
    if (f.resets && typeof v === 'string') {
      for (const [k, x] of Object.entries(f.resets(v, values))) set(k, x);
      clearErrors?.();
    }
  };
  const input = (f: FormField) => <FieldInput key={f.name} field={f} value={values[f.name]} values={values} errors={errors} onChange={(v) => change(f, v)} set={set} bind={bind} />;
  return runs.map((run) =>
    run[0].group ? (
      <fieldset key={run[0].name} className="grid gap-3 sm:grid-cols-2">
        <legend className="mb-2 text-sm font-medium text-zinc-700 dark:text-zinc-300">{m(run[0].group)}</legend>
        {run.map(input)}
      </fieldset>
    ) : (
      input(run[0])
    ),
  );
}

const OptionsSchema = z.record(z.string(), z.unknown());

/** A field's options from the API (cached under the kind they list, shared by every form reading the path). */
function useFieldOptions(from: FieldOptionsSource | undefined) {
  const { projectId } = useProjectScope();
  const path = !from ? '' : typeof from.path === 'function' ? from.path(projectId) : from.path;
  const q = usePathQuery<Record<string, unknown>>(from?.kind ?? '', from ?? { service: '' }, path, from?.schema ?? OptionsSchema, { staleTime: from?.staleTime ?? 60_000, enabled: !!from });
  const list = from && Array.isArray(q.data?.[from.key]) ? (q.data[from.key] as Record<string, unknown>[]) : [];
  return { q, list };
}

/**
 * The options of the first of `fields` with `optionsFrom`: value to label (a CLI line names groups, not ids), and
 * the only option of a `single` field.
 */
function useFirstFieldOptions(fields: readonly FormField[]) {
  const field = fields.find((f) => f.optionsFrom);
  const from = field?.optionsFrom;
  const { list } = useFieldOptions(from);
  const labels: Record<string, string> = from ? Object.fromEntries(list.map((o) => [from.value(o), from.label(o)])) : {};
  const only = field && from?.single && list.length === 1 ? { name: field.name, value: from.value(list[0]) } : undefined;
  return { labels, only };
}

/** Value to label of the options of the first of `fields` with `optionsFrom`. */
export const useOptionLabels = (fields: readonly FormField[]) => useFirstFieldOptions(fields).labels;

/** A select's options from the API, after the prompt ("Loading …", "Choose a …" or the text for none). */
function ApiOptions({ from, pending, list }: { from: FieldOptionsSource; pending: boolean; list: readonly Record<string, unknown>[] }) {
  const t = useTranslations('resource.form');
  const m = useMsg();
  const noun = useNoun();
  const prompt = pending ? t('loadingOptions', { what: noun(from.noun, 2) }) : list.length ? (from.choose ? m(from.choose) : t('chooseOption', { what: noun(from.noun, 1) })) : m(from.none);
  return (
    <>
      <option value="">{prompt}</option>
      {list.map((o) => (
        <option key={from.value(o)} value={from.value(o)}>
          {from.label(o)}
        </option>
      ))}
    </>
  );
}

function RemoteSelect({ field, value, error, onChange }: { field: FormField; value: string; error?: string; onChange: (v: string) => void }) {
  const m = useMsg();
  const loadError = useLoadError();
  const from = field.optionsFrom!;
  const { q, list } = useFieldOptions(from);
  return (
    <>
      <SelectField label={m(field.label)} error={error} value={value} disabled={q.isPending} onChange={(e) => onChange(e.target.value)}>
        <ApiOptions from={from} pending={q.isPending} list={list} />
      </SelectField>
      {q.isError && <ApiErrorNotice title={loadError(from)} error={q.error} />}
    </>
  );
}

/** What a failed load of a field's options is titled (default "Could not load the <nouns>"). */
function useLoadError() {
  const t = useTranslations('resource.form');
  const noun = useNoun();
  return (from: FieldOptionsSource): Text => from.loadError ?? t('optionsFailed', { what: noun(from.noun, 2) });
}

/** A checkbox per option (the field's own, or from the API), in a fieldset named by the label; the value is the checked options' values. */
export function CheckboxesInput({ field, value, onChange }: { field: FormField; value: readonly string[]; onChange: (v: string[]) => void }) {
  if (!field.optionsFrom) return <CheckboxList field={field} options={field.options ?? []} value={value} onChange={onChange} />;
  return <RemoteCheckboxes field={field} from={field.optionsFrom} value={value} onChange={onChange} />;
}

function RemoteCheckboxes({ field, from, value, onChange }: { field: FormField; from: FieldOptionsSource; value: readonly string[]; onChange: (v: string[]) => void }) {
  const t = useTranslations('resource.form');
  const noun = useNoun();
  const loadError = useLoadError();
  const { q, list } = useFieldOptions(from);
  return (
    <CheckboxList field={field} options={list.map((o) => ({ value: from.value(o), label: from.label(o), title: from.title?.(o) }))} value={value} onChange={onChange}>
      {q.isPending && <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('loadingOptions', { what: noun(from.noun, 2) })}</p>}
      {q.isError && <ApiErrorNotice title={loadError(from)} error={q.error} />}
    </CheckboxList>
  );
}

function CheckboxList({ field, options, value, onChange, children }: { field: FormField; options: readonly { value: string; label: Text; title?: string }[]; value: readonly string[]; onChange: (v: string[]) => void; children?: ReactNode }) {
  const m = useMsg();
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{m(field.label)}</legend>
      {field.hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{m(field.hint)}</p>}
      {children}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {options.map((o) => (
          <label key={o.value} className="flex items-center gap-2 text-sm" title={o.title}>
            <input type="checkbox" checked={value.includes(o.value)} onChange={(e) => onChange(e.target.checked ? [...value, o.value] : value.filter((x) => x !== o.value))} />
            {m(o.label)}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** Key/value rows: "<label> key 1", "<label> value 1", a remove button per row and "Add <label>". */
function PairsInput({ field, value, errors, onChange }: { field: FormField; value: { key: string; value: string }[]; errors: FieldErrors; onChange: (v: { key: string; value: string }[]) => void }) {
  const t = useTranslations('resource.form');
  const m = useMsg();
  const label = m(field.label);
  // The label inside a sentence ("Add driver info"). While the definitions are converted, text not yet in the catalogs
  // is lowercased as before; a catalog label reads as it is (FormField has no noun of its own yet).
  const what = typeof field.label === 'string' && label === field.label ? label.toLowerCase() : label;
  const error = (path: string) => (errors[path] === undefined ? undefined : m(errors[path]));
  const setRow = (i: number, part: 'key' | 'value', v: string) => onChange(value.map((r, j) => (j === i ? { ...r, [part]: v } : r)));
  return (
    <fieldset className="space-y-2">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{label}</legend>
      {field.hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{m(field.hint)}</p>}
      {value.map((r, i) => (
        <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-start gap-2">
          <TextField label={t('pairKey', { label, n: i + 1 })} value={r.key} error={error(`${field.name}.${i}.key`)} onChange={(e) => setRow(i, 'key', e.target.value)} />
          <TextField label={t('pairValue', { label, n: i + 1 })} value={r.value} error={error(`${field.name}.${i}.value`)} onChange={(e) => setRow(i, 'value', e.target.value)} />
          <button type="button" className={`${buttonClass.secondary} mt-6`} aria-label={t('pairRemove', { what, n: i + 1 })} onClick={() => onChange(value.filter((_, j) => j !== i))}>
            ×
          </button>
        </div>
      ))}
      <button type="button" className={buttonClass.secondary} onClick={() => onChange([...value, { key: '', value: '' }])}>
        {t('pairAdd', { what })}
      </button>
    </fieldset>
  );
}

/** A secret typed in, or a file's bytes as base64; the choice resets the fields its `source` names. */
function PayloadInput({ field, value, error, set }: { field: FormField; value: string; error?: string; set: (name: string, v: FormValue) => void }) {
  const t = useTranslations('resource.form');
  const m = useMsg();
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
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{t('payloadSource')}</legend>
        <div className="flex gap-4 text-sm">
          {(['text', 'file'] as const).map((s) => (
            <label key={s} className="flex items-center gap-2">
              <input type="radio" name={`${uid}-source`} checked={source === s} onChange={() => choose(s)} />
              {s === 'text' ? t('payloadText') : t('payloadFile')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="space-y-1.5 text-sm">
        <label htmlFor={`${uid}-${source}`} className="block font-medium text-zinc-700 dark:text-zinc-300">
          {source === 'text' ? m(field.label) : t('fileLabel', { label: m(field.label) })}
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
            <p id={`${uid}-file-hint`} className="text-xs text-zinc-500 dark:text-zinc-400">{m(src.fileHint)}</p>
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

/**
 * Rows of inputs (`field.rows`): "<column> <n>" each (the columns the form's values call for, worded by them), Remove
 * per row (not the last one), and the add button; a `single` row has neither and its labels no number.
 */
function RowsInput({ field, spec, value, values, errors, onChange }: { field: FormField; spec: RowsSpec; value: Record<string, string>[]; values: Values; errors: FieldErrors; onChange: (v: Record<string, string>[]) => void }) {
  const t = useTranslations('resource.form');
  const tc = useTranslations('common');
  const m = useMsg();
  const loadError = useLoadError();
  const remote = spec.columns.find((c) => c.optionsFrom)?.optionsFrom;
  const { q, list } = useFieldOptions(remote);
  const max = spec.max?.(values);
  const note = spec.note?.(values);
  const single = spec.single?.(values) ?? false;
  const columns = shownColumns(spec, values);
  const setCell = (i: number, name: string, v: string) => onChange(value.map((r, j) => (j === i ? { ...r, [name]: v } : r)));
  return (
    <fieldset className="space-y-3">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{m(field.label)}</legend>
      {note && <p className="text-xs text-zinc-500 dark:text-zinc-400">{m(note)}</p>}
      {remote && q.isError && <ApiErrorNotice title={loadError(remote)} error={q.error} />}
      {value.map((r, i) => (
        <div key={i} className="grid items-start gap-2" style={{ gridTemplateColumns: `${columns.map((c) => (c.narrow ? '7rem' : 'minmax(0, 1fr)')).join(' ')} auto` }}>
          {columns.map((c) => {
            const label = single ? m(c.label) : t('rowCell', { label: m(c.label), n: i + 1 });
            const error = errors[`${field.name}.${i}.${c.name}`];
            const cell = { label, value: r[c.name] ?? '', error: error === undefined ? undefined : m(error), onChange: (e: { target: { value: string } }) => setCell(i, c.name, e.target.value) };
            const choices = c.choices?.(values);
            if (c.optionsFrom) {
              return (
                <SelectField key={c.name} {...cell}>
                  <ApiOptions from={c.optionsFrom} pending={q.isPending} list={list} />
                </SelectField>
              );
            }
            if (choices) {
              return (
                <SelectField key={c.name} {...cell}>
                  <option value="">{t('choose')}</option>
                  {choices.map((n) => (
                    <option key={n} value={n}>{n}</option>
                  ))}
                </SelectField>
              );
            }
            return <TextField key={c.name} {...cell} placeholder={c.placeholder === undefined ? undefined : m(c.placeholder)} inputMode={c.numeric ? 'numeric' : undefined} className={c.mono ? 'font-mono' : ''} />;
          })}
          {!single && (
            <button type="button" className={`${buttonClass.ghost} mt-6`} aria-label={m(spec.remove(i + 1))} disabled={value.length === 1} onClick={() => onChange(value.filter((_, j) => j !== i))}>
              {tc('remove')}
            </button>
          )}
        </div>
      ))}
      {errors[field.name] && <p className="text-sm text-red-600 dark:text-red-400">{m(errors[field.name])}</p>}
      {!single && (
        <button type="button" className={buttonClass.secondary} disabled={max !== undefined && value.length >= max} onClick={() => onChange([...value, { ...spec.empty }])}>
          {m(spec.add)}
        </button>
      )}
    </fieldset>
  );
}

const isStrings = (v: FormValue | undefined): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRows = (v: FormValue | undefined): v is Record<string, string>[] => Array.isArray(v) && !isStrings(v);
const isPairs = (v: FormValue | undefined): v is { key: string; value: string }[] => isRows(v);

function FieldInput({ field: declared, value, values, errors, onChange, set, bind }: { field: FormField; value: FormValue | undefined; values: Values; errors: FieldErrors; onChange: (v: FormValue) => void; set: (name: string, v: FormValue) => void; bind?: Bind }) {
  const m = useMsg();
  const field = declared.vary ? { ...declared, ...declared.vary(values) } : declared;
  // zod's messages are catalog keys (or, while the definitions are converted, text shown as it is).
  const error = errors[field.name] === undefined ? undefined : m(errors[field.name]);
  const text = typeof value === 'string' ? value : '';
  const label = m(field.label);
  const placeholder = field.placeholder === undefined ? undefined : m(field.placeholder);
  const ref = bind?.(field.name).ref;
  switch (field.type) {
    case 'checkbox':
      return (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
      );
    case 'payload':
      return <PayloadInput field={field} value={text} error={error} set={set} />;
    case 'textfile':
      return <TextFileInput field={field} value={text} values={values} error={error} set={set} />;
    case 'pairs':
      return <PairsInput field={field} value={isPairs(value) ? value : []} errors={errors} onChange={onChange} />;
    case 'rows':
      return <RowsInput field={field} spec={field.rows!} value={isRows(value) ? value : []} values={values} errors={errors} onChange={onChange} />;
    case 'checkboxes':
      return <CheckboxesInput field={field} value={isStrings(value) ? value : []} onChange={onChange} />;
    case 'textarea':
      return <TextAreaField ref={ref} label={label} className="font-mono" rows={4} placeholder={placeholder} error={error} value={text} onChange={(e) => onChange(e.target.value)} />;
    case 'select':
      if (field.optionsFrom) return <RemoteSelect field={field} value={text} error={error} onChange={onChange} />;
      return (
        <SelectField ref={ref} label={label} error={error} value={text} onChange={(e) => onChange(e.target.value)}>
          {(field.options ?? []).map((o) => (
            <option key={o.value} value={o.value}>
              {m(o.label)}
            </option>
          ))}
        </SelectField>
      );
    default:
      return (
        <TextField
          ref={ref}
          label={label}
          type={field.secret ? 'password' : field.type === 'number' ? 'number' : field.type === 'datetime' ? 'datetime-local' : 'text'}
          autoComplete={field.secret ? 'new-password' : undefined}
          step={field.type === 'datetime' ? 1 : undefined}
          inputMode={field.numeric ? 'numeric' : undefined}
          maxLength={field.maxLength}
          error={error}
          hint={field.hint === undefined ? undefined : m(field.hint)}
          placeholder={placeholder}
          value={text}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
