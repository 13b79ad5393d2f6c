import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest, notFound } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { VolumeRouter } from './microversion';
import { checkQuota, cinderTime, getVolume, settleAll, type Transfer, type VolumeState } from './model';
import { invalidVolume } from './ops';
import { links, type View } from './render';
import { asObject, boolOf, fieldError, optString, UUID_RE } from './parse';

// Cinder's volume transfers: /os-volume-transfer, and /volume-transfers from 3.55 (no_snapshots). Links name
// os-volume-transfer under both, as Zed's view builder does. The auth key is shown once, in the create answer.

/** volume_transfer_key_length: 16 hex characters, like Zed's default. */
const newAuthKey = () => randomBytes(8).toString('hex');

/** What the database keeps: whole seconds (Zed's create answer shows the unsaved value, with microseconds). */
const storedTime = (ms: number) => cinderTime(Math.floor(ms / 1000) * 1000);

function transferView(view: View, t: Transfer, kind: 'summary' | 'detail' | 'create', acceptedBy?: string) {
  const doc: Record<string, unknown> = { id: t.id };
  if (kind !== 'summary') doc.created_at = t.created_at;
  doc.name = t.name;
  doc.volume_id = t.volume_id;
  if (kind === 'create') doc.auth_key = t.auth_key;
  doc.links = links(view, 'os-volume-transfer', t.id, view.projectId);
  if (kind !== 'summary') {
    if (view.mv >= 55) doc.no_snapshots = t.no_snapshots;
    if (view.mv >= 57) {
      doc.destination_project_id = acceptedBy ?? null;
      doc.source_project_id = t.source_project_id;
      doc.accepted = acceptedBy !== undefined;
    }
  }
  return doc;
}

function findTransfer(s: VolumeState, id: string, view: View | null): Transfer {
  const t = s.transfers.find((x) => x.id === id && (view === null || view.isAdmin || x.source_project_id === view.projectId));
  if (!t) throw notFound(`Transfer ${id} could not be found.`);
  return t;
}

/** transfer.api.API.create: the volume must be available (and its snapshots, unless left behind). */
export function createTransfer(core: CloudCore, view: View, input: { volumeId: string; name: string | null; noSnapshots: boolean }): Transfer {
  const s = settleAll(core);
  const volume = getVolume(core, input.volumeId, view.isAdmin ? null : view.projectId);
  if (volume.status !== 'available') throw invalidVolume('status must be available');
  if (!input.noSnapshots) {
    for (const snap of s.snapshots.filter((x) => x.volume_id === volume.id)) {
      if (snap.status !== 'available') throw badRequest(`Invalid snapshot: snapshot: ${snap.id} status must be available`);
    }
  }
  const now = core.clock.now();
  const t: Transfer = {
    id: uuid(),
    name: input.name,
    volume_id: volume.id,
    source_project_id: volume.project_id,
    auth_key: newAuthKey(),
    no_snapshots: input.noSnapshots,
    created_at: storedTime(now),
  };
  delete volume._pending;
  volume.status = 'awaiting-transfer';
  volume.updated_at = cinderTime(now);
  s.transfers.push(t);
  core.state.markDirty();
  return t;
}

/** transfer.api.API.accept: any project with the id and the key takes the volume (and its snapshots). */
export function acceptTransfer(core: CloudCore, view: View, userId: string, id: string, authKey: string): Transfer {
  const s = settleAll(core);
  const t = findTransfer(s, id, null);
  const a = Buffer.from(authKey);
  const b = Buffer.from(t.auth_key);
  if (a.length !== b.length || !timingSafeEqual(a, b)) {
    throw badRequest(`Invalid auth key: Attempt to transfer ${t.id} with invalid auth key.`);
  }
  const volume = getVolume(core, t.volume_id, null);
  const snaps = t.no_snapshots ? [] : s.snapshots.filter((x) => x.volume_id === volume.id);
  checkQuota(s, view.projectId, { volumes: 1, gigabytes: volume.size });
  if (snaps.length) checkQuota(s, view.projectId, { snapshots: snaps.length, gigabytes: snaps.reduce((n, x) => n + x.size, 0) });
  const now = cinderTime(core.clock.now());
  volume.project_id = view.projectId;
  volume.user_id = userId;
  volume.status = 'available';
  volume.updated_at = now;
  for (const snap of snaps) {
    snap.project_id = view.projectId;
    snap.user_id = userId;
    snap.updated_at = now;
  }
  s.transfers.splice(s.transfers.indexOf(t), 1);
  core.state.markDirty();
  return t;
}

