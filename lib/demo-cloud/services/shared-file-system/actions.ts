// POST /shares/{id}/action: extend, shrink, revert (to the latest snapshot), allow/deny access and the
// pre-2.45 access_list; the `os-` names of versions before 2.7 are accepted too.
import type { CloudCore } from '../../core/cloud';
import { json, type Reply } from '../../core/reply';
import { schedule } from '../../core/transitions';
import { bad, conflict, forbidden, invalidInput, notFound } from './errors';
import { allowAccess, denyAccess, rulesOf } from './access';
import { ownShare } from './lookup';
import type { ManilaRouter, View } from './microversion';
import { typeOf, specOn, type ManilaState, type Share } from './model';
import { exceedsGigabytes, GIGABYTES_EXCEEDED } from './quotas';
import { accessRulesStatus, ruleView } from './render';
import { readBody, type Body } from './request';
import { TIMING } from './shares';

function newSizeOf(b: Body): number {
  const raw = b.new_size;
  const n = typeof raw === 'string' && /^\s*-?\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n)) throw bad('New share size must be specified as an integer.');
  return n;
}

function extend(core: CloudCore, s: ManilaState, share: Share, b: Body) {
  const size = newSizeOf(b);
  if (share.status !== 'available') {
    throw bad(`Invalid share: Share ${share.id} status must be 'available' to extend, but current status is: ${share.status}.`);
  }
  if (size <= share.size) throw invalidInput(`New size for extend must be greater than current size. (current: ${share.size}, extended: ${size}).`);
  // The extend controller turns this quota error into a 403 with the bare text.
  if (exceedsGigabytes(s, share.project_id, size - share.size, size)) throw forbidden(GIGABYTES_EXCEEDED);
  share.status = 'extending';
  schedule(share, core.clock, [[TIMING.resize, { status: 'available', size }]]);
}

function shrink(core: CloudCore, share: Share, b: Body) {
  const size = newSizeOf(b);
  if (share.status !== 'available') {
    throw bad(`Invalid share: Share ${share.id} status must in (available, shrinking_possible_data_loss_error) to shrink, but current status is: ${share.status}.`);
  }
  if (size >= share.size || size <= 0) throw invalidInput(`New size for shrink must be less than current size and greater than 0 (current: ${share.size}, new: ${size}).`);
  share.status = 'shrinking';
  schedule(share, core.clock, [[TIMING.resize, { status: 'available', size }]]);
}

function revert(core: CloudCore, s: ManilaState, share: Share, b: Body) {
  const snapId = String(b.snapshot_id ?? '');
  const snap = s.snapshots.find((x) => x.id === snapId && x.project_id === share.project_id);
  if (!snap) throw bad(`Snapshot ${snapId} could not be found.`);
  if (!specOn(typeOf(s, share), 'revert_to_snapshot_support')) {
    throw bad(`Share ${share.id} may not be reverted to snapshot ${snapId}, because the share does not have that capability.`);
  }
  if (snap.share_id !== share.id) throw bad(`Snapshot ${snapId} is not associated with share ${share.id}.`);
  if (share.status !== 'available') throw conflict(`Share ${share.id} is in '${share.status}' state, but it must be in 'available' state to be reverted to a snapshot.`);
  if (snap.status !== 'available') throw conflict(`Snapshot ${snapId} is in '${snap.status}' state, but it must be in 'available' state to be restored.`);
  const latest = s.snapshots.filter((x) => x.share_id === share.id).reduce((a, x) => (x.created_at > a.created_at ? x : a));
  if (latest.id !== snapId) {
    throw conflict(`Snapshot ${snapId} may not be restored because it is not the most recent snapshot of share ${share.id}. Currently the latest snapshot is ${latest.id}.`);
  }
  if (accessRulesStatus(s, share) !== 'active') throw conflict(`Snapshot ${snapId} belongs to a share ${share.id} which has access rules that are not active.`);
  share.status = 'reverting';
  snap.status = 'restoring';
  schedule(share, core.clock, [[TIMING.revert, { status: 'available', size: snap.size }]]);
  schedule(snap, core.clock, [[TIMING.revert, { status: 'available' }]]);
}

export function actionRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  r.post('/shares/{id}/action', async (v: View): Promise<Reply> => {
    const body = (await v.ctx.json()) as Record<string, unknown>;
    const name = typeof body === 'object' && body !== null ? Object.keys(body)[0] : undefined;
    const action = name?.replace(/^os-/, '');
    const share = ownShare(s, v, v.ctx.params.id, 'Resource could not be found.');
    const args = (key: string) => readBody(v.ctx, key);
    let reply: Reply;
    switch (action) {
      case 'extend':
        extend(core, s, share, await args(name!));
        reply = { status: 202 };
        break;
      case 'shrink':
        shrink(core, share, await args(name!));
        reply = { status: 202 };
        break;
      case 'revert':
        if (v.mv < 27) throw notFound();
        revert(core, s, share, await args(name!));
        reply = { status: 202 };
        break;
      case 'allow_access':
        reply = json(200, { access: ruleView(v, allowAccess(core, s, share, await args(name!)), { withShare: true }) });
        break;
      case 'deny_access':
        denyAccess(core, s, share, (await args(name!)).access_id);
        reply = { status: 202 };
        break;
      case 'access_list':
        // Removed at 2.45 in favour of /share-access-rules.
        if (v.mv >= 45) throw notFound();
        reply = json(200, { access_list: rulesOf(s, share.id).map((x) => ruleView(v, x)) });
        break;
      default:
        throw notFound();
    }
    v.ctx.markDirty();
    return reply;
  });
}
