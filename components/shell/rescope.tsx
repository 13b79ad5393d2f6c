'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from '@/components/ui/intent-link';
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiError, apiFetch, errorText } from '@/lib/client/api';
import { useMsg } from '@/components/i18n/use-msg';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { buttonClass } from '@/components/ui/button';
import { projectHref } from '@/lib/resources/registry';
import { useProjects } from './projects';

interface RescopeProps {
  cloud: { id: string; displayName: string };
  /** The project the URL asks for. */
  projectId: string;
  currentProject: { id: string; name: string };
  currentRegion: string;
}

type State = { kind: 'ask' } | { kind: 'switching' } | { kind: 'forbidden'; message: string } | { kind: 'error'; message: string };

/**
 * The URL names another project than the session. Switching rescopes the one session every tab shares, so it
 * waits for a click here: a link from another site must not change session state by itself being followed.
 * The user's project list (a GET) says at once whether the switch can work at all.
 */
export function Rescope({ cloud, projectId, currentProject, currentRegion }: RescopeProps) {
  const t = useTranslations('shell.rescope');
  const m = useMsg();
  const router = useRouter();
  const queryClient = useQueryClient();
  const projects = useProjects(true);
  const [state, setState] = useState<State>({ kind: 'ask' });
  const target = projects.data?.find((p) => p.id === projectId && p.enabled);
  const shown: State =
    state.kind === 'ask' && projects.isSuccess && !target ? { kind: 'forbidden', message: t('noAccess', { id: projectId }) } : state;

  async function rescope() {
    setState({ kind: 'switching' });
    try {
      await apiFetch('/api/auth/switch', { method: 'POST', body: { projectId } });
      queryClient.clear();
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
        setState({ kind: 'forbidden', message: err.status === 403 && err.message ? m(errorText(err)) : t('noAccess', { id: projectId }) });
      } else {
        setState({ kind: 'error', message: err instanceof Error ? m(errorText(err)) : t('switchFailed') });
      }
    }
  }

  return (
    <main className="relative flex min-h-dvh items-center justify-center px-4">
      <ThemeToggle className="absolute top-4 right-4" />
      <div className="w-full max-w-lg rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {(shown.kind === 'ask' || shown.kind === 'switching') && (
          <>
            <h1 className="text-lg font-semibold break-words">
              {t.rich('heading', {
                name: target?.name ?? projectId,
                // a project the list does not know shows as its ID
                project: (chunks) => (target ? <span>{chunks}</span> : <span className="font-mono">{chunks}</span>),
              })}
            </h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {t('body', { current: currentProject.name, cloud: cloud.displayName })}
            </p>
            <div className="mt-6 flex flex-wrap gap-3">
              <button
                type="button"
                className={buttonClass.primary}
                // The one action of this page: Enter switches.
                autoFocus
                // Not disabled while the project list loads: the server checks access anyway, and a disabled button
                // would not take the focus.
                disabled={shown.kind === 'switching'}
                onClick={() => void rescope()}
              >
                {shown.kind === 'switching' ? t('switching') : t('switchTo', { name: target?.name ?? projectId })}
              </button>
              <Link href={projectHref(cloud.id, currentProject.id, currentRegion)} className={buttonClass.secondary}>
                {t('goTo', { name: currentProject.name })}
              </Link>
            </div>
            {shown.kind === 'switching' && (
              <p role="status" className="sr-only">
                {t('switchingTo', { name: target?.name ?? projectId })}
              </p>
            )}
          </>
        )}
        {(shown.kind === 'forbidden' || shown.kind === 'error') && (
          <>
            <h1 className="text-lg font-semibold break-words">{shown.kind === 'forbidden' ? shown.message : t('failedHeading')}</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {shown.kind === 'forbidden'
                ? t('forbiddenBody')
                : shown.message}
            </p>
            <div className="mt-6 flex flex-wrap gap-3">
              <Link href={projectHref(cloud.id, currentProject.id, currentRegion)} className={buttonClass.primary}>
                {t('goTo', { name: currentProject.name })}
              </Link>
              {shown.kind === 'error' && (
                <button type="button" className={buttonClass.secondary} onClick={() => void rescope()}>
                  {t('tryAgain')}
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </main>
  );
}
