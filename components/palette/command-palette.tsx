'use client';

import { useQueries } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef } from 'react';
import { apiFetch, errorText } from '@/lib/client/api';
import type { ClientSession } from '@/lib/client/session';
import type { Text } from '@/lib/i18n/msg';
import { matchHits, searchSources, type SearchSource } from '@/lib/resources/search';
import { navGroups, projectHref, sectionAccess, SECTIONS } from '@/lib/resources/registry';
import { useMsg, useNoun } from '@/components/i18n/use-msg';
import { Sensitive } from '@/components/shell/presentation';
import { useDismiss } from '@/components/shell/use-dismiss';
import { useSearchBox } from '@/components/ui/use-search-box';
import type { MaskKind } from '@/lib/resources/types';

interface Entry {
  id: string;
  group: string;
  label: string;
  detail?: string;
  href: string;
  /** The label is a value presentation mode may mask. */
  sensitive?: MaskKind;
}

const MIN_QUERY = 2;

function includes(text: string, q: string) {
  return text.toLowerCase().includes(q.trim().toLowerCase());
}

/**
 * The kinds' nouns in the plural ("instances, volumes, and images"), in the page's language: each noun is an ICU
 * plural, read with a count that is "other" in every locale, and the list is joined as the language joins one.
 */
function useNounList() {
  const noun = useNoun();
  const format = useFormatter();
  return (sources: readonly SearchSource[]) => format.list(sources.map((s) => noun(s.noun, 2)), { type: 'conjunction' });
}

