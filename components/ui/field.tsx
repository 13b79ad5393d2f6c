import { useId, type ComponentProps, type ReactNode } from 'react';

export const inputClass =
  'block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm text-zinc-900 shadow-xs placeholder:text-zinc-400 focus:border-brand-500 focus:ring-2 focus:ring-brand-500/30 focus:outline-none aria-invalid:border-red-500 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100 dark:placeholder:text-zinc-500 dark:aria-invalid:border-red-400';

interface FieldShellProps {
  label: string;
  error?: string;
  hint?: ReactNode;
  /** Show the hint beside an error too (a multi-line field's format hint is what the error is about). */
  keepHint?: boolean;
  /** The control, given its id and ARIA state (invalid, described by the hint or error). */
  children: (control: { id: string; 'aria-invalid'?: true; 'aria-describedby'?: string }) => ReactNode;
}

function FieldShell({ label, error, hint, keepHint = false, children }: FieldShellProps) {
  const id = useId();
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const showHint = !!hint && (keepHint || !error);
  const describedBy = [error ? errorId : '', showHint ? hintId : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
        {label}
      </label>
      {children({ id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy })}
      {showHint && (
        <p id={hintId} className="text-xs text-zinc-500 dark:text-zinc-400">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
    </div>
  );
}

type TextFieldProps = Omit<ComponentProps<'input'>, 'id'> & { label: string; error?: string; hint?: ReactNode };

export function TextField({ label, error, hint, className = '', ...input }: TextFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint}>
      {(control) => <input {...control} className={`${inputClass} ${className}`} {...input} />}
    </FieldShell>
  );
}

type SelectFieldProps = Omit<ComponentProps<'select'>, 'id'> & { label: string; error?: string };

export function SelectField({ label, error, children, className = '', ...select }: SelectFieldProps) {
  return (
    <FieldShell label={label} error={error}>
      {(control) => (
        <select {...control} className={`${inputClass} ${className}`} {...select}>
          {children}
        </select>
      )}
    </FieldShell>
  );
}

type TextAreaFieldProps = Omit<ComponentProps<'textarea'>, 'id'> & { label: string; error?: string; hint?: ReactNode };

/** A multi-line field: its label names it alone; the hint (kept with an error) and the error describe it. */
export function TextAreaField({ label, error, hint, className, ...textarea }: TextAreaFieldProps) {
  return (
    <FieldShell label={label} error={error} hint={hint} keepHint>
      {(control) => <textarea {...control} className={className ? `${inputClass} ${className}` : inputClass} {...textarea} />}
    </FieldShell>
  );
}
