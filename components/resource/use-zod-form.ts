// The one hook behind every zod-validated form: the values, a setter per field, field errors from zod's issues
// and a submit that calls its callback only with the schema's parsed output.
//
// What the fields hold is what counts. A field bound with `field()` (or `bind()`) is read from the page: text typed
// or autofilled before the page's JavaScript hydrated the form (React keeps it in the input but not in the state,
// and the next render would wipe it) is taken when the field is hydrated, and every bound field is read again
// at submit (a value set without an input event: an extension, a password manager).
import { issueMsg } from '@/lib/i18n/issue';
import { useEffect, useRef, useState, type SetStateAction } from 'react';
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

/** Input types whose value is the text the user sees (not checkboxes, radios, files or buttons). */
const TEXT_INPUTS = new Set(['text', 'search', 'email', 'url', 'tel', 'password', 'number', 'date', 'time', 'datetime-local', 'month', 'week']);

/**
 * The value a bound control shows, or undefined when it holds none the form can take: a text input or textarea, or a
 * select that could show `current` (one showing its first option because `current` is none of them shows no choice).
 */
export function controlValue(el: unknown, current: string): string | undefined {
  if (typeof HTMLElement === 'undefined') return undefined;
  if (el instanceof HTMLTextAreaElement) return el.value;
  if (el instanceof HTMLInputElement) return TEXT_INPUTS.has(el.type) ? el.value : undefined;
  if (el instanceof HTMLSelectElement) return Array.from(el.options).some((o) => o.value === current) ? el.value : undefined;
  return undefined;
}

/** Field errors without those of `keys` and of the fields inside them (`subnet` takes `subnet.cidr` along). */
export function withoutErrorsOf(errors: FieldErrors, keys: readonly string[]): FieldErrors {
  const drop = (path: string) => keys.some((k) => path === k || path.startsWith(`${k}.`));
  return Object.keys(errors).some(drop) ? Object.fromEntries(Object.entries(errors).filter(([path]) => !drop(path))) : errors;
}

/** Keys whose value differs between two value objects. */
function changedKeys<V>(a: V, b: V): string[] {
  if (a === b || !a || !b || typeof a !== 'object' || typeof b !== 'object') return [];
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  return [...keys].filter((k) => (a as Record<string, unknown>)[k] !== (b as Record<string, unknown>)[k]);
}

/** Keys of the values that hold free text: what `field()` binds to an input. */
type TextKeys<V> = { [K in keyof V]-?: string extends V[K] ? (V[K] extends string ? K : never) : never }[keyof V] & keyof V;

interface Options<V> {
  /** What the schema validates (default: the values), e.g. with defaults filled in. Read lazily, with `parsed`/`errors`. */
  input?: (values: V) => unknown;
  /**
   * The caller shows its own `problems` (checks outside the schema) as the values change, as the launch form does
   * (default: the hook shows those found at submit until their field changes). The schema's errors follow every
   * change once the form was submitted, either way: a field's error goes as soon as its value is fixed.
   */
  live?: boolean;
}

