'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type KeyboardEvent, type MouseEvent } from 'react';
import { useMsg, type Translate } from '@/components/i18n/use-msg';
import { ApiError, apiFetch, errorText } from '@/lib/client/api';
import { projectFromNext, regionFromNext } from '@/lib/client/next-path';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldErrors, loginInput, LoginSchema, type FieldErrors, type LoginFailure, type LoginMethod, type MfaPrompt } from './login-schema';

export interface LoginCloud {
  id: string;
  displayName: string;
  userDomainName: string;
  demo: boolean;
}

interface LoginFormProps {
  clouds: LoginCloud[];
  initialCloud: string;
  /** Already checked to be a same-site relative path. */
  next?: string;
  expired: boolean;
  /** The tab to show first (`?method=`: the tabs are links, so they switch without JavaScript too). */
  initialMethod?: LoginMethod;
  /** A refused log-in of the plain form (no JavaScript yet): its error, and the username to fill in again. */
  failure?: LoginFailure;
  /** Keystone wants a TOTP passcode after the password (`?mfa=` of the plain form's answer). */
  mfa?: MfaPrompt;
}

/** Where the plain form posts: the same log-in as the JSON route, answered with a redirect (303). */
const FORM_ACTION = '/api/auth/login/form';

/** The field errors and the form's message of a refusal, as the JSON path shows them. */
function failureErrors(failure: LoginFailure | undefined, m: Translate): { fields: FieldErrors; form?: string } {
  if (!failure) return { fields: {} };
  const { error } = failure;
  const issues = error.issues ?? [];
  const fields = fieldErrors(issues.map((i) => ({ path: i.path, message: i.text ? m(i.text) : i.message })));
  // A refusal in our words is shown translated; a zod refusal without them says it in its fields only.
  const form = error.text ? m(error.text) : issues.length ? undefined : error.message;
  return { fields, form };
}

/**
 * The login form. A real `<form method="post">`: before the page's JavaScript has run (or without it) the browser
 * posts the fields to FORM_ACTION; once hydrated, submit reads the same fields (FormData, never React state, so that
 * what a password manager filled in before hydration counts) and logs in through the JSON route.
 */
