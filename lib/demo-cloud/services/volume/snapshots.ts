import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import { badRequest } from '../../core/errors';
import { uuid } from '../../core/ids';
import { json, type Reply } from '../../core/reply';
import { schedule } from '../../core/transitions';
import type { VolumeRouter } from './microversion';
import { checkQuota, cinderTime, getSnapshot, getVolume, settleAll, type Snapshot } from './model';
import { invalidVolume } from './ops';
import { snapshotView, type View } from './render';
import { pageOf, rejectLikeFilters } from './volumes';

function inner(body: unknown): Record<string, unknown> {
  const s = (body as Record<string, unknown> | null)?.snapshot;
  if (typeof s !== 'object' || s === null || Array.isArray(s)) throw badRequest("Missing required element 'snapshot' in request body.");
  return s as Record<string, unknown>;
}

const str = (obj: Record<string, unknown>, key: string): string | null | undefined => {
  const v = obj[key];
  if (v === undefined || v === null) return v as null | undefined;
  if (typeof v !== 'string') throw badRequest(`Invalid input for field/attribute ${key}. Value: ${JSON.stringify(v)}. ${JSON.stringify(v)} is not of type 'string', 'null'`);
  if (key === 'name' && v.length > 255) throw badRequest(`Invalid input for field/attribute name. Value: ${v}. '${v}' is too long`);
  return v;
};

export function snapshotRoutes(core: CloudCore, r: VolumeRouter): void {
  const base = '/v3/{project_id}/snapshots';

  const list = (detail: boolean) => (ctx: RequestContext, view: View): Reply => {
    const s = settleAll(core);
    const q = ctx.query;
    const allTenants = view.isAdmin && ctx.flag('all_tenants');
    rejectLikeFilters(ctx);
    const all = s.snapshots.filter((x) => {
      if (!allTenants && x.project_id !== view.projectId) return false;
      if (q.get('name') !== null && x.name !== q.get('name')) return false;
      if (q.get('status') !== null && x.status !== q.get('status')) return false;
      if (q.get('volume_id') !== null && x.volume_id !== q.get('volume_id')) return false;
      return true;
    });
    const { items, links } = pageOf(ctx, all, 'snapshots', 'snapshots_links');
    const body: Record<string, unknown> = { snapshots: items.map((x) => snapshotView(view, x, { list: !detail })), ...links };
    if (view.mv >= 45 && ctx.flag('with_count')) body.count = all.length;
    return json(200, body);
  };
  r.get(base, list(false));
  r.get(`${base}/detail`, list(true));

  r.post(base, async (ctx, view) => {
    const auth = ctx.authProject();
    const b = inner(await ctx.json());
    if (typeof b.volume_id !== 'string') {
      throw badRequest(`Invalid input for field/attribute snapshot. Value: ${JSON.stringify(b)}. 'volume_id' is a required property`);
    }
    const volume = getVolume(core, b.volume_id, view.isAdmin ? null : view.projectId);
    const force = b.force === true || (typeof b.force === 'string' && ['true', '1', 'yes', 'on'].includes(b.force.toLowerCase()));
    if (volume.status === 'error') throw invalidVolume('The snapshot cannot be created when the volume is in error status.');
    const valid = force ? ['available', 'in-use'] : ['available'];
    if (!valid.includes(volume.status)) {
      throw invalidVolume(`Volume ${volume.id} status must be ${valid.join(', ')}, but current status is: ${volume.status}.`);
    }
    const s = settleAll(core);
    checkQuota(s, volume.project_id, { snapshots: 1, gigabytes: volume.size });
    const now = core.clock.now();
    const snap: Snapshot = {
      id: uuid(),
      project_id: volume.project_id,
      user_id: auth.user.id,
      name: str(b, 'name') ?? str(b, 'display_name') ?? null,
      description: str(b, 'description') ?? str(b, 'display_description') ?? null,
      volume_id: volume.id,
      status: 'creating',
      size: volume.size,
      metadata: {},
      created_at: cinderTime(now),
      updated_at: null,
      progress: '0%',
    };
    if (b.metadata && typeof b.metadata === 'object') {
      for (const [k, v] of Object.entries(b.metadata as Record<string, unknown>)) snap.metadata[k] = String(v);
    }
    schedule(snap, core.clock, [[1, { status: 'available', progress: '100%', updated_at: cinderTime(core.clock.after(1)) }]]);
    s.snapshots.push(snap);
    return json(202, { snapshot: snapshotView(view, snap, { created: true }) });
  });

  const load = (ctx: RequestContext, view: View) => getSnapshot(core, ctx.params.snapshot_id, view.isAdmin ? null : view.projectId);

  r.get(`${base}/{snapshot_id}`, (ctx, view) => json(200, { snapshot: snapshotView(view, load(ctx, view)) }));

  r.put(`${base}/{snapshot_id}`, async (ctx, view) => {
    const b = inner(await ctx.json());
    const snap = load(ctx, view);
    if (!['name', 'description', 'display_name', 'display_description'].some((k) => k in b)) {
      throw badRequest('The server could not comply with the request since it is either malformed or otherwise incorrect.');
    }
    if ('name' in b || 'display_name' in b) snap.name = str(b, 'name') ?? str(b, 'display_name') ?? null;
    if ('description' in b || 'display_description' in b) snap.description = str(b, 'description') ?? str(b, 'display_description') ?? null;
    snap.updated_at = cinderTime(core.clock.now());
    return json(200, { snapshot: snapshotView(view, snap, { created: true }) });
  });

  r.delete(`${base}/{snapshot_id}`, (ctx, view) => {
    const snap = load(ctx, view);
    if (!['available', 'error', 'error_deleting'].includes(snap.status)) {
      throw badRequest('Invalid snapshot: Snapshot status must be available or error and must not be part of a group.');
    }
    const s = settleAll(core);
    if (s.volumes.some((v) => v.snapshot_id === snap.id && v.status === 'creating')) {
      throw badRequest('Invalid snapshot: Snapshot status must be available or error and must not be part of a group.');
    }
    snap.status = 'deleting';
    snap.updated_at = cinderTime(core.clock.now());
    schedule(snap, core.clock, [[1, { _gone: true }]]);
    return { status: 202 };
  });

  r.get(`${base}/{snapshot_id}/metadata`, (ctx, view) => json(200, { metadata: { ...load(ctx, view).metadata } }));
}
