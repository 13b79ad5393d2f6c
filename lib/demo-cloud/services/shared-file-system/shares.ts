// Shares: create (200, creating -> available), list/detail with the filters the CLI sends, show, update, delete
// (refused with snapshots), metadata and export locations.
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import { schedule } from '../../core/transitions';
import { bad, invalidInput, invalidShareUnfilled, notFound } from './errors';
import { listPage, nextLinks, ownShare, ownSnapshot, visibleShare } from './lookup';
import { recordFailure, SHARE_FAILURES } from './messages';
import type { ManilaRouter, View } from './microversion';
import { AZ, DEFAULT_TYPE, PROTOCOLS, specOn, stamp, type ManilaState, type Share } from './model';
import { checkShareQuota } from './quotas';
import { exportLocations, shareDetail, summary } from './render';
import { boolOf, metadataOf, nameAndDescription, optString, publicFlag, readBody, type Body, updateNameAndDescription } from './request';

/** Nominal seconds the demo backend takes (the real dummy driver sleeps 0.5-4 s per call). */
export const TIMING = { create: 3, refuse: 0.5, delete: 2, resize: 2, revert: 2 };

function sizeOf(raw: unknown): number {
  const n = typeof raw === 'string' && /^\s*\d+\s*$/.test(raw) ? Number(raw) : raw;
  if (typeof n !== 'number' || !Number.isInteger(n) || n <= 0) throw invalidInput(`Share size '${String(raw)}' must be an integer and greater than 0.`);
  return n;
}

function createShare(core: CloudCore, s: ManilaState, v: View, b: Body): Share {
  if (b.share_proto === undefined) throw invalidInput('share_proto is required.');
  const proto = String(b.share_proto).toUpperCase();
  if (!(PROTOCOLS as readonly string[]).includes(proto)) {
    throw invalidInput(`Invalid share protocol provided: ${proto}. It is either disabled or unsupported. Available protocols: [${PROTOCOLS.map((p) => `'${p}'`).join(', ')}].`);
  }
  const snapshotId = optString(b, 'snapshot_id');
  const snapshot = snapshotId ? ownSnapshot(s, v, snapshotId, `Snapshot ${snapshotId} could not be found.`) : undefined;
  if (snapshot && snapshot.status !== 'available') throw bad("Invalid share snapshot: status must be 'available'.");
  const size = b.size === undefined && snapshot ? snapshot.size : sizeOf(b.size);
  if (snapshot && size < snapshot.size) throw invalidInput(`Share size '${size}' must be equal or greater than snapshot size.`);
  if (b.share_type !== undefined && b.volume_type !== undefined && b.share_type !== null && b.volume_type !== null) throw bad('Cannot specify both share_type and volume_type');
  const typeRef = (b.share_type ?? b.volume_type) as string | null | undefined;
  const source = snapshot ? s.shares.find((x) => x.id === snapshot.share_id) : undefined;
  const type = typeRef ? s.types.find((t) => t.id === typeRef || t.name === typeRef) : s.types.find((t) => t.id === (source?.share_type ?? DEFAULT_TYPE.id));
  if (!type || (!type.is_public && !v.isAdmin && !type.projects.includes(v.projectId))) throw notFound('Share type not found.');
  const az = optString(b, 'availability_zone');
  if (az && az !== AZ.name && az !== AZ.id) throw notFound('Availability zone %(id)s could not be found.');
  const networkId = optString(b, 'share_network_id') ?? null;
  const dhss = specOn(type, 'driver_handles_share_servers');
  if (dhss && !networkId && !snapshot) throw bad('Share network must be set when the driver_handles_share_servers is true.');
  if (networkId && !s.networks.some((n) => n.id === networkId && (v.isAdmin || n.project_id === v.projectId))) throw notFound(`Share network ${networkId} could not be found.`);
  // The backend handles no share servers: the API accepts these, then the scheduler or driver refuses (as on Zed).
  const failure = dhss ? SHARE_FAILURES.noHost : networkId ? SHARE_FAILURES.unexpectedNetwork : null;
  if (snapshot && !specOn(s.types.find((t) => t.id === source?.share_type), 'create_share_from_snapshot_support')) {
    throw bad(`A new share may not be created from snapshot '${snapshot.id}', because the snapshot's parent share does not have that capability.`);
  }
  checkShareQuota(s, v.projectId, size);
  const now = core.clock.now();
  const share: Share = {
    id: uuid(),
    instance_id: uuid(),
    name: nameAndDescription(b).name ?? null,
    description: nameAndDescription(b).description ?? null,
    project_id: v.projectId,
    user_id: v.auth.user.id,
    size,
    share_proto: proto,
    share_type: type.id,
    availability_zone: AZ.name,
    share_network_id: networkId,
    snapshot_id: snapshot?.id ?? null,
    is_public: b.is_public === undefined ? false : publicFlag(b.is_public, v.isAdmin),
    metadata: metadataOf(b.metadata),
    // Zed's API starts every share, from a snapshot too, as `creating` with no progress yet.
    status: 'creating',
    task_state: null,
    progress: null,
    created_at: stamp(now),
    export_ids: [uuid(), uuid(), uuid()],
  };
  if (failure) {
    schedule(share, core.clock, [[TIMING.refuse, { status: 'error' }]]);
    recordFailure(core, s, v, share, failure);
  } else {
    schedule(share, core.clock, [[TIMING.create, { status: 'available', progress: '100%' }]]);
  }
  s.shares.push(share);
  return share;
}