export function CommandPalette({ session, catalogTypes, onClose }: { session: ClientSession; catalogTypes: string[]; onClose: () => void }) {
  const t = useTranslations('palette');
  const m = useMsg();
  const nouns = useNounList();
  const router = useRouter();
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const opener = useRef<Element | null>(null);
  const dialogRef = useRef<HTMLDivElement>(null);
  // Escape closes it wherever focus is (the unmount effect below returns focus to the opener), as a press outside does.
  useDismiss(true, onClose, dialogRef);
  const { query, active, setActive, input } = useSearchBox();
  const types = useMemo(() => new Set(catalogTypes), [catalogTypes]);
  const href = (slug?: string) => {
    const [path, search] = (slug ?? '').split('?');
    const base = projectHref(session.cloud.id, session.project.id, session.region, path || undefined);
    return search ? `${base}${base.includes('?') ? '&' : '?'}${search}` : base;
  };

  useEffect(() => {
    opener.current = document.activeElement;
    inputRef.current?.focus();
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, []);

  const isAdmin = session.roles.includes('admin');
  const sources = useMemo(() => searchSources(session.project.id).filter((s) => types.has(s.service) && (isAdmin || !s.adminOnly)), [session.project.id, types, isAdmin]);
  const searching = query.trim().length >= MIN_QUERY;
  // Every source in parallel; each group renders as soon as its answer arrives. Lists are cached for a minute,
  // so typing filters in the browser without new calls.
  const results = useQueries({
    queries: sources.map((s) => ({
      queryKey: ['os', session.project.id, s.kind, 'search'],
      queryFn: ({ signal }: { signal: AbortSignal }) => apiFetch<unknown>(`/api/os/${s.service}/${s.path}`, { headers: s.headers, signal }),
      enabled: searching,
      staleTime: 60_000,
      retry: false,
    })),
  });

  const entries: Entry[] = [];
  // Common actions, then the pages: both from the registry, where the user may use them in this cloud.
  for (const section of SECTIONS) {
    if (sectionAccess(section, catalogTypes, session.roles).state !== 'ok') continue;
    for (const a of section.actions ?? []) {
      const slug = a.path.startsWith('?') ? `${section.slug}${a.path}` : `${section.slug}/${a.path}`;
      const label = m(a.label);
      if (!query || includes(label, query)) entries.push({ id: `action:${slug}`, group: t('actions'), label, href: href(slug) });
    }
  }
  // Pages match by their names as the user reads them, in the page's language.
  const overview = t('overview');
  entries.push(...(!query || includes(overview, query) ? [{ id: 'page:overview', group: t('pages'), label: overview, href: href() }] : []));
  for (const { group, sections } of navGroups(session.roles)) {
    const groupLabel = m(group.label);
    for (const section of sections) {
      if (sectionAccess(section, catalogTypes, session.roles).state === 'unavailable') continue;
      const label = m(section.label);
      if (!query || includes(label, query) || includes(groupLabel, query)) {
        entries.push({ id: `page:${section.slug}`, group: t('pages'), label, detail: groupLabel, href: href(section.slug) });
      }
    }
  }
  const pending: SearchSource[] = [];
  const failed: { src: SearchSource; message: Text }[] = [];
  if (searching) {
    sources.forEach((src, i) => {
      const r = results[i];
      if (r.isPending) pending.push(src);
      else if (r.isError) failed.push({ src, message: errorText(r.error) });
      else for (const hit of matchHits(src, r.data, query)) {
        entries.push({ id: `${src.kind}:${hit.id}`, group: m(src.label), label: hit.name || hit.id, detail: hit.id, href: href(src.href(hit)), sensitive: hit.name ? src.sensitive : undefined });
      }
    });
  }

  const current = Math.min(active, Math.max(0, entries.length - 1));
  const go = (e: Entry | undefined) => {
    if (!e) return;
    onClose();
    router.push(e.href);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((current + 1) % Math.max(1, entries.length));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((current - 1 + entries.length) % Math.max(1, entries.length));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      go(entries[current]);
    }
  };

  const groups = [...new Set(entries.map((e) => e.group))];
  const optionId = (e: Entry) => `${listId}-${e.id.replace(/[^\w-]/g, '_')}`;

  return (
    <div className="fixed inset-0 z-50 flex items-start justify-center bg-zinc-950/40 p-4 pt-[12vh]" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div ref={dialogRef} role="dialog" aria-modal="true" aria-label={t('dialog')} className="w-full max-w-xl overflow-hidden rounded-xl border border-zinc-200 bg-white shadow-2xl dark:border-zinc-700 dark:bg-zinc-900">
        <input
          ref={inputRef}
          role="combobox"
          aria-expanded="true"
          aria-controls={listId}
          aria-activedescendant={entries[current] ? optionId(entries[current]) : undefined}
          aria-label={t('search')}
          placeholder={t('placeholder')}
          {...input}
          onKeyDown={onKeyDown}
          className="w-full border-b border-zinc-200 bg-transparent px-4 py-3 text-base outline-none dark:border-zinc-700"
        />
        <div id={listId} role="listbox" aria-label={t('results')} className="max-h-[60vh] overflow-y-auto py-1">
          {groups.map((g) => (
            <div key={g} role="group" aria-label={g}>
              <div className="px-4 pt-2 pb-1 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400" aria-hidden="true">
                {g}
              </div>
              {entries
                .filter((e) => e.group === g)
                .map((e) => {
                  const selected = entries[current] === e;
                  return (
                    <div
                      key={e.id}
                      id={optionId(e)}
                      role="option"
                      aria-selected={selected}
                      onMouseEnter={() => setActive(entries.indexOf(e))}
                      onClick={() => go(e)}
                      className={`flex cursor-pointer items-baseline gap-2 px-4 py-1.5 text-sm ${selected ? 'bg-brand-100 text-brand-900 dark:bg-brand-900/40 dark:text-brand-100' : ''}`}
                    >
                      <Sensitive kind={e.sensitive} className="truncate">
                        {e.label}
                      </Sensitive>
                      {e.detail && <span className="truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{e.detail}</span>}
                    </div>
                  );
                })}
            </div>
          ))}
          {entries.length === 0 && pending.length === 0 && <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">{t('nothing', { query })}</p>}
        </div>
        <div className="border-t border-zinc-200 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400" aria-live="polite">
          {!searching && t('hint', { min: MIN_QUERY, sources: nouns(sources) })}
          {searching && pending.length > 0 && t('searching', { sources: nouns(pending) })}
          {searching && pending.length === 0 && failed.length === 0 && t('searched')}
          {failed.map((f) => (
            <span key={f.src.kind} className="block text-red-700 dark:text-red-300">
              {t('failed', { source: m(f.src.label), message: m(f.message) })}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
