'use client';
// The project switcher's popover: search, list and switching, loaded when the switcher first opens.
import { useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useDeferredValue, useEffect, useId, useMemo, useState, type KeyboardEvent } from 'react';
import { apiFetch, errorText } from '@/lib/client/api';
import { useMsg } from '@/components/i18n/use-msg';
import { withProject } from '@/lib/client/next-path';
import { useSearchBox } from '@/components/ui/use-search-box';
import { filterProjects, useProjects, type IndexedProject } from './projects';

export function ProjectPopover({ currentId, onClose }: { currentId: string; onClose: () => void }) {
  const t = useTranslations('shell.projectPopover');
  const m = useMsg();
  const id = useId();
  const listId = `${id}-list`;
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  const projects = useProjects(true);
  const { query, active, setActive, input } = useSearchBox();
  const deferredQuery = useDeferredValue(query);
  const [switching, setSwitching] = useState<string>();
  const [error, setError] = useState<string>();

  const { visible, total } = useMemo(() => filterProjects(projects.data ?? [], deferredQuery), [projects.data, deferredQuery]);
  const activeIndex = Math.min(active, Math.max(visible.length - 1, 0));

  useEffect(() => {
    document.getElementById(`${id}-opt-${activeIndex}`)?.scrollIntoView({ block: 'nearest' });
  }, [activeIndex, id]);

  async function choose(target: IndexedProject | undefined) {
    if (!target || switching) return;
    if (target.id === currentId) return onClose();
    setSwitching(target.id);
    setError(undefined);
    try {
      const res = await apiFetch<{ project: { id: string }; region: string }>('/api/auth/switch', {
        method: 'POST',
        body: { projectId: target.id },
      });
      queryClient.clear();
      const params = new URLSearchParams(searchParams.toString());
      if (res?.region) params.set('region', res.region);
      const qs = params.toString();
      router.push(`${withProject(pathname, res?.project?.id ?? target.id)}${qs ? `?${qs}` : ''}`);
      onClose();
    } catch (err) {
      setSwitching(undefined);
      setError(err instanceof Error ? err.message : t('switchFailed'));
    }
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    const last = visible.length - 1;
    if (event.key === 'ArrowDown') setActive(activeIndex >= last ? 0 : activeIndex + 1);
    else if (event.key === 'ArrowUp') setActive(activeIndex <= 0 ? last : activeIndex - 1);
    else if (event.key === 'Home') setActive(0);
    else if (event.key === 'End') setActive(last);
    else if (event.key === 'Enter') void choose(visible[activeIndex]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
  }

  return (
    <div
      role="dialog"
      aria-label={t('dialog')}
      className="absolute left-0 z-50 mt-2 w-[min(24rem,calc(100vw-1.5rem))] rounded-lg border border-zinc-200 bg-white p-2 shadow-xl dark:border-zinc-700 dark:bg-zinc-900"
    >
      <label htmlFor={`${id}-search`} className="sr-only">
        {t('search')}
      </label>
      <input
        id={`${id}-search`}
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={visible.length > 0 ? `${id}-opt-${activeIndex}` : undefined}
        autoFocus
        autoComplete="off"
        spellCheck={false}
        placeholder={t('searchPlaceholder')}
        {...input}
        onKeyDown={onKeyDown}
        className="block w-full rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm placeholder:text-zinc-400 focus:border-brand-500 focus:outline-none dark:border-zinc-700 dark:bg-zinc-950 dark:placeholder:text-zinc-500"
      />
      {projects.isPending && <p className="px-2 py-3 text-sm text-zinc-500 dark:text-zinc-400">{t('loading')}</p>}
      {projects.isError && (
        <p role="alert" className="px-2 py-3 text-sm text-red-600 dark:text-red-400">
          {m(errorText(projects.error))}
        </p>
      )}
      {error && (
        <p role="alert" className="px-2 pt-2 text-sm text-red-600 dark:text-red-400">
          {error}
        </p>
      )}
      {projects.isSuccess && (
        <>
          <ul id={listId} role="listbox" aria-label={t('list')} className="mt-2 max-h-80 overflow-y-auto">
            {visible.map((p, i) => (
              <li
                key={p.id}
                id={`${id}-opt-${i}`}
                role="option"
                aria-selected={i === activeIndex}
                aria-current={p.id === currentId ? 'true' : undefined}
                onMouseMove={() => i !== activeIndex && setActive(i)}
                onClick={() => void choose(p)}
                className="flex cursor-pointer items-center justify-between gap-3 rounded-md px-2 py-1.5 text-sm aria-selected:bg-brand-50 aria-selected:text-brand-900 dark:aria-selected:bg-brand-900/40 dark:aria-selected:text-brand-100"
              >
                <span className="min-w-0">
                  <span className={`block truncate ${p.enabled ? '' : 'text-zinc-400 line-through'}`}>{p.name}</span>
                  <span className="block truncate font-mono text-xs text-zinc-500 dark:text-zinc-400">{p.id}</span>
                </span>
                {p.id === currentId && <span className="shrink-0 text-xs text-zinc-500 dark:text-zinc-400">{t('current')}</span>}
                {p.id === switching && <span className="shrink-0 text-xs text-brand-600 dark:text-brand-300">{t('switching')}</span>}
              </li>
            ))}
          </ul>
          <p aria-live="polite" className="px-2 pt-2 text-xs text-zinc-500 dark:text-zinc-400">
            {total === 0 ? t('noMatch') : total > visible.length ? t('more', { count: total - visible.length }) : t('total', { count: total })}
          </p>
        </>
      )}
    </div>
  );
}