export function LoginForm({ clouds, initialCloud, next, expired, initialMethod = 'password', failure, mfa: initialMfa }: LoginFormProps) {
  const t = useTranslations('login');
  const tr = useTranslations();
  const m = useMsg();
  // Our own checks answer catalog keys; the API's issues come translated already (see onSubmit).
  const text = (s: string | undefined) => (s && tr.has(s as never) ? tr(s as never) : s);
  const [cloudId, setCloudId] = useState(initialCloud);
  const cloud = clouds.find((c) => c.id === cloudId);
  const [method, setMethod] = useState<LoginMethod>(initialMethod);
  const [initial] = useState(() => failureErrors(failure, m));
  const [errors, setErrors] = useState<FieldErrors>(initial.fields);
  const [formError, setFormError] = useState<string | undefined>(initial.form);
  const [pending, setPending] = useState(false);
  const [mfa, setMfa] = useState<MfaPrompt | undefined>(initialMfa);

  function chooseCloud(select: HTMLSelectElement) {
    setCloudId(select.value);
    const c = clouds.find((x) => x.id === select.value);
    const domain = select.form?.elements.namedItem('userDomain');
    if (c && domain instanceof HTMLInputElement) domain.value = c.userDomainName;
  }

  /** A field's error goes as soon as its value is fixed (and stays, reworded if need be, while it is not). */
  function recheck(event: FormEvent<HTMLFormElement>) {
    const name = (event.target as { name?: unknown }).name;
    if (typeof name !== 'string' || !errors[name]) return;
    const r = LoginSchema.safeParse(loginInput(new FormData(event.currentTarget)));
    const still = r.success ? undefined : r.error.issues.find((i) => i.path[0] === name)?.message;
    setErrors((old) => ({ ...old, [name]: still }));
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const parsed = LoginSchema.safeParse(loginInput(new FormData(event.currentTarget)));
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path, message: i.message }))));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const projectId = projectFromNext(next, parsed.data.cloud);
      const region = projectId ? regionFromNext(next) : undefined;
      const res = await apiFetch<{ redirectTo?: string; mfa?: MfaPrompt }>('/api/auth/login', {
        method: 'POST',
        body: { ...parsed.data, ...(projectId ? { projectId } : {}), ...(region ? { region } : {}), ...(next ? { next } : {}) },
      });
      // The password was right; Keystone wants the passcode too.
      if (res.mfa) {
        setPending(false);
        setMfa(res.mfa);
        return;
      }
      window.location.assign(next ?? res.redirectTo ?? '/');
    } catch (err) {
      setPending(false);
      // The login route's own words come as catalog messages (ApiError.text); Keystone's are shown as it sent them.
      if (err instanceof ApiError && err.issues.length > 0) {
        setErrors(fieldErrors(err.issues.map((i) => ({ path: i.path, message: i.text ? m(i.text) : i.message }))));
        setFormError(m(errorText(err)));
      } else {
        setFormError(err instanceof Error ? m(errorText(err)) : t('failed'));
      }
    }
  }

  // The tabs are links to this page with `?method=`, for a browser without JavaScript.
  const tabHref = (id: LoginMethod) => {
    const q = new URLSearchParams();
    if (clouds.length > 1) q.set('cloud', cloudId);
    if (id !== 'password') q.set('method', id);
    if (next) q.set('next', next);
    const query = q.toString();
    return query ? `/login?${query}` : '/login';
  };
  const password = method === 'password';

  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-xl font-semibold">{cloud && clouds.length === 1 ? t('headingTo', { cloud: cloud.displayName }) : t('heading')}</h1>
      {expired && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {t('expired')}
        </p>
      )}
      {cloud?.demo && <DemoCredentials />}

      {mfa ? (
        <TotpStep mfa={mfa} cloud={cloudId} next={next} onSubmit={onSubmit} error={text(errors.passcode)} formError={formError} pending={pending} restart={tabHref('password')} />
      ) : (
      <>
      <MethodTabs method={method} onChange={setMethod} href={tabHref} />

      <div role="tabpanel" id="login-panel" aria-label={password ? t('panelPassword') : t('panelApplicationCredential')}>
      <form noValidate method="post" action={FORM_ACTION} onSubmit={onSubmit} onChange={recheck} className="mt-5 space-y-4">
        <input type="hidden" name="method" value={method} />
        {next && <input type="hidden" name="next" value={next} />}
        {clouds.length > 1 ? (
          <SelectField label={t('cloud')} name="cloud" defaultValue={initialCloud} onChange={(e) => chooseCloud(e.target)} error={text(errors.cloud)}>
            {clouds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="cloud" value={cloudId} />
        )}
        {/* Both methods' fields stay in the page (what was typed survives a change of tab); the other method's are
            disabled, so that neither the browser's post nor FormData carries them. */}
        <fieldset hidden={!password} disabled={!password} className="space-y-4">
          <TextField label={t('username')} name="username" autoComplete="username" defaultValue={failure?.username} error={text(errors.username)} />
          <TextField label={t('password')} name="password" type="password" autoComplete="current-password" error={text(errors.password)} />
          <TextField label={t('userDomain')} name="userDomain" autoComplete="off" defaultValue={clouds.find((c) => c.id === initialCloud)?.userDomainName ?? 'Default'} error={text(errors.userDomain)} />
        </fieldset>
        <fieldset hidden={password} disabled={password} className="space-y-4">
          <TextField label={t('applicationCredentialId')} name="applicationCredentialId" autoComplete="off" spellCheck={false} error={text(errors.applicationCredentialId)} />
          <TextField label={t('applicationCredentialSecret')} name="applicationCredentialSecret" type="password" autoComplete="off" error={text(errors.applicationCredentialSecret)} />
        </fieldset>
        {formError && (
          <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {formError}
          </p>
        )}
        <button type="submit" className={`${buttonClass.primary} w-full`} disabled={pending}>
          {pending ? t('loggingIn') : t('logIn')}
        </button>
      </form>
      </div>
      </>
      )}
    </div>
  );
}

