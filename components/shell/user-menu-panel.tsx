'use client';
// The user menu's panel: who is logged in, the undo preference, the language, CLI credentials and log out.
import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { apiFetch } from '@/lib/client/api';
import { setUndoSeconds, UNDO_CHOICES, undoSeconds } from '@/lib/client/undo';
import { useOwnEmail } from '@/lib/resources/admin/queries';
import { buttonClass } from '@/components/ui/button';
import { LanguageSelect } from '@/components/i18n/language-select';
import { Sensitive } from './presentation';

interface PanelProps {
  id: string;
  user: { id: string; name: string; domainId: string };
  roles: string[];
  projectId: string;
}

export function UserMenuPanel({ id, user, roles, projectId }: PanelProps) {
  const t = useTranslations('userMenu');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string>();
  const queryClient = useQueryClient();
  const email = useOwnEmail(user.id, projectId, true);

  async function logOut() {
    setPending(true);
    setError(undefined);
    try {
      const res = await apiFetch<{ redirectTo?: string }>('/api/auth/logout', { method: 'POST' });
      queryClient.clear();
      // a full navigation also drops the router cache of the logged-in pages
      window.location.assign(res?.redirectTo ?? '/login');
    } catch (err) {
      setPending(false);
      setError(err instanceof Error ? err.message : t('logOutFailed'));
    }
  }

  return (
    <div
      id={id}
      className="absolute right-0 z-50 mt-2 w-64 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
    >
      <p className="font-medium">{user.name}</p>
      {email && (
        <p className="truncate text-xs text-zinc-600 dark:text-zinc-300">
          <span className="sr-only">{t('emailLabel')} </span>
          <Sensitive kind="email">{email}</Sensitive>
        </p>
      )}
      <p className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{user.id}</p>
      <p className="mt-3 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t('roles')}</p>
      <ul aria-label={t('roles')} className="mt-1 flex flex-wrap gap-1">
        {roles.map((r) => (
          <li key={r} className="rounded bg-zinc-100 px-1.5 py-0.5 text-xs dark:bg-zinc-800">
            {r}
          </li>
        ))}
      </ul>
      <UndoPreference />
      <LanguageSelect className="mt-3 block text-xs" labelClassName="font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400" />
      <p className="mt-3 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t('cliCredentials')}</p>
      <ul aria-label={t('credentialsFiles')} className="mt-1 space-y-1">
        <li>
          <a className="text-brand-700 hover:underline dark:text-brand-300" href={`/api/credentials/openrc?project=${encodeURIComponent(projectId)}`} download>
            {t('downloadOpenrc')}
          </a>
        </li>
        <li>
          <a className="text-brand-700 hover:underline dark:text-brand-300" href={`/api/credentials/clouds-yaml?project=${encodeURIComponent(projectId)}`} download>
            {t('downloadCloudsYaml')}
          </a>
        </li>
      </ul>
      <p className="mt-1 text-xs text-zinc-500 dark:text-zinc-400">{t('credentialsNote')}</p>
      {error && (
        <p role="alert" className="mt-3 text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      <button type="button" onClick={() => void logOut()} disabled={pending} className={`${buttonClass.secondary} mt-4 w-full`}>
        {pending ? t('loggingOut') : t('logOut')}
      </button>
    </div>
  );
}

/** How long deletes wait with an Undo button before the API call (stored in this browser). */
function UndoPreference() {
  const t = useTranslations('userMenu');
  const [value, setValue] = useState(() => undoSeconds());
  return (
    <label className="mt-3 block text-xs">
      <span className="font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{t('undoWindow')}</span>
      <select
        className="mt-1 block w-full rounded border border-zinc-300 bg-white px-2 py-1 text-sm dark:border-zinc-600 dark:bg-zinc-800"
        value={value}
        onChange={(e) => {
          const n = Number(e.target.value);
          setUndoSeconds(n);
          setValue(n);
        }}
      >
        {UNDO_CHOICES.map((n) => (
          <option key={n} value={n}>
            {n === 0 ? t('undoOff') : t('undoSeconds', { count: n })}
          </option>
        ))}
      </select>
    </label>
  );
}

