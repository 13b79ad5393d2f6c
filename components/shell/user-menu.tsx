'use client';

import dynamic from 'next/dynamic';
import { useTranslations } from 'next-intl';
import { useMenu } from './use-dismiss';

// The panel (e-mail lookup, undo preference, credentials, log out) is a chunk loaded on first open.
const UserMenuPanel = dynamic(() => import('./user-menu-panel').then((m) => m.UserMenuPanel), { ssr: false });

interface UserMenuProps {
  user: { id: string; name: string; domainId: string };
  roles: string[];
  projectId: string;
}

export function UserMenu({ user, roles, projectId }: UserMenuProps) {
  const t = useTranslations('shell.userMenu');
  const { open, setOpen, root, panelId, buttonProps } = useMenu();

  return (
    <div ref={root} className="relative">
      <button
        {...buttonProps}
        onClick={() => setOpen((o) => !o)}
        className="inline-flex items-center gap-2 rounded-md px-2 py-1.5 text-sm hover:bg-zinc-100 dark:hover:bg-zinc-800"
      >
        <span aria-hidden="true" className="flex h-7 w-7 items-center justify-center rounded-full bg-brand-600 text-xs font-semibold text-white uppercase">
          {user.name.slice(0, 2)}
        </span>
        {t.rich('button', {
          name: user.name,
          // The words around the name are for screen readers; the name shows from the sm breakpoint.
          sr: (chunks) => <span className="sr-only">{chunks}</span>,
          shown: (chunks) => (
            <>
              <span className="hidden max-w-[10rem] truncate sm:inline">{chunks}</span>
              <span className="sr-only sm:hidden">{chunks}</span>
            </>
          ),
        })}
      </button>
      {open && <UserMenuPanel id={panelId} user={user} roles={roles} projectId={projectId} />}
    </div>
  );
}
