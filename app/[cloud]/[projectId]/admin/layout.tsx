import { forbidden } from 'next/navigation';
import type { ReactNode } from 'react';
import { readSession } from '@/lib/openstack/session';

/** Admin views: only for a token with the admin role; anyone else gets the 403 page (../forbidden.tsx). */
export default async function AdminLayout({ children }: { children: ReactNode }) {
  const session = await readSession();
  // The project layout already sent a visitor without a session to the login page.
  if (!session) return null;
  if (!session.roles.includes('admin')) forbidden();
  return children;
}
