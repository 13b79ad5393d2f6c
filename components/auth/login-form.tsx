'use client';

import { useTranslations } from 'next-intl';
import { useState, type FormEvent, type KeyboardEvent } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiError, apiFetch, errorText } from '@/lib/client/api';
import { projectFromNext, regionFromNext } from '@/lib/client/next-path';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { fieldErrors, LoginSchema, type FieldErrors } from './login-schema';

export interface LoginCloud {
  id: string;
  displayName: string;
  userDomainName: string;
  demo: boolean;
}

type Method = 'password' | 'application_credential';

interface LoginFormProps {
  clouds: LoginCloud[];
  initialCloud: string;
  /** Already checked to be a same-site relative path. */
  next?: string;
  expired: boolean;
}

export function LoginForm({ clouds, initialCloud, next, expired }: LoginFormProps) {
  const t = useTranslations('login');
  const tr = useTranslations();
  const m = useMsg();
  // Our own checks answer catalog keys; the API's issues come translated already (see onSubmit).
  const text = (s: string | undefined) => (s && tr.has(s as never) ? tr(s as never) : s);
  const [cloudId, setCloudId] = useState(initialCloud);
  const cloud = clouds.find((c) => c.id === cloudId);
  const [method, setMethod] = useState<Method>('password');
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [userDomain, setUserDomain] = useState(cloud?.userDomainName ?? 'Default');
  const [credId, setCredId] = useState('');
  const [credSecret, setCredSecret] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [formError, setFormError] = useState<string>();
  const [pending, setPending] = useState(false);

  function chooseCloud(id: string) {
    setCloudId(id);
    const c = clouds.find((x) => x.id === id);
    if (c) setUserDomain(c.userDomainName);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFormError(undefined);
    const input =
      method === 'password'
        ? { method, cloud: cloudId, username, password, userDomain }
        : { method, cloud: cloudId, applicationCredentialId: credId, applicationCredentialSecret: credSecret };
    const parsed = LoginSchema.safeParse(input);
    if (!parsed.success) {
      setErrors(fieldErrors(parsed.error.issues.map((i) => ({ path: i.path, message: i.message }))));
      return;
    }
    setErrors({});
    setPending(true);
    try {
      const projectId = projectFromNext(next, cloudId);
      const region = projectId ? regionFromNext(next) : undefined;
      const res = await apiFetch<{ redirectTo: string }>('/api/auth/login', {
        method: 'POST',
        body: { ...parsed.data, ...(projectId ? { projectId } : {}), ...(region ? { region } : {}), ...(next ? { next } : {}) },
      });
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

  return (
    <div className="rounded-xl border border-zinc-200 bg-white p-6 shadow-sm sm:p-8 dark:border-zinc-800 dark:bg-zinc-900">
      <h1 className="text-xl font-semibold">{cloud && clouds.length === 1 ? t('headingTo', { cloud: cloud.displayName }) : t('heading')}</h1>
      {expired && (
        <p role="status" className="mt-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950 dark:text-amber-200">
          {t('expired')}
        </p>
      )}
      {cloud?.demo && <DemoCredentials />}

      <MethodTabs method={method} onChange={setMethod} />

      <div role="tabpanel" id="login-panel" aria-label={method === 'password' ? t('panelPassword') : t('panelApplicationCredential')}>
      <form noValidate onSubmit={onSubmit} className="mt-5 space-y-4">
        {clouds.length > 1 && (
          <SelectField label={t('cloud')} value={cloudId} onChange={(e) => chooseCloud(e.target.value)} error={text(errors.cloud)}>
            {clouds.map((c) => (
              <option key={c.id} value={c.id}>
                {c.displayName}
              </option>
            ))}
          </SelectField>
        )}
        {method === 'password' ? (
          <>
            <TextField label={t('username')} name="username" autoComplete="username" value={username} onChange={(e) => setUsername(e.target.value)} error={text(errors.username)} />
            <TextField label={t('password')} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} error={text(errors.password)} />
            <TextField label={t('userDomain')} name="userDomain" autoComplete="off" value={userDomain} onChange={(e) => setUserDomain(e.target.value)} error={text(errors.userDomain)} />
          </>
        ) : (
          <>
            <TextField label={t('applicationCredentialId')} name="applicationCredentialId" autoComplete="off" spellCheck={false} value={credId} onChange={(e) => setCredId(e.target.value)} error={text(errors.applicationCredentialId)} />
            <TextField label={t('applicationCredentialSecret')} name="applicationCredentialSecret" type="password" autoComplete="off" value={credSecret} onChange={(e) => setCredSecret(e.target.value)} error={text(errors.applicationCredentialSecret)} />
          </>
        )}
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
    </div>
  );
}

const METHODS = [
  { id: 'password', label: 'methodPassword' },
  { id: 'application_credential', label: 'methodApplicationCredential' },
] as const;

function MethodTabs({ method, onChange }: { method: Method; onChange: (m: Method) => void }) {
  const t = useTranslations('login');
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const nextMethod = method === 'password' ? 'application_credential' : 'password';
    onChange(nextMethod);
    document.getElementById(`tab-${nextMethod}`)?.focus();
  }
  return (
    <div role="tablist" aria-label={t('method')} onKeyDown={onKeyDown} className="mt-6 grid grid-cols-2 gap-1 rounded-lg bg-zinc-100 p-1 dark:bg-zinc-800">
      {METHODS.map((m) => (
        <button
          key={m.id}
          id={`tab-${m.id}`}
          type="button"
          role="tab"
          aria-selected={method === m.id}
          aria-controls="login-panel"
          tabIndex={method === m.id ? 0 : -1}
          onClick={() => onChange(m.id)}
          className="rounded-md px-3 py-1.5 text-sm font-medium text-zinc-600 aria-selected:bg-white aria-selected:text-zinc-900 aria-selected:shadow-xs dark:text-zinc-400 dark:aria-selected:bg-zinc-950 dark:aria-selected:text-zinc-100"
        >
          {t(m.label)}
        </button>
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
