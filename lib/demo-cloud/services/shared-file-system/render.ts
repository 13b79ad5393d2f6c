// Manila's views, field by field as manila/api/views builds them at each microversion (checked against Zed).
import { AZ, DEFAULT_TYPE, HOST, specOn, typeOf, type AccessRule, type ManilaState, type SecurityService, type Share, type ShareNetwork, type ShareType, type Snapshot } from './model';
import type { View } from './microversion';

const links = (v: View, kind: string, id: string, projectId = v.projectId) => [
  { rel: 'self', href: `${v.ctx.serviceUrl}/v2/${projectId}/${kind}/${id}` },
  { rel: 'bookmark', href: `${v.ctx.serviceUrl}/${projectId}/${kind}/${id}` },
];

export const summary = (v: View, kind: string, x: { id: string; name: string | null }) => ({ id: x.id, name: x.name, links: links(v, kind, x.id) });

/**
 * The share's `access_rules_status`, derived from its rules as the share manager keeps it: any rule in error
 * makes it `error`, rules still on their way make it `syncing` (`out_of_sync` before 2.28), else `active`.
 */
export function accessRulesStatus(s: ManilaState, share: Share, mv = 73): string {
  const rules = s.rules.filter((r) => r.share_id === share.id);
  if (rules.some((r) => r.state === 'error')) return 'error';
  if (rules.some((r) => r.state !== 'active')) return mv >= 28 ? 'syncing' : 'out_of_sync';
  return 'active';
}

/** A share at the request's microversion; `created` is the create answer, before the scheduler picked a zone. */
export function shareDetail(v: View, s: ManilaState, share: Share, opts: { created?: boolean } = {}) {
  const type = typeOf(s, share);
  const doc: Record<string, unknown> = {
    id: share.id,
    size: share.size,
    availability_zone: opts.created ? null : share.availability_zone,
    created_at: share.created_at,
    status: share.status,
    name: share.name,
    description: share.description,
    project_id: share.project_id,
    snapshot_id: share.snapshot_id,
    share_network_id: share.share_network_id,
    share_proto: share.share_proto,
    metadata: { ...share.metadata },
    share_type: v.mv >= 6 ? share.share_type : (type?.name ?? share.share_type),
    volume_type: type?.name ?? null,
    links: links(v, 'shares', share.id, share.project_id),
    is_public: share.is_public,
  };
  if (v.mv < 9) {
    const paths = exportPaths(share).filter((p) => !p.admin).map((p) => p.path);
    doc.export_location = share.status === 'creating' ? null : (paths[0] ?? null);
    doc.export_locations = share.status === 'creating' ? [] : paths;
  }
  if (v.mv >= 2) doc.snapshot_support = specOn(type, 'snapshot_support');
  if (v.mv >= 5) doc.task_state = share.task_state;
  if (v.mv >= 6) doc.share_type_name = type?.name ?? null;
  if (v.mv >= 10) doc.access_rules_status = accessRulesStatus(s, share, v.mv);
  if (v.mv >= 11) Object.assign(doc, { replication_type: null, has_replicas: false });
  if (v.mv >= 16) doc.user_id = share.user_id;
  if (v.mv >= 24) doc.create_share_from_snapshot_support = specOn(type, 'create_share_from_snapshot_support');
  if (v.mv >= 27) doc.revert_to_snapshot_support = specOn(type, 'revert_to_snapshot_support');
  if (v.mv >= 31) Object.assign(doc, { share_group_id: null, source_share_group_snapshot_member_id: null });
  if (v.mv >= 32) doc.mount_snapshot_support = specOn(type, 'mount_snapshot_support');
  if (v.mv >= 54) doc.progress = share.progress;
  if (v.mv >= 69) Object.assign(doc, { is_soft_deleted: false, scheduled_to_be_deleted_at: null });
  if (v.isAdmin) Object.assign(doc, { share_server_id: null, host: HOST });
  return doc;
}

