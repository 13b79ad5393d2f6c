import type { Metadata } from 'next';
import { ForbiddenBody } from '@/components/admin/forbidden-page';

export const metadata: Metadata = { title: 'Forbidden' };

/** The HTTP 403 page outside a project (the project's own, inside the shell, is app/[cloud]/[projectId]/forbidden.tsx). */
export default function Forbidden() {
  return (
    <main className="px-6">
      <ForbiddenBody />
    </main>
  );
}
