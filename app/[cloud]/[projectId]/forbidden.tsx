import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';
import { ForbiddenBody } from '@/components/admin/forbidden-page';
import { readPageSession } from '@/lib/openstack/session';

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations('pages.forbidden');
  return { title: t('title') };
}

/** HTTP 403 inside the project's shell (forbidden() from the admin pages, app/[cloud]/[projectId]/admin/[section]/page.tsx): the
 *  navigation stays, so the user goes on from here. */
export default async function Forbidden() {
  const session = (await readPageSession()) ?? null;
  return <ForbiddenBody session={session} />;
}
