// Revoke one of the user's shared snapshots: its link answers 410 from then on. Only its owner may.
import { HttpError } from '@/lib/openstack/errors';
import { assertSameOrigin, handler } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';
import { snapshotStore } from '@/lib/snapshot/store';

export const dynamic = 'force-dynamic';

export const DELETE = handler(async (req, { params }: { params: Promise<{ id: string }> }) => {
  assertSameOrigin(req);
  const { id } = await params;
  const { session } = await requireSession();
  const result = await snapshotStore().revoke(id, { cloud: session.cloud, userId: session.user.id });
  if (result === 'missing') throw new HttpError(404, 'No such snapshot', { text: 'server.errors.snapshotNotFound' });
  if (result === 'forbidden') throw new HttpError(403, 'Only the user who shared a snapshot can revoke it', { text: 'server.errors.snapshotNotYours' });
  return new Response(null, { status: 204 });
});