/** The dummy driver's invented paths: two user-facing addresses and one admin-only, named after share and instance. */
export function exportPaths(share: Share) {
  const tail = `/path/to/fake/share/share_${share.id.replace(/-/g, '_')}_${share.instance_id.replace(/-/g, '_')}`;
  return [
    { id: share.export_ids[2], path: `11.0.0.11:${tail}`, preferred: false, admin: true },
    { id: share.export_ids[0], path: `10.0.0.10:${tail}`, preferred: true, admin: false },
    { id: share.export_ids[1], path: `10.0.0.20:${tail}`, preferred: false, admin: false },
  ];
}

export function exportLocations(v: View, share: Share) {
  if (share.status === 'creating' || share.status === 'error') return [];
  return exportPaths(share)
    .filter((p) => v.isAdmin || !p.admin)
    .map((p) => {
      const doc: Record<string, unknown> = { id: p.id, path: p.path };
      if (v.mv >= 14) doc.preferred = p.preferred;
      if (v.isAdmin) Object.assign(doc, { share_instance_id: share.instance_id, is_admin_only: p.admin });
      return doc;
    });
}

/** A rule: `share_id` appears in single-rule answers, not in the share-access-rules list. */
export function ruleView(v: View, r: AccessRule, opts: { withShare?: boolean } = {}) {
  const doc: Record<string, unknown> = { id: r.id };
  if (opts.withShare) doc.share_id = r.share_id;
  Object.assign(doc, { access_level: r.access_level, access_to: r.access_to, access_type: r.access_type, state: r.state });
  if (v.mv >= 21) doc.access_key = r.access_key;
  if (v.mv >= 33) Object.assign(doc, { created_at: r.created_at, updated_at: r.updated_at });
  if (v.mv >= 45) doc.metadata = { ...r.metadata };
  return doc;
}

export function snapshotDetail(v: View, snap: Snapshot) {
  const doc: Record<string, unknown> = {
    id: snap.id,
    share_id: snap.share_id,
    share_size: snap.share_size,
    created_at: snap.created_at,
    status: snap.status,
    name: snap.name,
    description: snap.description,
    size: snap.size,
    share_proto: snap.share_proto,
    links: links(v, 'snapshots', snap.id, snap.project_id),
  };
  if (v.mv >= 17) Object.assign(doc, { user_id: snap.user_id, project_id: snap.project_id });
  if (v.mv >= 73) doc.metadata = { ...snap.metadata };
  return doc;
}

export function typeView(v: View, t: ShareType) {
  const required = { driver_handles_share_servers: t.extra_specs.driver_handles_share_servers };
  const doc: Record<string, unknown> = { id: t.id, name: t.name, extra_specs: { ...t.extra_specs }, required_extra_specs: required };
  doc['share_type_access:is_public'] = t.is_public;
  if (v.mv >= 41) doc.description = t.description;
  if (v.mv >= 46) doc.is_default = t.id === DEFAULT_TYPE.id;
  return doc;
}

export function networkView(n: ShareNetwork) {
  return {
    id: n.id,
    name: n.name,
    project_id: n.project_id,
    created_at: n.created_at,
    updated_at: n.updated_at,
    description: n.description,
    share_network_subnets: [
      {
        id: n.subnet_id,
        availability_zone: n.availability_zone,
        created_at: n.created_at,
        updated_at: null,
        segmentation_id: null,
        neutron_net_id: n.neutron_net_id,
        neutron_subnet_id: n.neutron_subnet_id,
        ip_version: null,
        cidr: null,
        network_type: null,
        mtu: null,
        gateway: null,
      },
    ],
    status: 'active',
    security_service_update_support: true,
    network_allocation_update_support: true,
  };
}

export function securityServiceView(x: SecurityService, detail = true) {
  if (!detail) return { id: x.id, name: x.name, type: x.type, status: 'new' };
  return {
    id: x.id, name: x.name, type: x.type, status: 'new', created_at: x.created_at, updated_at: x.updated_at, description: x.description,
    dns_ip: x.dns_ip, server: x.server, domain: x.domain, user: x.user, password: x.password, project_id: x.project_id, ou: x.ou,
  };
}

export const azView = () => ({ id: AZ.id, name: AZ.name, created_at: AZ.created_at, updated_at: null });
