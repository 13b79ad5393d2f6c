// Shared snapshots of the logged-in user: POST stores one (stripped of sensitive values on this side, whatever the
// browser sent), GET lists the user's live ones. The snapshot's own page is app/s/[id]/route.ts.
import crypto from 'node:crypto';
import { msg } from '@/lib/i18n/msg';
import { HttpError } from '@/lib/openstack/errors';
import { assertSameOrigin, handler, parseJson } from '@/lib/openstack/route-helpers';
import { requireSession } from '@/lib/openstack/session';
import { declaredFor } from '@/lib/snapshot/declared';
import { MAX_PER_OWNER, SNAPSHOT_MAX_BYTES, SnapshotCreateSchema } from '@/lib/snapshot/schema';
import { snapshotStore } from '@/lib/snapshot/store';
import { stripSnapshot } from '@/lib/snapshot/strip';

export const dynamic = 'force-dynamic';

export const POST = handler(async (req) => {
  assertSameOrigin(req);
  const { session } = await requireSession();
  const input = await parseJson(req, SnapshotCreateSchema, SNAPSHOT_MAX_BYTES);
  const owner = { cloud: session.cloud, userId: session.user.id };
  const store = snapshotStore();
  if ((await store.list(owner)).length >= MAX_PER_OWNER) {
    throw new HttpError(409, `You already share ${MAX_PER_OWNER} snapshots: revoke one first`, { text: msg('server.errors.snapshotLimit', { max: MAX_PER_OWNER }) });
  }
  const stripped = stripSnapshot(input, {
    projectIds: [session.project.id],
    removeIps: input.removeIps,
    declared: declaredFor(input.slug, session.project.id, { userId: session.user.id, roles: session.roles }),
  });
  const now = Date.now();
  // 192 random bits: the link is the only key to the page.
  const id = crypto.randomBytes(24).toString('base64url');
  const expiresAt = now + input.expiresIn * 1000;
  await store.create({ v: 1, id, owner, sharedBy: session.user.name, createdAt: now, expiresAt, ...stripped });
  return Response.json({ id, path: `/s/${id}`, expiresAt }, { status: 201, headers: { 'cache-control': 'no-store' } });
});

export const GET = handler(async () => {
  const { session } = await requireSession();
  const snapshots = await snapshotStore().list({ cloud: session.cloud, userId: session.user.id });
  return Response.json({ snapshots }, { headers: { 'cache-control': 'no-store' } });
});
