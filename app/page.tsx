import { redirect } from 'next/navigation';
import { readSession } from '@/lib/openstack/session';

export default async function Home() {
  const session = await readSession();
  if (!session) redirect('/login');
  redirect(
    `/${encodeURIComponent(session.cloud)}/${encodeURIComponent(session.project.id)}?region=${encodeURIComponent(session.region)}`,
  );
}
