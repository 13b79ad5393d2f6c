'use client';

import { useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useEffect, useSyncExternalStore } from 'react';
import { download } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { useMenu } from '@/components/shell/use-dismiss';
import Link from '@/components/ui/intent-link';
import type { ClientSession } from '@/lib/client/session';
import { createdSelection } from '@/lib/recorder/heat';
import { useResourceHref } from '@/lib/resources/hooks';
import { selectionQuery } from '@/lib/resources/iac/handoff';
import { heatDefinition } from '@/lib/resources/iac/heat-kinds';
import { findSection, sectionAccess } from '@/lib/resources/registry';
import { httpLine, shellScript, type ExportContext } from '@/lib/recorder/shell';
import { clearRecording, getRecorder, getServerRecorder, setDryRun, setNameSource, startRecording, stopRecording, subscribeRecorder, type RecorderState } from '@/lib/recorder/store';
import { cachedNames } from './cached-names';

export function useRecorder() {
  return useSyncExternalStore(subscribeRecorder, getRecorder, getServerRecorder);
}

/** A file name stem from the project's name: letters, digits, dots and dashes. */
const stem = (project: string) => `stratus-${project.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'project'}-recording`;

/**
 * The session recorder in the header: a labelled toggle, a visible "Recording" (or "Dry run") indicator while on, and
 * a panel listing what was recorded with its exports. What it records is decided in lib/client/api.ts (every
 * mutating proxy call passes there); this gives the recorder the names of what the page has loaded.
 */
export function RecorderMenu({ session, catalogTypes }: { session: ClientSession; catalogTypes: readonly string[] }) {
  const t = useTranslations('recorder');
  const qc = useQueryClient();
  const rec = useRecorder();
  const { open, setOpen, root, panelId, buttonProps } = useMenu();
  useEffect(() => {
    setNameSource(() => cachedNames(qc));
    return () => setNameSource(undefined);
  }, [qc]);

  const ctx = (): ExportContext => ({ cloud: session.cloud.id, project: session.project.name, region: session.region, at: new Date().toISOString() });
  const base = stem(session.project.name);
  const calls = rec.calls;
  // The playbook writer brings a YAML library: loaded when asked for, not with every page.
  const downloadAnsible = async () => {
    const { ansiblePlaybook } = await import('@/lib/recorder/ansible');
    download(`${base}.yaml`, 'application/yaml;charset=utf-8', ansiblePlaybook(calls, ctx()));
  };
  return (
    <div ref={root} className="relative flex items-center gap-1">
      {rec.recording && (
        <span role="status" className="inline-flex items-center gap-1 rounded-md bg-red-50 px-2 py-0.5 text-xs font-medium text-red-800 dark:bg-red-950/50 dark:text-red-200">
          <span aria-hidden="true" className="h-2 w-2 rounded-full bg-red-600 motion-safe:animate-pulse" />
          {rec.dryRun ? t('indicatorDryRun', { count: calls.length }) : t('indicator', { count: calls.length })}
        </span>
      )}
      <button {...buttonProps} onClick={() => setOpen(!open)} className="inline-flex h-9 items-center rounded-md px-2 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800">
        {t('button')}
      </button>
      {open && (
        <section id={panelId} aria-label={t('heading')} className="absolute top-full right-0 z-50 mt-2 w-[28rem] max-w-[90vw] space-y-3 rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <h2 className="font-medium">{t('heading')}</h2>
          <p className="text-xs text-zinc-600 dark:text-zinc-400">{t('intro')}</p>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={rec.recording} onChange={(e) => (e.target.checked ? startRecording() : stopRecording())} />
            {t('record')}
          </label>
          <label className="flex items-center gap-2">
            <input type="checkbox" checked={rec.dryRun} onChange={(e) => setDryRun(e.target.checked)} />
            {t('dryRunToggle')}
          </label>
          {rec.dryRun && <p className="rounded-md border border-amber-300 bg-amber-50 px-2 py-1 text-xs text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">{t('dryRunNote')}</p>}
          {calls.length === 0 ? (
            <p className="text-zinc-500 dark:text-zinc-400">{t('empty')}</p>
          ) : (
            <ol aria-label={t('calls')} className="max-h-72 space-y-2 overflow-y-auto">
              {calls.map((c, i) => (
                <li key={`${c.at}-${i}`} className="rounded border border-zinc-200 p-2 dark:border-zinc-700">
                  <p className="flex flex-wrap items-center gap-2 text-xs">
                    <span className="font-mono">{httpLine(c)}</span>
                    <span className={c.outcome === 'failed' ? 'text-red-700 dark:text-red-300' : 'text-zinc-600 dark:text-zinc-400'}>
                      {c.outcome === 'dry-run' ? t('outcome.dryRun') : c.outcome === 'failed' ? t('outcome.failed', { status: c.status ?? 0 }) : t('outcome.sent')}
                    </span>
                  </p>
                  <code className="mt-1 block font-mono text-xs break-all" translate="no">
                    {c.cli ?? t('noCli')}
                  </code>
                </li>
              ))}
            </ol>
          )}
          <div className="flex flex-wrap gap-2">
            <button type="button" disabled={!calls.length} className={exportButton} onClick={() => download(`${base}.sh`, 'text/x-shellscript;charset=utf-8', shellScript(calls, ctx()))}>
              {t('downloadShell')}
            </button>
            <button type="button" disabled={!calls.length} className={exportButton} onClick={() => void downloadAnsible()}>
              {t('downloadAnsible')}
            </button>
            <HeatLink calls={calls} available={heatAvailable(catalogTypes, session.roles)} onOpen={() => setOpen(false)} />
            <button type="button" disabled={!calls.length} className={`${exportButton} ml-auto`} onClick={clearRecording}>
              {t('clear')}
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

const exportButton = buttonClass.secondary;

/** Whether the Heat export page is open to this user in this cloud (the header is outside the page's SessionProvider). */
function heatAvailable(catalogTypes: readonly string[], roles: readonly string[]): boolean {
  const section = findSection('heat-export');
  return !!section && sectionAccess(section, catalogTypes, roles).state === 'ok';
}

/**
 * The objects the recording created, opened on the Heat export page (which reads them live and writes the template
 * with references between them); only when the cloud has Heat and something exportable was created.
 */
function HeatLink({ calls, available, onOpen }: { calls: RecorderState['calls']; available: boolean; onOpen: () => void }) {
  const t = useTranslations('recorder');
  const href = useResourceHref();
  const chosen = createdSelection(calls, (kind) => !!heatDefinition(kind));
  if (!available || !chosen.length) return null;
  return (
    <Link href={href('heat-export', '', selectionQuery(chosen))} className={exportButton} onClick={onOpen}>
      {t('openHeat', { count: chosen.length })}
    </Link>
  );
}
