'use client';

import type { ReactNode } from 'react';
import { SelectField, TextAreaField, TextField } from '@/components/ui/field';
import { FormButtons } from '@/components/ui/form-buttons';
import { useCreate } from '@/lib/resources/hooks';
import type { FormField, ResourceDefinition } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { CliHint } from '@/components/ui/cli-hint';
import { useZodForm } from './use-zod-form';

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
  const create = def.create!;
  const shown = create.fields.filter((f) => !fields || fields.includes(f.name));
  const form = useZodForm(create.schema, () => ({ ...create.defaults }));
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
      <h2 className="text-lg font-semibold">{title}</h2>
      {shown.map((f) => (
        <FieldInput key={f.name} field={f} value={form.values[f.name]} error={form.errors[f.name]} onChange={(v) => form.set(f.name, v)} />
      ))}
      {extra}
      {mutation.isError && <ApiErrorNotice title={`Could not create the ${def.label.singular.toLowerCase()}`} error={mutation.error} />}
      <CliHint>{form.parsed.success ? create.cli(form.parsed.data) : create.cli(form.values as unknown as C)}</CliHint>
      <FormButtons submit={submitLabel} pending={mutation.isPending} onCancel={onCancel} />
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
        <TextAreaField label={field.label} className="font-mono" rows={4} placeholder={field.placeholder} error={error} value={String(value ?? '')} onChange={(e) => onChange(e.target.value)} />
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
