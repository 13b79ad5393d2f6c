'use client';

import Link from '@/components/ui/intent-link';
import { useLocale, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, useSyncExternalStore } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { clearActivity, getActivity, subscribeActivity, type ActivityEvent } from '@/lib/client/activity';
import type { ClientSession } from '@/lib/client/session';
import { definitionOf, projectHref, sectionOfKind } from '@/lib/resources/registry';
import { useMenu } from './use-dismiss';
import { ABOVE_UNDO, NOTICE_PAD, NOTICE_STACK, useNoticeHeight } from './notice-area';
import { ProjectEntry, useProjectFeed } from './project-activity';

const NONE: readonly ActivityEvent[] = [];
const TOAST_MS = 6000;

const toneClass: Record<string, string> = {
  ok: 'border-emerald-300 dark:border-emerald-700',
  error: 'border-red-300 dark:border-red-700',
};

function useEvents() {
  return useSyncExternalStore(subscribeActivity, getActivity, () => NONE);
}

/** "Instance web-1 is now ACTIVE": the kind's label, the resource's name and the statuses are not translated here. */
function useSentence() {
  const t = useTranslations('shell.activity');
  const m = useMsg();
  return (e: ActivityEvent) => t('event', { kind: m(e.kind), name: e.name, status: m(e.to) });
}

/** Unobtrusive notifications of what polling saw finish, bottom left above the undo list (./notice-area), each for
 *  a few seconds. The live region stays in the page (empty and without size) so announcements are not lost. */
export function ActivityToasts({ session }: { session: ClientSession }) {
  const t = useTranslations('shell.activity');
  const m = useMsg();
  const sentence = useSentence();
  const events = useEvents();
  const [now, setNow] = useState(() => Date.now());
  const recent = events.filter((e) => now - e.at < TOAST_MS).slice(0, 3);
  // A clock that ticks only while a toast is up (a new event's time is ahead of `now`, so it shows at once).
  const showing = recent.length > 0;
  useEffect(() => {
    if (!showing) return;
    const t = setInterval(() => setNow(Date.now()), 500);
    return () => clearInterval(t);
  }, [showing, events]);
  const root = useRef<HTMLElement>(null);
  useNoticeHeight(root, 'activity', showing);
  return (
    <section ref={root} aria-label={t('notifications')} aria-live="polite" style={ABOVE_UNDO} className={`pointer-events-none ${NOTICE_STACK} ${showing ? NOTICE_PAD : ''}`}>
      {recent.map((e) => (
        <div key={e.id} role="status" className={`pointer-events-auto shrink-0 rounded-lg border bg-white px-3 py-2 text-sm break-words shadow-lg dark:bg-zinc-900 ${toneClass[e.tone] ?? ''}`}>
          {e.slug ? <Link href={projectHref(session.cloud.id, session.project.id, session.region, e.slug)} className="hover:underline">{sentence(e)}</Link> : sentence(e)}
          <span className="block text-xs text-zinc-500 dark:text-zinc-400">{t('was', { status: m(e.from) })}</span>
        </div>
      ))}
    </section>
  );
}

/**
 * Header button with the activity list: what anyone in the project did (the services' own history, polled while the
 * panel is open and the page visible) and what this tab's pages noticed finishing, newest first.
 */
export function ActivityMenu({ session, catalogTypes }: { session: ClientSession; catalogTypes: readonly string[] }) {
  const t = useTranslations('shell.activity');
  const m = useMsg();
  const locale = useLocale();
  const sentence = useSentence();
  const events = useEvents();
  const { open, setOpen, root, panelId, buttonProps } = useMenu();
  const feed = useProjectFeed(session, catalogTypes, open);
  // Entries are new when they happened after the panel was last opened (or the page loaded), older when cleared.
  const [readAt, setReadAt] = useState(() => Date.now());
  const [clearedAt, setClearedAt] = useState(0);
  const project = feed.entries.filter((e) => e.at > clearedAt);
  const unread = events.filter((e) => e.at > readAt).length + project.filter((e) => e.at > readAt).length;
  const rows = [
    ...events.map((e) => ({ at: e.at, key: `tab:${e.id}`, tab: e, entry: undefined })),
    ...project.map((e) => ({ at: e.at, key: e.key, entry: e, tab: undefined })),
  ].sort((a, b) => b.at - a.at);
  const errors = Object.entries(feed.errors);
  return (
    <div ref={root} className="relative">
      <button
        {...buttonProps}
        onClick={() => {
          setOpen(!open);
          setReadAt(Date.now());
        }}
        className="inline-flex h-9 items-center gap-1 rounded-md px-2 text-sm text-zinc-600 hover:bg-zinc-100 dark:text-zinc-300 dark:hover:bg-zinc-800"
      >
        {t('button')}
        {unread > 0 && (
          <span className="rounded-full bg-brand-600 px-1.5 text-xs text-white">
            {t.rich('unread', { count: unread, sr: (chunks) => <span className="sr-only">{chunks}</span> })}
          </span>
        )}
      </button>
      {open && (
        <div id={panelId} className="absolute right-0 z-50 mt-2 w-96 max-w-[calc(100vw-1rem)] rounded-lg border border-zinc-200 bg-white p-3 text-sm shadow-xl dark:border-zinc-700 dark:bg-zinc-900">
          <div className="flex items-center">
            <h2 className="font-medium">{t('heading')}</h2>
            {rows.length > 0 && (
              <button
                type="button"
                className="ml-auto text-xs text-brand-700 hover:underline dark:text-brand-300"
                onClick={() => {
                  clearActivity();
                  setClearedAt(project.reduce((c, e) => Math.max(c, e.at), clearedAt));
                }}
              >
                {t('clear')}
              </button>
            )}
          </div>
          {errors.map(([kind, message]) => (
            <p key={kind} className="mt-2 text-xs text-red-700 dark:text-red-300">
              {t('failed', { kind: labelOf(kind, m), message })}
            </p>
          ))}
          {rows.length === 0 ? (
            <p className="mt-2 text-zinc-500 dark:text-zinc-400">{t('empty')}</p>
          ) : (
            <ol aria-label={t('list')} className="mt-2 max-h-96 space-y-2 overflow-y-auto">
              {rows.map((r) =>
                r.entry !== undefined ? (
                  <ProjectEntry key={r.key} entry={r.entry} session={session} names={feed.names} onNavigate={() => setOpen(false)} />
                ) : r.tab !== undefined ? (
                  <li key={r.key} className="flex gap-2">
                    <time className="shrink-0 font-mono text-xs text-zinc-500 dark:text-zinc-400" dateTime={new Date(r.at).toISOString()}>
                      {new Date(r.at).toLocaleTimeString(locale, { hour12: false })}
                    </time>
                    {r.tab.slug ? (
                      <Link href={projectHref(session.cloud.id, session.project.id, session.region, r.tab.slug)} className={r.tab.tone === 'error' ? 'text-red-700 dark:text-red-300' : ''} onClick={() => setOpen(false)}>
                        {sentence(r.tab)}
                      </Link>
                    ) : (
                      <span>{sentence(r.tab)}</span>
                    )}
                  </li>
                ) : null,
              )}
            </ol>
          )}
        </div>
      )}
    </div>
  );
}

/** A kind's singular label (its section's definition), or the kind as it is. */
function labelOf(kind: string, m: ReturnType<typeof useMsg>): string {
  const section = sectionOfKind(kind);
  const def = section && definitionOf(section, '');
  return def ? m(def.label.singular) : kind;
}
