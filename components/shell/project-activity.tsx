'use client';
// The project's activity in the header's panel: what anyone in the project did (lib/resources/project-activity.ts),
// each entry with who (a name where known, else the user id's start with the whole id as a tooltip), what, on which
// object (linked while it exists), when, and the outcome.
import Link from '@/components/ui/intent-link';
import { useLocale, useTranslations } from 'next-intl';
import { useMemo } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { actorLabel, type ActivityEntry } from '@/lib/activity/feed';
import type { ClientSession } from '@/lib/client/session';
import { useProjectActivity } from '@/lib/resources/project-activity';
import { definitionOf, groupOf, projectHref, sectionAccess, sectionOfKind, SECTIONS } from '@/lib/resources/registry';
import type { AnyDefinition, Tone } from '@/lib/resources/types';

/** The project's kinds that declare where their history comes from and that this user may use here (no admin pages). */
function useActivityDefs(session: ClientSession, types: readonly string[]): readonly AnyDefinition[] {
  const roles = session.roles;
  return useMemo(
    () =>
      SECTIONS.flatMap((s) => {
        if (groupOf(s).adminOnly || sectionAccess(s, types, roles).state !== 'ok') return [];
        const def = definitionOf(s, session.project.id, { userId: session.user.id, roles });
        return def?.activity ? [def] : [];
      }),
    [types, roles, session.project.id, session.user.id],
  );
}

/** The project's entries and the names of who acted, polled while `open` and the page is visible. */
export function useProjectFeed(session: ClientSession, catalogTypes: readonly string[], open: boolean) {
  return useProjectActivity(useActivityDefs(session, catalogTypes), session.user, open);
}

/** Each outcome's word (none for an entry that says nothing about it) and colour. */
const OUTCOME = { ok: 'outcome.ok', error: 'outcome.error', busy: 'outcome.busy' } as const;

const outcomeClass: Record<Tone, string> = {
  ok: 'text-emerald-700 dark:text-emerald-300',
  error: 'text-red-700 dark:text-red-300',
  busy: 'text-amber-700 dark:text-amber-300',
  unknown: 'text-zinc-600 dark:text-zinc-300',
};

export function ProjectEntry({ entry: e, session, names, onNavigate }: { entry: ActivityEntry; session: ClientSession; names: Readonly<Record<string, string>>; onNavigate: () => void }) {
  const t = useTranslations('shell.activity');
  const m = useMsg();
  const locale = useLocale();
  const kind = sectionOfKind(e.kind);
  const def = kind && definitionOf(kind, session.project.id);
  const who = e.userId ? actorLabel(e.userId, names) : undefined;
  const name = e.slug ? (
    <Link href={projectHref(session.cloud.id, session.project.id, session.region, e.slug)} className="text-brand-700 underline dark:text-brand-300" onClick={onNavigate}>
      {e.resourceName}
    </Link>
  ) : (
    <span>{e.resourceName}</span>
  );
  return (
    <li className="flex gap-2">
      <time className="shrink-0 font-mono text-xs text-zinc-500 dark:text-zinc-400" dateTime={new Date(e.at).toISOString()} title={new Date(e.at).toLocaleString(locale)}>
        {new Date(e.at).toLocaleTimeString(locale, { hour12: false })}
      </time>
      <div className="min-w-0 break-words">
        <p>
          {who && (
            <>
              <span className="font-medium" title={t('userId', { id: who.full ?? e.userId ?? '' })}>
                {who.text}
              </span>{' '}
            </>
          )}
          <span className="font-mono text-xs">{m(e.action)}</span>{' '}
          {t.rich('on', { kind: def ? m(def.label.singular) : e.kind, name: () => name })}
        </p>
        {e.outcome !== 'unknown' && <p className={`text-xs ${outcomeClass[e.outcome]}`}>{t(OUTCOME[e.outcome])}</p>}
        {e.detail && <p className="text-xs text-zinc-600 dark:text-zinc-400">{e.detail}</p>}
      </div>
    </li>
  );
}