/** Deleting a transfer gives the volume back to its owner, available. */
export function deleteTransfer(core: CloudCore, view: View, id: string): void {
  const s = settleAll(core);
  const t = findTransfer(s, id, view);
  const volume = s.volumes.find((v) => v.id === t.volume_id);
  if (volume?.status === 'awaiting-transfer') {
    volume.status = 'available';
    volume.updated_at = cinderTime(core.clock.now());
  }
  s.transfers.splice(s.transfers.indexOf(t), 1);
  core.state.markDirty();
}

export function transferRoutes(core: CloudCore, r: VolumeRouter): void {
  for (const collection of ['os-volume-transfer', 'volume-transfers']) {
    const base = `/v3/{project_id}/${collection}`;
    // volume-transfers exists from 3.55 on; older requests get Cinder's 404 for an unknown resource.
    const gate = (view: View) => {
      if (collection === 'volume-transfers' && view.mv < 55) throw notFound('The resource could not be found.');
    };
    const list = (detail: boolean) => (ctx: RequestContext, view: View) => {
      gate(view);
      const s = settleAll(core);
      const all = view.isAdmin && ctx.flag('all_tenants');
      const name = ctx.query.get('name');
      const rows = s.transfers
        .filter((t) => (all || t.source_project_id === view.projectId) && (name === null || t.name === name))
        .sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
      return json(200, { transfers: rows.map((t) => transferView(view, t, detail ? 'detail' : 'summary')) });
    };
    r.get(base, list(false));
    r.get(`${base}/detail`, list(true));
    r.get(`${base}/{transfer_id}`, (ctx, view) => {
      gate(view);
      return json(200, { transfer: transferView(view, findTransfer(settleAll(core), ctx.params.transfer_id, view), 'detail') });
    });
    r.post(base, async (ctx, view) => {
      gate(view);
      const t = asObject(await ctx.json(), 'transfer');
      if (t.volume_id === undefined) throw fieldError('transfer', t, "'volume_id' is a required property");
      if (typeof t.volume_id !== 'string' || !UUID_RE.test(t.volume_id)) throw fieldError('volume_id', t.volume_id, `'${String(t.volume_id)}' is not a 'uuid'`);
      const name = optString(t, 'name');
      const noSnapshots = view.mv >= 55 && t.no_snapshots !== undefined && t.no_snapshots !== null ? boolOf(t.no_snapshots, 'no_snapshots') : false;
      const transfer = createTransfer(core, view, { volumeId: t.volume_id, name: name === undefined || name === null ? null : name.trim(), noSnapshots });
      const doc = transferView(view, transfer, 'create');
      doc.created_at = cinderTime(core.clock.now());
      return json(202, { transfer: doc });
    });
    r.post(`${base}/{transfer_id}/accept`, async (ctx, view) => {
      gate(view);
      const auth = ctx.authProject();
      const a = asObject(await ctx.json(), 'accept');
      if (typeof a.auth_key !== 'string') throw fieldError('accept', a, "'auth_key' is a required property");
      const t = acceptTransfer(core, view, auth.user.id, ctx.params.transfer_id, a.auth_key);
      return json(202, { transfer: transferView(view, t, 'summary') });
    });
    r.delete(`${base}/{transfer_id}`, (ctx, view) => {
      gate(view);
      deleteTransfer(core, view, ctx.params.transfer_id);
      return { status: 202 };
    });
  }
}
