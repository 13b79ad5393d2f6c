'use client';

import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import type { ClientSession } from '@/lib/client/session';
import { ThemeToggle } from '@/components/theme/theme-toggle';
import { projectHref } from '@/lib/resources/registry';
import { PresentationToggle } from './presentation';
import { ActivityMenu } from './activity';
import { RecorderMenu } from '@/components/recorder/recorder-menu';
import { ProjectSwitcher } from './project-switcher';
import { RegionSwitcher } from './region-switcher';
import { UserMenu } from './user-menu';

/** The inspector button's glyph (hidden from assistive technology, which reads its label). */
const INSPECTOR_GLYPH = '{ }';

interface HeaderProps {
  session: ClientSession;
  /** The catalog's service types: what the recorder may link to (its Heat export), which kinds the activity panel polls. */
  catalogTypes: readonly string[];
  navOpen: boolean;
  onToggleNav: () => void;
  inspectorOpen: boolean;
  onToggleInspector: () => void;
  onOpenPalette: () => void;
}

export function Header({ session, catalogTypes, navOpen, onToggleNav, inspectorOpen, onToggleInspector, onOpenPalette }: HeaderProps) {
  const t = useTranslations('shell.header');
  return (
    // Opaque, no backdrop blur: the blur cost ~20 ms of the first paint under software rendering (issue 16 bench).
    <header className="sticky top-0 z-40 flex h-14 items-center gap-2 border-b border-zinc-200 bg-white px-3 sm:gap-3 sm:px-4 dark:border-zinc-800 dark:bg-zinc-900">
      <button
        type="button"
        className="inline-flex h-9 w-9 items-center justify-center rounded-md text-zinc-600 hover:bg-zinc-100 md:hidden dark:text-zinc-300 dark:hover:bg-zinc-800"
        aria-label={t('navigationMenu')}
        aria-expanded={navOpen}
        aria-controls="sidebar"
        onClick={onToggleNav}
      >
        <svg aria-hidden="true" viewBox="0 0 24 24" className="h-5 w-5" fill="none" stroke="currentColor" strokeWidth={1.8}>
          <path d="M4 6h16M4 12h16M4 18h16" strokeLinecap="round" />
        </svg>
      </button>
      <Link href={projectHref(session.cloud.id, session.project.id, session.region)} className="flex items-center gap-2 font-semibold tracking-tight">
        <svg aria-hidden="true" viewBox="0 0 32 32" className="h-7 w-7">
          <rect width="32" height="32" rx="7" className="fill-brand-600" />
          <path d="M9 21.5h13.5a4.5 4.5 0 0 0 .6-8.96A6 6 0 0 0 11.5 12 4.75 4.75 0 0 0 9 21.5Z" fill="#fff" />
        </svg>
        <span className="hidden sm:inline">Stratus</span>
      </Link>
      <span className="hidden rounded-md border border-zinc-200 px-2 py-0.5 text-xs text-zinc-600 lg:inline dark:border-zinc-700 dark:text-zinc-300" title={t('cloud')}>
        <span className="sr-only">{t('cloudLabel')} </span>
        <span translate="no">{session.cloud.displayName}</span>
      </span>
      <ProjectSwitcher project={session.project} />
      <RegionSwitcher region={session.region} regions={session.regions} />
      <div className="ml-auto flex items-center gap-1">
        <button
          type="button"
          onClick={onOpenPalette}
          aria-keyshortcuts="Control+K Meta+K"
          title={t('searchTitle')}
          className="hidden h-9 items-center gap-2 rounded-md border border-zinc-200 px-2 text-sm text-zinc-500 hover:bg-zinc-100 sm:inline-flex dark:border-zinc-700 dark:text-zinc-400 dark:hover:bg-zinc-800"
        >
          {t('search')}
          <kbd className="rounded border border-zinc-300 px-1 font-mono text-xs dark:border-zinc-600">{t('searchKeys')}</kbd>
        </button>
        <button
          type="button"
          onClick={onToggleInspector}
          aria-pressed={inspectorOpen}
          aria-keyshortcuts="`"
          title={t('inspectorTitle')}
          className="inline-flex h-9 items-center rounded-md px-2 font-mono text-sm text-zinc-600 hover:bg-zinc-100 aria-pressed:bg-brand-100 aria-pressed:text-brand-800 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:aria-pressed:bg-brand-900/40 dark:aria-pressed:text-brand-200"
        >
          <span aria-hidden="true">{INSPECTOR_GLYPH}</span>
          <span className="sr-only">{t('inspector')}</span>
        </button>
        <RecorderMenu session={session} catalogTypes={catalogTypes} />
        <ActivityMenu session={session} catalogTypes={catalogTypes} />
        <PresentationToggle />
        <ThemeToggle />
        <UserMenu user={session.user} roles={session.roles} projectId={session.project.id} />
      </div>
    </header>
  );
}
