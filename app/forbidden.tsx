import type { Metadata } from 'next';
import { ForbiddenBody } from '@/components/admin/forbidden-page';
import { readSession } from '@/lib/openstack/session';

export const metadata: Metadata = { title: 'Forbidden' };

/** The HTTP 403 page outside a project (the project's own, inside the shell, is app/[cloud]/[projectId]/forbidden.tsx). */
export default async function Forbidden() {
  const session = (await readSession()) ?? null;
  return (
    <main className="px-6">
      <ForbiddenBody session={session} />
    </main>
  );
}
