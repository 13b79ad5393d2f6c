'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useCallback, useRef, useState } from 'react';
import { useDismiss } from './use-dismiss';

// The popover (search, list, switching) is a chunk loaded on first open: the header stays light.
const ProjectPopover = dynamic(() => import('./project-popover').then((m) => m.ProjectPopover), { ssr: false });

interface ProjectSwitcherProps {
  project: { id: string; name: string };
}

export function ProjectSwitcher({ project }: ProjectSwitcherProps) {
  const t = useTranslations('shell.projectSwitcher');
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  // A press outside closes it; Escape anywhere closes it and returns focus to the button.
  const dismiss = useCallback(() => setOpen(false), []);
  useDismiss(open, dismiss, rootRef, buttonRef);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  return (
    <div ref={rootRef} className="relative min-w-0">
      <button
        ref={buttonRef}
        type="button"
        aria-haspopup="dialog"
        aria-expanded={open}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex max-w-[40vw] items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2.5 py-1.5 text-sm hover:bg-zinc-50 sm:max-w-xs dark:border-zinc-700 dark:bg-zinc-900 dark:hover:bg-zinc-800"
      >
        <span className="text-zinc-500 dark:text-zinc-400">{t('project')}</span>
        <span className="truncate font-medium">{project.name}</span>
        <svg aria-hidden="true" viewBox="0 0 20 20" className="h-4 w-4 shrink-0 text-zinc-400" fill="currentColor">
          <path d="M5.3 7.3a1 1 0 0 1 1.4 0L10 10.6l3.3-3.3a1 1 0 1 1 1.4 1.4l-4 4a1 1 0 0 1-1.4 0l-4-4a1 1 0 0 1 0-1.4Z" />
        </svg>
      </button>
      {open && <ProjectPopover currentId={project.id} onClose={close} />}
    </div>
  );
}

