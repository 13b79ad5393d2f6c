// The one hook behind every zod-validated form: the values, a setter per field, field errors from zod's issues
// and a submit that calls its callback only with the schema's parsed output.
import { issueMsg } from '@/lib/i18n/issue';
import { useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiError } from '@/lib/client/api';

/** Error messages by field path, dotted like the issue's path: `name`, `refs.0.secret_ref`. */
export type FieldErrors = Record<string, string>;

type Issue = { readonly path: readonly PropertyKey[] | string; readonly message: string };

/** zod's issues (or an API answer's, whose paths are already dotted) as field errors: the first message per path. */
export function fieldErrors(issues: z.ZodError | readonly Issue[]): FieldErrors {
  const out: FieldErrors = {};
  for (const i of 'issues' in issues ? issues.issues : issues) out[typeof i.path === 'string' ? i.path : i.path.map(String).join('.')] ??= i.message;
  return out;
}

/** Keys of the values that hold free text: what `field()` binds to an input. */
type TextKeys<V> = { [K in keyof V]-?: string extends V[K] ? (V[K] extends string ? K : never) : never }[keyof V] & keyof V;

interface Options<V> {
  /** What the schema validates (default: the values), e.g. with defaults filled in. Read lazily, with `parsed`/`errors`. */
  input?: (values: V) => unknown;
  /** Once submitted, the errors follow every change (default: they stay those of the last submit). */
  live?: boolean;
}

export function useZodForm<V, O>(schema: z.ZodType<O>, initial: V | (() => V), { input, live = false }: Options<V> = {}) {
  const m = useMsg();
  const [start] = useState(initial);
  const [values, setValues] = useState<V>(start);
  const [stored, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  // Bumped by each refused submit: the effect then focuses the first field marked aria-invalid in that form.
  const [refusals, setRefusals] = useState(0);
  const formEl = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (refusals) formEl.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);

  const validate = (): z.ZodSafeParseResult<O> => schema.safeParse(input ? input(values) : values);
  // Parsed when first read, so that `input` may use what the component computes after this call.
  let current: z.ZodSafeParseResult<O> | undefined;
  const parse = () => (current ??= validate());
  // The schema's messages are catalog keys (zod keeps a string): shown in the page's language. An API answer's are
  // the service's own text, shown as it is.
  const errorsNow = (): FieldErrors => {
    const r = live && submitted ? parse() : undefined;
    const all = r && !r.success ? { ...fieldErrors(r.error), ...stored } : stored;
    const keys = Object.keys(all);
    return keys.length ? Object.fromEntries(keys.map((k) => [k, m(issueMsg(all[k]))])) : all;
  };
  const set = <K extends keyof V>(key: K, value: V[K]) => setValues((old) => ({ ...old, [key]: value }));

  return {
    values,
    setValues,
    set,
    /** `value`, `error` and `onChange` of a text field, for TextField, SelectField and TextAreaField. */
    field: (key: TextKeys<V>) => ({
      value: values[key] as string,
      error: errorsNow()[key as string],
      onChange: (e: { target: { value: string } }) => set(key, e.target.value as V[typeof key]),
    }),
    /** The current values parsed (for previews such as the CLI line). */
    get parsed() {
      return parse();
    },
    get errors() {
      return errorsNow();
    },
    setErrors,
    /**
     * A submit handler: validates afresh and calls `onValid` with the parsed output only when neither the schema nor
     * the caller's `problems` (checks outside the schema, shown with its errors; with `live`, the caller shows them)
     * find anything. A failure of `onValid` is its mutation's to show; an API answer's issues become field errors.
     */
    submit:
      (onValid: (data: O) => unknown, problems: Partial<FieldErrors> = {}) =>
      async (e?: { preventDefault(): void; currentTarget?: EventTarget | null }) => {
        e?.preventDefault();
        setSubmitted(true);
        const r = validate();
        const extra = Object.fromEntries(Object.entries(problems).filter((p): p is [string, string] => !!p[1]));
        if (!r.success || Object.keys(extra).length) {
          setErrors(live ? {} : { ...(r.success ? {} : fieldErrors(r.error)), ...extra });
          const at = e?.currentTarget ?? document.activeElement;
          formEl.current = at instanceof HTMLFormElement ? at : at instanceof Element ? at.closest('form') : null;
          setRefusals((n) => n + 1);
          return;
        }
        setErrors({});
        try {
          await onValid(r.data);
        } catch (err) {
          if (err instanceof ApiError && err.issues.length) setErrors(fieldErrors(err.issues));
        }
      },
    /** Back to the first values (or `next`), without errors. */
    reset: (next: V = start) => {
      setValues(next);
      setErrors({});
      setSubmitted(false);
    },
  };
}
