import type { RequestContext } from '../../core/context';
import { HOST, SERVICE_UUID, typeOf, type Snapshot, type Volume, type VolumeState, type VolumeType } from './model';

// Cinder's views, gated by the request's microversion as cinder/api/v3/views does it.

export interface View {
  ctx: RequestContext;
  /** Minor part of the negotiated 3.x microversion. */
  mv: number;
  isAdmin: boolean;
  projectId: string;
}

export const links = (v: View, kind: string, id: string, projectId: string) => [
  { rel: 'self', href: `${v.ctx.serviceUrl}/v3/${projectId}/${kind}/${id}` },
  { rel: 'bookmark', href: `${v.ctx.serviceUrl}/${projectId}/${kind}/${id}` },
];

export function volumeSummary(v: View, vol: Volume) {
  return { id: vol.id, name: vol.name, links: links(v, 'volumes', vol.id, v.projectId) };
}

export function volumeDetail(v: View, s: VolumeState, vol: Volume, opts: { created?: boolean } = {}) {
  const type = typeOf(s, vol);
  const doc: Record<string, unknown> = {
    id: vol.id,
    status: vol.status,
    size: vol.size,
    availability_zone: vol.availability_zone,
    created_at: vol.created_at,
    updated_at: vol.updated_at,
    name: vol.name,
    description: vol.description,
    volume_type: type?.name ?? null,
    snapshot_id: vol.snapshot_id,
    source_volid: vol.source_volid,
    metadata: { ...vol.metadata },
    links: links(v, 'volumes', vol.id, v.projectId),
    user_id: vol.user_id,
    bootable: String(vol.bootable),
    encrypted: false,
    replication_status: null,
    consistencygroup_id: null,
    multiattach: vol.multiattach,
    attachments: vol.attachments
      .filter((a) => a.attach_status === 'attached' || a.attach_status === 'detaching')
      .map((a) => ({
        id: vol.id,
        attachment_id: a.attachment_id,
        volume_id: vol.id,
        server_id: a.server_id,
        host_name: a.host_name,
        device: a.device,
        attached_at: a.attached_at,
      })),
  };
  if (v.isAdmin) doc.migration_status = vol.migration_status;
  if (vol.volume_image_metadata) doc.volume_image_metadata = { ...vol.volume_image_metadata };
  if (v.mv >= 13) doc.group_id = null;
  if (v.mv >= 21 && v.isAdmin) doc.provider_id = null;
  if (v.mv >= 48) {
    doc.shared_targets = false;
    doc.service_uuid = vol.status === 'creating' ? null : SERVICE_UUID;
  }
  if (v.mv >= 61 && v.isAdmin) doc.cluster_name = null;
  if (v.mv >= 63) doc.volume_type_id = vol.volume_type_id;
  if (v.mv >= 65) doc.consumes_quota = true;
  if (!opts.created) {
    doc['os-vol-tenant-attr:tenant_id'] = vol.project_id;
    if (v.isAdmin) {
      doc['os-vol-mig-status-attr:migstat'] = vol.migration_status;
      doc['os-vol-mig-status-attr:name_id'] = null;
      doc['os-vol-host-attr:host'] = vol.status === 'creating' ? null : HOST;
    }
  }
  return doc;
}

export function snapshotView(v: View, snap: Snapshot, opts: { list?: boolean; created?: boolean } = {}) {
  const doc: Record<string, unknown> = {
    id: snap.id,
    created_at: snap.created_at,
    updated_at: snap.updated_at,
    name: snap.name,
    description: snap.description,
    volume_id: snap.volume_id,
    status: snap.status,
    size: snap.size,
    metadata: { ...snap.metadata },
  };
  if (!opts.list) {
    if (v.mv >= 14) doc.group_snapshot_id = null;
    if (v.mv >= 41) doc.user_id = snap.user_id;
    if (v.mv >= 65) doc.consumes_quota = true;
  }
  if (!opts.list && !opts.created) {
    doc['os-extended-snapshot-attributes:project_id'] = snap.project_id;
    doc['os-extended-snapshot-attributes:progress'] = snap.progress;
  }
  return doc;
}

export function typeView(t: VolumeType, opts: { accessFlag?: boolean; isAdmin?: boolean } = {}) {
  const doc: Record<string, unknown> = {
    id: t.id,
    name: t.name,
    is_public: t.is_public,
    description: t.description,
    extra_specs: { ...t.extra_specs },
  };
  // volume_extension:access_types_qos_specs_id is admin-only.
  if (opts.isAdmin) doc.qos_specs_id = t.qos_specs_id ?? null;
  // The volume_type_access extension adds its flag to list, show and create answers (not to update's).
  if (opts.accessFlag) doc['os-volume-type-access:is_public'] = t.is_public;
  return doc;
}
