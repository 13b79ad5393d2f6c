import type { Metadata } from 'next';
import { ForbiddenBody } from '@/components/admin/forbidden-page';

export const metadata: Metadata = { title: 'Forbidden' };

/** HTTP 403 inside the project's shell (forbidden() in the admin pages, components/admin/require-admin.ts): the
 *  navigation stays, so the user goes on from here. */
export default function Forbidden() {
  return <ForbiddenBody />;
}
