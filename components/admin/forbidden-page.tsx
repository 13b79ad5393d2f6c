import Link from 'next/link';
import { projectHref } from '@/lib/resources/registry';

/** The HTTP 403 page's body: which role is missing, which roles the user has, and the way back. */
export interface ForbiddenSession {
  cloud: string;
  project: { id: string; name: string };
  region: string;
  roles: readonly string[];
}

export function ForbiddenBody({ session }: { session: ForbiddenSession | null }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4 py-10">
      <p className="font-mono text-sm text-zinc-500 dark:text-zinc-400">403 Forbidden</p>
      <h1 className="text-2xl font-semibold tracking-tight">This page is for cloud administrators</h1>
      <p className="text-zinc-600 dark:text-zinc-400">
        The admin views need the <span className="font-mono">admin</span> role
        {session ? ` and your roles in project ${session.project.name} are ${session.roles.length ? session.roles.join(', ') : 'none'}` : ''}. Ask a
        cloud administrator if you need this view.
      </p>
      {session && (
        <Link href={projectHref(session.cloud, session.project.id, session.region)} className="inline-block text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
          Back to the overview
        </Link>
      )}
    </div>
  );
}