/** The filters `openstack share list` sends (plus the API's own), applied in Python's way: exact match unless `~`. */
function filtered(s: ManilaState, v: View): Share[] {
  const q = v.ctx.query;
  const all = v.isAdmin && (v.ctx.flag('all_tenants') || q.has('project_id'));
  const isPublic = q.has('is_public') && boolOf(q.get('is_public'));
  // Nothing is soft-deleted here (no recycle bin in the demo backend); the CLI asks for those when resolving names.
  if (q.has('is_soft_deleted') && boolOf(q.get('is_soft_deleted'))) return [];
  const meta = q.get('metadata');
  let wantMeta: Record<string, string> = {};
  if (meta) {
    try {
      // The CLI sends Python's repr of a dict: {'k': 'v'}.
      wantMeta = JSON.parse(meta.replace(/'/g, '"')) as Record<string, string>;
    } catch {
      throw bad(`Invalid metadata filter: ${meta}`);
    }
  }
  const exact: Array<[string, (x: Share) => unknown]> = [
    ['name', (x) => x.name], ['status', (x) => x.status], ['share_proto', (x) => x.share_proto], ['share_type_id', (x) => x.share_type],
    ['snapshot_id', (x) => x.snapshot_id], ['share_network_id', (x) => x.share_network_id], ['availability_zone', (x) => x.availability_zone],
    ['project_id', (x) => x.project_id], ['id', (x) => x.id],
  ];
  return s.shares.filter((x) => {
    if (!(all || x.project_id === v.projectId || (isPublic && x.is_public))) return false;
    for (const [key, get] of exact) if (q.has(key) && String(get(x) ?? '') !== q.get(key)) return false;
    if (q.has('name~') && !(x.name ?? '').includes(q.get('name~')!)) return false;
    if (q.has('description~') && !(x.description ?? '').includes(q.get('description~')!)) return false;
    return Object.entries(wantMeta).every(([k, want]) => x.metadata[k] === want);
  });
}

export function shareRoutes(core: CloudCore, r: ManilaRouter, s: ManilaState) {
  r.post('/shares', async (v) => {
    const share = createShare(core, s, v, await readBody(v.ctx, 'share'));
    v.ctx.markDirty();
    return json(200, { share: shareDetail(v, s, share, { created: true }) });
  });
  // `with_count` (2.42+) adds the number of matches before paging, for a list that pages.
  const listing = (v: View, render: (x: Share) => unknown) => {
    const all = filtered(s, v);
    const page = listPage(v, all);
    const body: Record<string, unknown> = { shares: page.map(render) };
    if (v.mv >= 42 && v.ctx.query.has('with_count') && boolOf(v.ctx.query.get('with_count'))) body.count = all.length;
    return json(200, { ...body, ...nextLinks(v, 'shares', page) });
  };
  r.get('/shares', (v) => listing(v, (x) => summary(v, 'shares', x)));
  r.get('/shares/detail', (v) => listing(v, (x) => shareDetail(v, s, x)));
  r.get('/shares/{id}', (v) => json(200, { share: shareDetail(v, s, visibleShare(s, v, v.ctx.params.id)) }));
  r.put('/shares/{id}', async (v) => {
    const share = ownShare(s, v, v.ctx.params.id);
    const b = await readBody(v.ctx, 'share');
    updateNameAndDescription(share, b);
    if (b.is_public !== undefined) share.is_public = publicFlag(b.is_public, v.isAdmin);
    v.ctx.markDirty();
    return json(200, { share: shareDetail(v, s, share) });
  });
  r.delete('/shares/{id}', (v) => {
    const share = ownShare(s, v, v.ctx.params.id);
    // Zed answers both refusals (busy share, dependent snapshots) with the same unformatted text.
    if (!['available', 'error'].includes(share.status) || s.snapshots.some((x) => x.share_id === share.id)) throw invalidShareUnfilled();
    share.status = 'deleting';
    schedule(share, core.clock, [[TIMING.delete, { gone: true }]]);
    for (const rule of s.rules) if (rule.share_id === share.id) rule.gone = true;
    v.ctx.markDirty();
    return { status: 202 };
  });

  r.get('/shares/{id}/export_locations', (v) => {
    const share = visibleShare(s, v, v.ctx.params.id, `Share '${v.ctx.params.id}' not found.`);
    return json(200, { export_locations: exportLocations(v, share) });
  });
  r.get('/shares/{id}/export_locations/{el}', (v) => {
    const share = visibleShare(s, v, v.ctx.params.id, `Share '${v.ctx.params.id}' not found.`);
    const el = exportLocations(v, share).find((x) => x.id === v.ctx.params.el);
    if (!el) throw notFound(`Export location ${v.ctx.params.el} could not be found.`);
    return json(200, { export_location: el });
  });

  r.get('/shares/{id}/metadata', (v) => json(200, { metadata: { ...visibleShare(s, v, v.ctx.params.id).metadata } }));
  r.get('/shares/{id}/metadata/{key}', (v) => {
    const share = visibleShare(s, v, v.ctx.params.id);
    const value = share.metadata[v.ctx.params.key];
    if (value === undefined) throw notFound('MetadataItemNotFound: Metadata item is not found.');
    return json(200, { meta: { [v.ctx.params.key]: value } });
  });
  const setMetadata = (replace: boolean) => async (v: View) => {
    const share = ownShare(s, v, v.ctx.params.id);
    const body = (await v.ctx.json()) as { metadata?: unknown };
    if (typeof body !== 'object' || body === null || body.metadata === undefined) throw bad('Malformed request body');
    const meta = metadataOf(body.metadata);
    share.metadata = replace ? meta : { ...share.metadata, ...meta };
    v.ctx.markDirty();
    return json(200, { metadata: { ...share.metadata } });
  };
  r.post('/shares/{id}/metadata', setMetadata(false));
  r.put('/shares/{id}/metadata', setMetadata(true));
  r.delete('/shares/{id}/metadata/{key}', (v) => {
    const share = ownShare(s, v, v.ctx.params.id);
    if (share.metadata[v.ctx.params.key] === undefined) throw notFound('MetadataItemNotFound: Metadata item is not found.');
    delete share.metadata[v.ctx.params.key];
    v.ctx.markDirty();
    return { status: 200 };
  });
}