/**
 * The second step Keystone asked for: the passcode of the user's authenticator app. A plain form too (posted to
 * FORM_ACTION before hydration), carrying the sealed receipt of the first step; "Start over" goes back to the password.
 */
function TotpStep(props: { mfa: MfaPrompt; cloud: string; next?: string; onSubmit: (e: FormEvent<HTMLFormElement>) => void; error?: string; formError?: string; pending: boolean; restart: string }) {
  const t = useTranslations('login');
  const { mfa, next } = props;
  return (
    <form noValidate method="post" action={FORM_ACTION} onSubmit={props.onSubmit} aria-label={t('totpHeading')} className="mt-5 space-y-4">
      <h2 className="text-base font-medium">{t('totpHeading')}</h2>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('totpPrompt', { user: mfa.user })}</p>
      <input type="hidden" name="method" value="totp" />
      <input type="hidden" name="cloud" value={props.cloud} />
      <input type="hidden" name="challenge" value={mfa.challenge} />
      {next && <input type="hidden" name="next" value={next} />}
      <TextField label={t('passcode')} name="passcode" inputMode="numeric" autoComplete="one-time-code" spellCheck={false} maxLength={8} autoFocus error={props.error} />
      {props.formError && (
        <p role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
          {props.formError}
        </p>
      )}
      <button type="submit" className={`${buttonClass.primary} w-full`} disabled={props.pending}>
        {props.pending ? t('loggingIn') : t('verify')}
      </button>
      <p className="text-center text-sm">
        <a href={props.restart} className="text-brand-700 hover:underline dark:text-brand-300">
          {t('startOver')}
        </a>
      </p>
    </form>
  );
}

const METHODS = [
  { id: 'password', label: 'methodPassword' },
  { id: 'application_credential', label: 'methodApplicationCredential' },
] as const;

function MethodTabs({ method, onChange, href }: { method: LoginMethod; onChange: (m: LoginMethod) => void; href: (m: LoginMethod) => string }) {
  const t = useTranslations('login');
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const nextMethod = method === 'password' ? 'application_credential' : 'password';
    onChange(nextMethod);
    document.getElementById(`tab-${nextMethod}`)?.focus();
  }
  // With JavaScript a tab switches in place; without it, its link loads the page with that tab.
  function onClick(event: MouseEvent<HTMLAnchorElement>, id: LoginMethod) {
    if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    onChange(id);
  }
  return (
    <div role="tablist" aria-label={t('method')} onKeyDown={onKeyDown} className="mt-6 grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
      {METHODS.map((m) => (
        <a
          key={m.id}
          id={`tab-${m.id}`}
          href={href(m.id)}
          role="tab"
          aria-selected={method === m.id}
          aria-controls="login-panel"
          tabIndex={method === m.id ? 0 : -1}
          onClick={(e) => onClick(e, m.id)}
          className="rounded-md px-3 py-1.5 text-center text-sm font-medium text-zinc-600 aria-selected:bg-white aria-selected:text-zinc-900 aria-selected:shadow-xs dark:text-zinc-400 dark:aria-selected:bg-zinc-950 dark:aria-selected:text-zinc-100"
        >
          {t(m.label)}
        </a>
      ))}
    </div>
  );
}

function DemoCredentials() {
  const t = useTranslations('login');
  return (
    <aside aria-label={t('demoCredentials')} className="mt-4 rounded-md border border-brand-300 bg-brand-50 px-3 py-2 text-sm text-brand-900 dark:border-brand-700 dark:bg-brand-900/30 dark:text-brand-100">
      <p className="font-medium">{t('demoCloud')}</p>
      <p className="mt-1">{t.rich('demoHint', { code: (chunks) => <code className="font-mono">{chunks}</code> })}</p>
    </aside>
  );
}
