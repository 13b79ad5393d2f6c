import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import type { ReactNode } from 'react';
import { projectHref } from '@/lib/resources/registry';

/** The HTTP status line: a protocol's words, the same in every language. */
const STATUS_LINE = '403 Forbidden';

/** The HTTP 403 page's body: which role is missing, which roles the user has, and the way back. */
export interface ForbiddenSession {
  cloud: string;
  project: { id: string; name: string };
  region: string;
  roles: readonly string[];
}

export function ForbiddenBody({ session }: { session: ForbiddenSession | null }) {
  const t = useTranslations('admin.forbidden');
  const code = (chunks: ReactNode) => <span className="font-mono">{chunks}</span>;
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-10">
      <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">{STATUS_LINE}</p>
      <h1 className="text-2xl font-semibold tracking-tight">{t('heading')}</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        {!session
          ? t.rich('bodyNoSession', { code })
          : session.roles.length
            ? t.rich('body', { code, project: session.project.name, roles: session.roles.join(', ') })
            : t.rich('bodyNoRoles', { code, project: session.project.name })}
      </p>
      {session && (
        <Link href={projectHref(session.cloud, session.project.id, session.region)} className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          {t('back')}
        </Link>
      )}
    </div>
  );
}
