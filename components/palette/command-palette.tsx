'use client';

import { useQueries, useQueryClient } from '@tanstack/react-query';
import { useFormatter, useTranslations } from 'next-intl';
import { useRouter } from 'next/navigation';
import { useEffect, useId, useMemo, useRef } from 'react';
import { apiFetch, errorText } from '@/lib/client/api';
import type { ClientSession } from '@/lib/client/session';
import type { Text } from '@/lib/i18n/msg';
import { parseQuery, type SearchRecord } from '@/lib/resources/field-query';
import type { ListPage } from '@/lib/resources/types';
import { regionHeaders } from '@/lib/resources/regions';
import { cachedRecords, rankHits, searchJobs, searchSources, type SearchSource, type SourceRecord } from '@/lib/resources/search';
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
  /** The region a resource is in, in a cloud with several. */
  region?: string;
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
  const href = (slug?: string, region = session.region) => {
    const [path, search] = (slug ?? '').split('?');
    const base = projectHref(session.cloud.id, session.project.id, region, path || undefined);
    return search ? `${base}${base.includes('?') ? '&' : '?'}${search}` : base;
  };

  useEffect(() => {
    opener.current = document.activeElement;
    inputRef.current?.focus();
    return () => (opener.current as HTMLElement | null)?.focus?.();
  }, []);

  const isAdmin = session.roles.includes('admin');
  const sources = useMemo(() => searchSources(session.project.id).filter((s) => types.has(s.service) && (isAdmin || !s.adminOnly)), [session.project.id, types, isAdmin]);
  // The query's words and field clauses (`region:RegionTwo name:web*`); a query it cannot read says why.
  const parsed = parseQuery(query);
  const fq = parsed.ok ? parsed.query : undefined;
  const words = fq?.words.join(' ') ?? '';
  const searching = !!fq && (fq.clauses.length > 0 || words.length >= MIN_QUERY);
  const jobs = searching && fq ? searchJobs(sources, session.regions.length ? session.regions : [session.region], session.region, fq, m) : [];
  const qc = useQueryClient();
  // One request per kind and region, in parallel; each group renders as soon as its answer arrives. Answers are
  // cached for a minute, so typing filters in the browser without new calls; rows a list page already holds show
  // at once meanwhile.
  const results = useQueries({
    queries: jobs.map(({ src, region, detail }) => ({
      queryKey: ['os', session.project.id, src.kind, 'search', region, detail ? 'detail' : 'names'],
      queryFn: async ({ signal }: { signal: AbortSignal }): Promise<SourceRecord[]> => {
        const path = detail ? src.detail.path : src.path;
        const headers = { ...src.headers, ...regionHeaders(region === session.region ? undefined : region) };
        const body = await apiFetch<unknown>(`/api/os/${src.service}/${path}`, { headers, signal });
        return detail ? src.detail.records(body) : src.records(body);
      },
      placeholderData: () => cachedRecords(qc.getQueriesData<ListPage<unknown>>({ queryKey: ['os', session.project.id, src.kind, 'list'] }), src, region === session.region ? undefined : region),
      staleTime: 60_000,
      retry: false,
    })),
  });

  const entries: Entry[] = [];
  // Pages and actions match the plain words; a query with field clauses asks for resources only.
  const pageQuery = fq && !fq.clauses.length ? query : undefined;
  // Common actions, then the pages: both from the registry, where the user may use them in this cloud.
  for (const section of pageQuery === undefined ? [] : SECTIONS) {
    if (sectionAccess(section, catalogTypes, session.roles).state !== 'ok') continue;
    for (const a of section.actions ?? []) {
      const slug = a.path.startsWith('?') ? `${section.slug}${a.path}` : `${section.slug}/${a.path}`;
      const label = m(a.label);
      if (!pageQuery || includes(label, pageQuery)) entries.push({ id: `action:${slug}`, group: t('actions'), label, href: href(slug) });
    }
  }
  // Pages match by their names as the user reads them, in the page's language.
  const overview = t('overview');
  if (pageQuery !== undefined && (!pageQuery || includes(overview, pageQuery))) entries.push({ id: 'page:overview', group: t('pages'), label: overview, href: href() });
  for (const { group, sections } of pageQuery === undefined ? [] : navGroups(session.roles)) {
    const groupLabel = m(group.label);
    for (const section of sections) {
      if (sectionAccess(section, catalogTypes, session.roles).state === 'unavailable') continue;
      const label = m(section.label);
      if (!pageQuery || includes(label, pageQuery) || includes(groupLabel, pageQuery)) {
        entries.push({ id: `page:${section.slug}`, group: t('pages'), label, detail: groupLabel, href: href(section.slug) });
      }
    }
  }
  const pending: SearchSource[] = [];
  const failed: { src: SearchSource; region: string; message: Text }[] = [];
  const several = session.regions.length > 1;
  if (fq) {
    // Per kind: the best matches of every region asked.
    const byKind = new Map<SearchSource, SearchRecord[]>();
    jobs.forEach(({ src, region, kinds }, i) => {
      const r = results[i];
      if (r.isError) failed.push({ src, region, message: errorText(r.error) });
      else if (r.isPending || r.isPlaceholderData) pending.push(src);
      const got = (r.data ?? []).map((rec) => ({ ...rec, region, kinds }));
      byKind.set(src, [...(byKind.get(src) ?? []), ...got]);
    });
    for (const [src, records] of byKind) {
      for (const hit of rankHits(records, fq)) {
        entries.push({
          id: `${src.kind}:${hit.region}:${hit.id}`,
          group: m(src.label),
          label: hit.name || hit.id,
          detail: hit.id,
          region: several && src.service !== 'identity' ? hit.region : undefined,
          href: href(src.href(hit), hit.region),
          sensitive: hit.name ? src.sensitive : undefined,
        });
      }
    }
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
                      {/* On the selected option's tint, grey text lacks contrast: it takes the option's own colour. */}
                      {e.detail && <span className={`truncate font-mono text-xs ${selected ? '' : 'text-zinc-500 dark:text-zinc-400'}`}>{e.detail}</span>}
                      {e.region && (
                        <span translate="no" className="ml-auto shrink-0 rounded bg-zinc-100 px-1.5 text-xs text-zinc-600 dark:bg-zinc-800 dark:text-zinc-300">
                          {e.region}
                        </span>
                      )}
                    </div>
                  );
                })}
            </div>
          ))}
          {entries.length === 0 && pending.length === 0 && <p className="px-4 py-3 text-sm text-zinc-500 dark:text-zinc-400">{t('nothing', { query })}</p>}
        </div>
        <div className="border-t border-zinc-200 px-4 py-2 text-xs text-zinc-500 dark:border-zinc-700 dark:text-zinc-400" aria-live="polite">
          {!parsed.ok && <span className="block text-amber-800 dark:text-amber-200">{m(parsed.hint)}</span>}
          {parsed.ok && !searching && (
            <>
              {t('hint', { min: MIN_QUERY, sources: nouns(sources) })} <span className="block font-mono">{t('fields')}</span>
            </>
          )}
          {searching && pending.length > 0 && t('searching', { sources: nouns([...new Set(pending)]) })}
          {searching && pending.length === 0 && failed.length === 0 && t('searched')}
          {failed.map((f) => (
            <span key={`${f.src.kind}:${f.region}`} className="block text-red-700 dark:text-red-300">
              {several ? t('failedIn', { source: m(f.src.label), region: f.region, message: m(f.message) }) : t('failed', { source: m(f.src.label), message: m(f.message) })}
            </span>
          ))}
        </div>
      </div>
    </div>
  );
}
