import type { Call, Scenario } from '../types';

// The Cinder calls Stratus makes (microversion 3.60): discovery, volumes, actions, snapshots,
// types, limits, quotas, availability zones, and the usual errors.
const MV = { 'OpenStack-API-Version': 'volume 3.60' };
const NAME = `fidelity-vol-${process.pid}`;
type Status = { volume?: { status: string }; snapshot?: { status: string } };

const c = (call: Omit<Call, 'service'>): Call => ({
  service: 'volumev3',
  ...call,
  headers: typeof call.headers === 'function' ? call.headers : { ...MV, ...call.headers },
});
const statusIs = (s: string) => (b: unknown) => ((b as Status).volume ?? (b as Status).snapshot)?.status === s;

export const volume: Scenario = {
  name: 'volume',
  service: 'volumev3',
  calls: [
    c({ name: 'version document', path: '../../' }),
    c({ name: 'versioned root', path: '../' }),
    c({ name: 'volume list', path: 'volumes' }),
    c({ name: 'volume list detail', path: 'volumes/detail' }),
    c({ name: 'unsupported microversion', path: 'volumes', headers: { 'OpenStack-API-Version': 'volume 3.99' } }),
    c({
      name: 'volume create', method: 'POST', path: 'volumes',
      body: { volume: { size: 1, name: NAME, description: 'fidelity', metadata: { purpose: 'fidelity' } } },
      capture: (b, _h, v) => (v.vol = (b as { volume: { id: string } }).volume.id),
    }),
    c({
      name: 'volume show (until available)', path: (v) => `volumes/${v.vol}`, until: statusIs('available'),
      capture: (b, _h, v) => (v.project = String((b as { volume: Record<string, unknown> }).volume['os-vol-tenant-attr:tenant_id'])),
    }),
    c({ name: 'volume list, all tenants (admin)', as: 'admin', path: 'volumes/detail?all_tenants=1&limit=5' }),
    c({ name: 'volume list detail, limit 1', path: 'volumes/detail?limit=1&with_count=true' }),
    c({ name: 'volume list, filter by name', path: `volumes?name=${NAME}` }),
    c({ name: 'volume show (admin)', as: 'admin', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'volume update', method: 'PUT', path: (v) => `volumes/${v.vol}`, body: { volume: { name: `${NAME}-2`, description: 'renamed' } } }),
    c({ name: 'volume metadata set', method: 'POST', path: (v) => `volumes/${v.vol}/metadata`, body: { metadata: { extra: 'yes' } } }),
    c({ name: 'volume metadata', path: (v) => `volumes/${v.vol}/metadata` }),
    c({ name: 'extend to same size (400)', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: { 'os-extend': { new_size: 1 } } }),
    c({ name: 'extend', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: { 'os-extend': { new_size: 2 } } }),
    c({ name: 'volume show (until extended)', path: (v) => `volumes/${v.vol}`, until: statusIs('available') }),
    c({
      name: 'upload to image', method: 'POST', path: (v) => `volumes/${v.vol}/action`,
      body: { 'os-volume_upload_image': { image_name: `${NAME}-img`, disk_format: 'raw', container_format: 'bare' } },
      capture: (b, _h, v) => (v.uploaded = (b as { 'os-volume_upload_image': { image_id: string } })['os-volume_upload_image'].image_id),
    }),
    c({ name: 'volume show (until uploaded)', path: (v) => `volumes/${v.vol}`, until: statusIs('available') }),
    { name: 'uploaded image show (until active)', service: 'image', path: (v) => `v2/images/${v.uploaded}`, until: (b) => (b as { status?: string }).status === 'active' },
    { name: 'uploaded image delete', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.uploaded}` },
    c({ name: 'set bootable', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: { 'os-set_bootable': { bootable: true } } }),
    c({ name: 'reset status as member (403)', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: { 'os-reset_status': { status: 'error' } } }),
    c({ name: 'unknown action', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: { 'os-bogus': {} } }),
    c({
      name: 'snapshot create', method: 'POST', path: 'snapshots', body: (v: Record<string, string>) => ({ snapshot: { volume_id: v.vol, name: `${NAME}-snap` } }),
      capture: (b, _h, v) => (v.snap = (b as { snapshot: { id: string } }).snapshot.id),
    }),
    c({ name: 'snapshot show (until available)', path: (v) => `snapshots/${v.snap}`, until: statusIs('available') }),
    c({ name: 'snapshot list', path: 'snapshots' }),
    c({ name: 'snapshot list detail', path: 'snapshots/detail' }),
    c({ name: 'snapshot update', method: 'PUT', path: (v) => `snapshots/${v.snap}`, body: { snapshot: { name: `${NAME}-snap2` } } }),
    c({ name: 'volume delete with snapshots (400)', method: 'DELETE', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'snapshot delete', method: 'DELETE', path: (v) => `snapshots/${v.snap}` }),
    c({ name: 'snapshot show (until gone)', path: (v) => `snapshots/${v.snap}`, until: (_b, s) => s === 404 }),
    c({ name: 'volume delete', method: 'DELETE', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'volume show (until gone)', path: (v) => `volumes/${v.vol}`, until: (_b, s) => s === 404 }),
    c({ name: 'volume create, size 0', method: 'POST', path: 'volumes', body: { volume: { size: 0 } } }),
    c({ name: 'volume create, size abc', method: 'POST', path: 'volumes', body: { volume: { size: 'abc' } } }),
    c({ name: 'volume create, no size', method: 'POST', path: 'volumes', body: { volume: {} } }),
    c({ name: 'volume create, malformed JSON', method: 'POST', path: 'volumes', rawBody: '{"volume": ' }),
    c({ name: 'volume create, over quota (413)', method: 'POST', path: 'volumes', body: { volume: { size: 5000 } } }),
    c({ name: 'volume show, unknown', path: 'volumes/00000000-0000-0000-0000-000000000000' }),
    c({ name: 'limits', path: 'limits' }),
    c({ name: 'quota set', path: (v) => `os-quota-sets/${v.project}` }),
    c({ name: 'quota set with usage', path: (v) => `os-quota-sets/${v.project}?usage=True` }),
    c({ name: 'types', path: 'types' }),
    c({ name: 'type default', path: 'types/default' }),
    c({ name: 'availability zones', path: 'os-availability-zone' }),
    c({ name: 'attachments (3.27+)', path: 'attachments' }),
    c({ name: 'messages (3.3+)', path: 'messages' }),
  ],
};
