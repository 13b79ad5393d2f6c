import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForbiddenBody } from '@/components/admin/forbidden-page';
import { readPageSession } from '@/lib/openstack/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.forbidden');
  return { title: t('title') };
}

/** The HTTP 403 page outside a project (the project's own, inside the shell, is app/[cloud]/[projectId]/forbidden.tsx). */
export default async function Forbidden() {
  const session = (await readPageSession()) ?? null;
  return (
    <main className="px-6">
      <ForbiddenBody session={session} />
    </main>
  );
}
