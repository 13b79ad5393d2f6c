'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError, apiFetch } from '@/lib/client/api';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { buttonClass } from '@/components/ui/button';
import { projectHref } from './nav';

interface RescopeProps {
  cloud: { id: string; displayName: string };
  /** The project the URL asks for. */
  projectId: string;
  currentProject: { id: string; name: string };
  currentRegion: string;
}

type State = { kind: 'switching' } | { kind: 'forbidden'; message: string } | { kind: 'error'; message: string };

/** The URL names another project than the session: switch the session to it, then re-render. */
export function Rescope({ cloud, projectId, currentProject, currentRegion }: RescopeProps) {
  const router = useRouter();
  const queryClient = useQueryClient();
  const [state, setState] = useState<State>({ kind: 'switching' });
  const started = useRef(false);

  const rescope = useCallback(async () => {
    setState({ kind: 'switching' });
    try {
      await apiFetch('/api/auth/switch', { method: 'POST', body: { projectId } });
      queryClient.clear();
      router.refresh();
    } catch (err) {
      if (err instanceof ApiError && (err.status === 403 || err.status === 404)) {
        setState({ kind: 'forbidden', message: err.status === 403 && err.message ? err.message : `You have no access to project ${projectId}` });
      } else {
        setState({ kind: 'error', message: err instanceof Error ? err.message : 'Could not switch project' });
      }
    }
  }, [projectId, queryClient, router]);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void rescope();
  }, [rescope]);

  return (
    <main className="relative flex min-h-dvh items-center justify-center px-4">
      <ThemeToggle className="absolute top-4 right-4" />
      <div className="w-full max-w-lg rounded-xl border border-zinc-200 bg-white p-6 shadow-sm dark:border-zinc-800 dark:bg-zinc-900">
        {state.kind === 'switching' && (
          <p role="status" className="text-sm text-zinc-600 dark:text-zinc-300">
            Switching to project <span className="font-mono">{projectId}</span> on {cloud.displayName}…
          </p>
        )}
        {state.kind !== 'switching' && (
          <>
            <h1 className="text-lg font-semibold break-words">{state.kind === 'forbidden' ? state.message : 'Could not open this project'}</h1>
            <p className="mt-2 text-sm text-zinc-600 dark:text-zinc-400">
              {state.kind === 'forbidden'
                ? 'The link points to a project your account has no role in, or that does not exist. Ask a project administrator for access, or continue in your current project.'
                : state.message}
            </p>
            <div className="mt-6 flex flex-wrap gap-3">
              <Link href={projectHref(cloud.id, currentProject.id, currentRegion)} className={buttonClass.primary}>
                Go to {currentProject.name}
              </Link>
              {state.kind === 'error' && (
                <button type="button" className={buttonClass.secondary} onClick={() => void rescope()}>
                  Try again
                </button>
              )}
            </div>
          </>
        )}
      </div>
    </main>
  );
}
