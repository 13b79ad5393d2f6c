'use client';

import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, apiFetch } from '@/lib/client/api';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useMsg } from '@/components/i18n/use-msg';
import { msg, type Msg } from '@/lib/i18n/msg';
import { useNow } from './use-now';

/** The banner appears this long before the token expires. */
export const WARN_BEFORE_MS = 5 * 60_000;

/** The banner's message: expired, or the whole minutes left (at least one). */
export function expiryMessage(remainingMs: number): Msg {
  if (remainingMs <= 0) return 'shell.expiry.expired';
  return msg('shell.expiry.expiresIn', { count: Math.max(1, Math.ceil(remainingMs / 60_000)) });
}

interface ExpiryWarningProps {
  expiresAt: number;
  authMethod: 'password' | 'application_credential';
  cloud: string;
}

export function ExpiryWarning({ expiresAt, authMethod, cloud }: ExpiryWarningProps) {
  const text = useMsg();
  const now = useNow();
  const router = useRouter();
  const [renewedUntil, setRenewedUntil] = useState(0);
  const effective = Math.max(expiresAt, renewedUntil);
  const remaining = now === null ? Infinity : effective - now;
  const show = remaining <= WARN_BEFORE_MS;

  // After "Log in again" in another tab, coming back picks up the new session.
  useEffect(() => {
    if (!show) return;
    const onFocus = () => router.refresh();
    window.addEventListener('focus', onFocus);
    return () => window.removeEventListener('focus', onFocus);
  }, [show, router]);

  if (!show) return null;
  return (
    <div
      role="alert"
      className="flex flex-wrap items-center gap-x-4 gap-y-2 border-b border-amber-300 bg-amber-50 px-4 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100"
    >
      <span className="font-medium">{text(expiryMessage(remaining))}</span>
      {authMethod === 'password' ? (
        <ReauthForm
          onRenewed={(until) => {
            setRenewedUntil(until);
            router.refresh();
          }}
        />
      ) : (
        <LoginAgainLink cloud={cloud} />
      )}
    </div>
  );
}

function ReauthForm({ onRenewed }: { onRenewed: (expiresAt: number) => void }) {
  const t = useTranslations('shell.expiry');
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!password) return setError(t('passwordRequired'));
    setPending(true);
    setError(undefined);
    try {
      const res = await apiFetch<{ expiresAt: number }>('/api/auth/reauth', { method: 'POST', body: { password } });
      setPassword('');
      setOpen(false);
      onRenewed(res.expiresAt);
    } catch (err) {
      setError(err instanceof ApiError && err.status === 401 ? t('wrongPassword') : err instanceof Error ? err.message : t('renewFailed'));
    } finally {
      setPending(false);
    }
  }

  if (!open) {
    return (
      <button type="button" className={`${buttonClass.secondary} py-1`} onClick={() => setOpen(true)}>
        {t('reauthenticate')}
      </button>
    );
  }
  return (
    <form onSubmit={onSubmit} aria-label={t('reauthenticate')} className="flex flex-wrap items-end gap-2">
      <div className="w-56">
        <TextField label={t('password')} type="password" autoComplete="current-password" autoFocus value={password} onChange={(e) => setPassword(e.target.value)} error={error} />
      </div>
      <button type="submit" className={`${buttonClass.primary} py-2`} disabled={pending}>
        {pending ? t('renewing') : t('renew')}
      </button>
      <button type="button" className={buttonClass.ghost} onClick={() => setOpen(false)}>
        {t('cancel')}
      </button>
    </form>
  );
}

function LoginAgainLink({ cloud }: { cloud: string }) {
  const t = useTranslations('shell.expiry');
  const pathname = usePathname();
  const search = useSearchParams().toString();
  const params = new URLSearchParams({ next: `${pathname}${search ? `?${search}` : ''}`, cloud });
  return (
    <a href={`/login?${params.toString()}`} target="_blank" rel="noopener" className={`${buttonClass.secondary} py-1`}>
      {t.rich('logInAgain', { sr: (chunks) => <span className="sr-only">{chunks}</span> })}
    </a>
  );
}
