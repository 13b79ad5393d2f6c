'use client';

import { useState, type ReactNode } from 'react';
import { buttonClass } from '@/components/ui/button';
import { inputClass, SelectField, TextField } from '@/components/ui/field';
import { ApiError } from '@/lib/client/api';
import { useCreate } from '@/lib/resources/hooks';
import { fieldErrors } from '@/lib/resources/schema';
import type { FormField, ResourceDefinition } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { CliHint } from '@/components/ui/cli-hint';

interface ResourceFormProps<T, C> {
  def: ResourceDefinition<T, C>;
  title: string;
  /** Fields to show (default: all of the definition's). */
  fields?: readonly string[];
  submitLabel: string;
  /** Called with the API's answer after a successful create. */
  onCreated: (body: unknown, input: C) => void;
  onCancel?: () => void;
  extra?: ReactNode;
}

/** A create form driven by the definition's zod schema: field errors from zod, the API's refusal with its request id. */
export function ResourceForm<T, C>({ def, title, fields, submitLabel, onCreated, onCancel, extra }: ResourceFormProps<T, C>) {
  const form = def.create!;
  const shown = form.fields.filter((f) => !fields || fields.includes(f.name));
  const [values, setValues] = useState<Record<string, string | boolean>>(() => ({ ...form.defaults }));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useCreate(def);
  const parsed = form.schema.safeParse(values);

  return (
    <form
      noValidate
      aria-label={title}
      className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={async (e) => {
        e.preventDefault();
        const r = form.schema.safeParse(values);
        if (!r.success) {
          setErrors(fieldErrors(r.error));
          return;
        }
        setErrors({});
        try {
          const body = await create.mutateAsync(r.data);
          setValues({ ...form.defaults });
          onCreated(body, r.data);
        } catch (err) {
          if (err instanceof ApiError && err.issues.length) setErrors(Object.fromEntries(err.issues.map((i) => [i.path, i.message])));
        }
      }}
    >
      <h2 className="text-lg font-semibold">{title}</h2>
      {shown.map((f) => (
        <FieldInput key={f.name} field={f} value={values[f.name]} error={errors[f.name]} onChange={(v) => setValues((old) => ({ ...old, [f.name]: v }))} />
      ))}
      {extra}
      {create.isError && <ApiErrorNotice title={`Could not create the ${def.label.singular.toLowerCase()}`} error={create.error} />}
      <CliHint>{parsed.success ? form.cli(parsed.data) : form.cli(values as unknown as C)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={create.isPending}>
          {submitLabel}
        </button>
        {onCancel && (
          <button type="button" className={buttonClass.secondary} onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}

function FieldInput({ field, value, error, onChange }: { field: FormField; value: string | boolean | undefined; error?: string; onChange: (v: string | boolean) => void }) {
  switch (field.type) {
    case 'checkbox':
      return (
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={value === true} onChange={(e) => onChange(e.target.checked)} />
          {field.label}
        </label>
      );
    case 'textarea':
      return (
        <label className="block space-y-1.5 text-sm">
          <span className="block font-medium text-zinc-700 dark:text-zinc-300">{field.label}</span>
          <textarea
            className={`${inputClass} font-mono`}
            rows={4}
            placeholder={field.placeholder}
            aria-invalid={error ? true : undefined}
            value={String(value ?? '')}
            onChange={(e) => onChange(e.target.value)}
          />
          {error && <span className="block text-sm text-red-600 dark:text-red-400">{error}</span>}
        </label>
      );
    case 'select':
      return (
        <SelectField label={field.label} error={error} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)}>
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
          type={field.type === 'number' ? 'number' : 'text'}
          error={error}
          hint={field.hint}
          placeholder={field.placeholder}
          value={String(value ?? '')}
          onChange={(e) => onChange(e.target.value)}
        />
      );
  }
}
