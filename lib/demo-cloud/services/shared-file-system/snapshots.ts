// Share snapshots: create (202, creating -> available) where the share type supports them, list/detail,
// show, update, delete (deleting -> gone).
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { schedule } from '../../core/transitions';
import { bad, invalidInput } from './errors';
import { listPage, ownShare, ownSnapshot } from './lookup';
import type { ManilaRouter, View } from './microversion';
import { specOn, stamp, typeOf, type ManilaState, type Snapshot } from './model';
import { checkSnapshotQuota } from './quotas';
import { snapshotDetail, summary } from './render';
import { boolOf, metadataOf, nameAndDescription, optString, readBody, updateNameAndDescription } from './request';

const TIMING = { create: 2, delete: 1.5 };

function filtered(s: ManilaState, v: View): Snapshot[] {
  const q = v.ctx.query;
  const all = v.isAdmin && v.ctx.flag('all_tenants');
  return s.snapshots.filter(
    (x) =>
      (all || x.project_id === v.projectId) &&
      (!q.has('share_id') || x.share_id === q.get('share_id')) &&
      (!q.has('name') || x.name === q.get('name')) &&
      (!q.has('status') || x.status === q.get('status')) &&
      (!q.has('name~') || (x.name ?? '').includes(q.get('name~')!)),
  );
}

export function snapshotRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  r.post('/snapshots', async (v) => {
    const b = await readBody(v.ctx, 'snapshot');
    const shareId = optString(b, 'share_id');
    if (!shareId) throw bad("'share_id' must be specified.");
    const share = ownShare(s, v, shareId, 'NotFound: Resource could not be found.');
    const force = b.force === undefined ? false : boolOf(b.force);
    if (!specOn(typeOf(s, share), 'snapshot_support')) throw invalidInput(`Snapshots cannot be created for share '${share.id}' since it does not have that capability.`);
    if (!force && share.status !== 'available') throw bad("Invalid share: Source share status must be available.");
    checkSnapshotQuota(s, share.project_id, share.size);
    const snap: Snapshot = {
      id: uuid(),
      share_id: share.id,
      project_id: share.project_id,
      user_id: v.auth.user.id,
      name: nameAndDescription(b).name ?? null,
      description: nameAndDescription(b).description ?? null,
      size: share.size,
      share_size: share.size,
      share_proto: share.share_proto,
      status: 'creating',
      metadata: metadataOf(b.metadata),
      created_at: stamp(core.clock.now()),
    };
    schedule(snap, core.clock, [[TIMING.create, { status: 'available' }]]);
    s.snapshots.push(snap);
    v.ctx.markDirty();
    return json(202, { snapshot: snapshotDetail(v, snap) });
  });
  r.get('/snapshots', (v) => json(200, { snapshots: listPage(v, filtered(s, v)).map((x) => summary(v, 'snapshots', x)) }));
  r.get('/snapshots/detail', (v) => json(200, { snapshots: listPage(v, filtered(s, v)).map((x) => snapshotDetail(v, x)) }));
  r.get('/snapshots/{id}', (v) => json(200, { snapshot: snapshotDetail(v, ownSnapshot(s, v, v.ctx.params.id)) }));
  r.put('/snapshots/{id}', async (v) => {
    const snap = ownSnapshot(s, v, v.ctx.params.id);
    const b = await readBody(v.ctx, 'snapshot');
    updateNameAndDescription(snap, b);
    v.ctx.markDirty();
    return json(200, { snapshot: snapshotDetail(v, snap) });
  });
  r.delete('/snapshots/{id}', (v) => {
    const snap = ownSnapshot(s, v, v.ctx.params.id);
    if (!['available', 'error'].includes(snap.status)) throw bad("Invalid share snapshot: Share Snapshot status must be one of ('available', 'error')..");
    snap.status = 'deleting';
    schedule(snap, core.clock, [[TIMING.delete, { gone: true }]]);
    v.ctx.markDirty();
    return { status: 202 };
  });
  r.get('/snapshots/{id}/export-locations', (v) => {
    ownSnapshot(s, v, v.ctx.params.id);
    return json(200, { share_snapshot_export_locations: [] });
  });
}
