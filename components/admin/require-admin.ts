import 'server-only';
import { forbidden } from 'next/navigation';
import { readSession } from '@/lib/openstack/session';

/**
 * For the admin pages: HTTP 403 with app/forbidden.tsx unless the token has the admin
 * role. Called by each page (a nested forbidden.tsx was not picked up in the initial render, so the root one is used).
 */
export async function requireAdmin(): Promise<void> {
  const session = await readSession();
  // No session: the project layout sends the visitor to the login page.
  if (session && !session.roles.includes('admin')) forbidden();
}
