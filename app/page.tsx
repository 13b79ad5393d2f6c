import { redirect } from 'next/navigation';
import { readPageSession } from '@/lib/openstack/session';

export default async function Home() {
  const session = await readPageSession();
  if (!session) redirect('/login');
  redirect(
    `/${encodeURIComponent(session.cloud)}/${encodeURIComponent(session.project.id)}?region=${encodeURIComponent(session.region)}`,
  );
}
