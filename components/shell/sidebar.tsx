'use client';

import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { usePathname } from 'next/navigation';
import type { ClientSession } from '@/lib/client/session';
import { navGroups, projectHref, providingType } from '@/lib/resources/registry';

interface SidebarProps {
  session: ClientSession;
  catalogTypes: string[];
  open: boolean;
  onNavigate: () => void;
}

const linkClass =
  'flex items-center rounded-md px-2 py-1.5 text-sm text-zinc-700 hover:bg-zinc-100 hover:text-zinc-900 aria-[current=page]:bg-brand-50 aria-[current=page]:font-medium aria-[current=page]:text-brand-700 dark:text-zinc-300 dark:hover:bg-zinc-800 dark:hover:text-white dark:aria-[current=page]:bg-brand-900/40 dark:aria-[current=page]:text-brand-300';

export function Sidebar({ session, catalogTypes, open, onNavigate }: SidebarProps) {
  const t = useTranslations('shell.sidebar');
  const m = useMsg();
  const pathname = usePathname();
  const { cloud, project, region } = session;
  const isAdmin = session.roles.includes('admin');
  const overview = projectHref(cloud.id, project.id, region);
  const overviewPath = overview.split('?')[0];

  return (
    <nav
      id="sidebar"
      aria-label={t('services')}
      className={`${open ? 'block' : 'hidden'} w-full shrink-0 border-r border-zinc-200 bg-white px-3 py-4 md:sticky md:top-14 md:block md:h-[calc(100dvh-3.5rem)] md:w-60 md:overflow-y-auto md:pb-[calc(1rem+var(--notices-h,0px))] dark:border-zinc-800 dark:bg-zinc-900 max-md:absolute max-md:inset-x-0 max-md:top-14 max-md:z-30 max-md:max-h-[calc(100dvh-3.5rem)] max-md:overflow-y-auto max-md:border-b max-md:shadow-lg`}
    >
      <Link href={overview} className={linkClass} aria-current={pathname === overviewPath ? 'page' : undefined} onClick={onNavigate}>
        {t('overview')}
      </Link>
      <ul className="mt-3 space-y-4">
        {navGroups(session.roles).map(({ group, sections }) => {
          const available = providingType(group, catalogTypes) !== undefined;
          const headingId = `nav-${group.id}`;
          return (
            <li key={group.id} className={available ? '' : 'opacity-60'}>
              <div id={headingId} className="flex items-center justify-between gap-2 px-2 text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">
                <span>{m(group.label)}</span>
                {!available && (
                  <span className="shrink-0 rounded bg-zinc-100 px-1.5 py-0.5 text-[10px] whitespace-nowrap font-medium tracking-normal normal-case dark:bg-zinc-800">
                    {t('notInCloud')}
                  </span>
                )}
              </div>
              <ul aria-labelledby={headingId} className="mt-1 space-y-0.5">
                {sections.map((item) => {
                  const href = projectHref(cloud.id, project.id, region, item.slug);
                  const current = pathname === href.split('?')[0] || pathname.startsWith(`${href.split('?')[0]}/`);
                  return (
                    <li key={item.slug}>
                      <Link
                        href={href}
                        className={`${linkClass} ${available ? '' : 'text-zinc-500 dark:text-zinc-500'}`}
                        aria-current={current ? 'page' : undefined}
                        title={available ? (item.adminOnly && !isAdmin ? t('requiresAdmin') : undefined) : t('serviceNotInCloud', { service: m(group.service) })}
                        onClick={onNavigate}
                      >
                        {m(item.label)}
                        {available && item.adminOnly && !isAdmin && <span className="ml-auto text-[10px] text-zinc-500 dark:text-zinc-400">{t('adminBadge')}</span>}
                      </Link>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