export function useZodForm<V, O>(schema: z.ZodType<O>, initial: V | (() => V), { input, live = false }: Options<V> = {}) {
  const m = useMsg();
  const [start] = useState(initial);
  const [values, setValuesNow] = useState<V>(start);
  // The values as last rendered, for work that ends after awaiting (a reset once a create has answered).
  const latest = useRef(values);
  useEffect(() => {
    latest.current = values;
  }, [values]);
  // Problems found at submit outside the schema, and an API answer's issues: each until its field changes.
  const [stored, setErrors] = useState<FieldErrors>({});
  const [submitted, setSubmitted] = useState(false);
  // Bumped by each refused submit: the effect then focuses the first field marked aria-invalid in that form.
  const [refusals, setRefusals] = useState(0);
  const formEl = useRef<HTMLFormElement | null>(null);
  useEffect(() => {
    if (refusals) formEl.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [refusals]);
  // The bound controls by key, and one stable ref callback per key (so React attaches it once, when it mounts).
  const controls = useRef(new Map<string, Element>());
  const binders = useRef(new Map<string, (el: Element | null) => void>());

  const validate = (v: V): z.ZodSafeParseResult<O> => schema.safeParse(input ? input(v) : v);
  // Parsed when first read, so that `input` may use what the component computes after this call.
  let current: z.ZodSafeParseResult<O> | undefined;
  const parse = () => (current ??= validate(values));
  // The schema's messages are catalog keys (zod keeps a string): shown in the page's language. An API answer's are
  // the service's own text, shown as it is.
  const errorsNow = (): FieldErrors => {
    const r = submitted ? parse() : undefined;
    const all = r && !r.success ? { ...fieldErrors(r.error), ...stored } : stored;
    const keys = Object.keys(all);
    return keys.length ? Object.fromEntries(keys.map((k) => [k, m(issueMsg(all[k]))])) : all;
  };
  /** New values; the stored errors of what changed go (the schema's own follow the values by themselves). */
  const setValues = (next: SetStateAction<V>) => {
    const changed = changedKeys(values, typeof next === 'function' ? (next as (old: V) => V)(values) : next);
    if (changed.length) setErrors((old) => withoutErrorsOf(old, changed));
    setValuesNow(next);
  };
  const set = <K extends keyof V>(key: K, value: V[K]) => {
    setErrors((old) => withoutErrorsOf(old, [key as string]));
    setValuesNow((old) => ({ ...old, [key]: value }));
  };
  /** The values with what the bound controls in the page hold now. */
  const fromPage = (v: V): V => {
    let out = v;
    for (const [key, el] of controls.current) {
      const now = (v as Record<string, unknown>)[key];
      if (typeof now !== 'string' || !el.isConnected) continue;
      const shown = controlValue(el, now);
      if (shown !== undefined && shown !== now) out = { ...out, [key]: shown };
    }
    return out;
  };
  /**
   * The `ref` of the control of a text value (`<input ref={form.bind('name').ref}>`, or spread): read when it is
   * hydrated and at submit (see the top of the file). No `name`: a form submitted by the browser before hydration
   * would put every named value in the page's URL.
   */
  const bind = (key: TextKeys<V>) => {
    const name = key as string;
    let ref = binders.current.get(name);
    if (!ref) {
      ref = (el: Element | null) => {
        if (!el) {
          controls.current.delete(name);
          return;
        }
        controls.current.set(name, el);
        // Hydrated over what was typed before: take it into the state before a render puts the old value back.
        setValuesNow((old) => {
          const now = (old as Record<string, unknown>)[name];
          const shown = typeof now === 'string' ? controlValue(el, now) : undefined;
          return shown === undefined || shown === now ? old : { ...old, [name]: shown };
        });
      };
      binders.current.set(name, ref);
    }
    return { ref };
  };
  const reset = (next: V = start) => {
    setValuesNow(next);
    setErrors({});
    setSubmitted(false);
  };

  return {
    values,
    setValues,
    set,
    bind,
    /** `value`, `error`, `onChange` and `ref` of a text field, for TextField, SelectField and TextAreaField. */
    field: (key: TextKeys<V>) => ({
      value: values[key] as string,
      error: errorsNow()[key as string],
      onChange: (e: { target: { value: string } }) => set(key, e.target.value as V[typeof key]),
      ...bind(key),
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
     * A submit handler: validates what the fields hold (the bound controls read from the page) and calls `onValid`
     * with the parsed output only when neither the schema nor the caller's `problems` (checks outside the schema;
     * with `live`, the caller shows them) find anything. A failure of `onValid` is its mutation's to show; an API
     * answer's issues become field errors.
     */
    submit:
      (onValid: (data: O) => unknown, problems: Partial<FieldErrors> = {}) =>
      async (e?: { preventDefault(): void; currentTarget?: EventTarget | null }) => {
        e?.preventDefault();
        setSubmitted(true);
        const now = fromPage(values);
        if (now !== values) setValuesNow(now);
        const r = validate(now);
        const extra = Object.fromEntries(Object.entries(problems).filter((p): p is [string, string] => !!p[1]));
        if (!r.success || Object.keys(extra).length) {
          setErrors(live ? {} : extra);
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
    reset,
    /**
     * `reset`, unless a value changed since `sent` was submitted: the answer (and the refetches a create awaits) can
     * come after the user has started on the next one, which a reset would wipe out.
     */
    resetUnlessEdited: (sent: V, next: V = start) => {
      if (!changedKeys(sent, latest.current).length) reset(next);
    },
  };
}
