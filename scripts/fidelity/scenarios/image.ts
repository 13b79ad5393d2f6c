import type { Scenario } from '../types';

// The Glance calls Stratus makes: discovery, list/show, create, upload/download, JSON-patch, tags,
// protected delete, schemas, import info, and the usual errors.
const PATCH = { 'content-type': 'application/openstack-images-v2.1-json-patch' };
const NAME = `fidelity-image-${process.pid}`;
const MEMBER = '0123456789abcdef0123456789abcdef';
const DATA = new Uint8Array(Buffer.concat([Buffer.from('QFI\xfb', 'latin1'), Buffer.alloc(4092, 7)]));
type Images = { images: { id: string; name: string }[] };

export const image: Scenario = {
  name: 'image',
  service: 'image',
  calls: [
    { name: 'version document', service: 'image', path: '' },
    { name: 'versions', service: 'image', path: 'versions' },
    { name: 'image list', service: 'image', path: 'v2/images', capture: (b, _h, v) => (v.cirros = (b as Images).images.find((i) => i.name === 'cirros')?.id ?? '') },
    { name: 'image list, limit 1 (next link)', service: 'image', path: 'v2/images?limit=1' },
    { name: 'image list, filters and sort', service: 'image', path: 'v2/images?visibility=public&status=active&sort=name:asc' },
    { name: 'image list, bad sort key', service: 'image', path: 'v2/images?sort_key=foo' },
    { name: 'image list, bad visibility', service: 'image', path: 'v2/images?visibility=foo' },
    { name: 'image list, unknown marker', service: 'image', path: 'v2/images?marker=00000000-0000-0000-0000-000000000000' },
    { name: 'image show (cirros)', service: 'image', path: (v) => `v2/images/${v.cirros}` },
    { name: 'image show, unknown', service: 'image', path: 'v2/images/00000000-0000-0000-0000-000000000000' },
    { name: 'schema image', service: 'image', path: 'v2/schemas/image' },
    { name: 'schema images', service: 'image', path: 'v2/schemas/images' },
    { name: 'info import', service: 'image', path: 'v2/info/import' },
    { name: 'info stores', service: 'image', path: 'v2/info/stores' },
    {
      name: 'image create', service: 'image', method: 'POST', path: 'v2/images',
      body: { name: NAME, disk_format: 'qcow2', container_format: 'bare', tags: ['fidelity'], os_distro: 'cirros', min_disk: 1 },
      capture: (b, _h, v) => (v.id = (b as { id: string }).id),
    },
    { name: 'member add', service: 'image', method: 'POST', path: (v) => `v2/images/${v.id}/members`, body: { member: MEMBER } },
    { name: 'member add again (409)', service: 'image', method: 'POST', path: (v) => `v2/images/${v.id}/members`, body: { member: MEMBER } },
    { name: 'member list', service: 'image', path: (v) => `v2/images/${v.id}/members` },
    { name: 'member show', service: 'image', path: (v) => `v2/images/${v.id}/members/${MEMBER}` },
    { name: 'member delete', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.id}/members/${MEMBER}` },
    { name: 'member show, deleted', service: 'image', path: (v) => `v2/images/${v.id}/members/${MEMBER}` },
    { name: 'image create, public as member', service: 'image', method: 'POST', path: 'v2/images', body: { name: `${NAME}-pub`, visibility: 'public' } },
    { name: 'image create, bad disk_format', service: 'image', method: 'POST', path: 'v2/images', body: { name: `${NAME}-bad`, disk_format: 'foo' } },
    { name: 'image create, read-only status', service: 'image', method: 'POST', path: 'v2/images', body: { name: `${NAME}-ro`, status: 'active' } },
    { name: 'image create, malformed JSON', service: 'image', method: 'POST', path: 'v2/images', rawBody: '{"name": ' },
    { name: 'image download before upload', service: 'image', path: (v) => `v2/images/${v.id}/file`, compareBody: false },
    { name: 'image upload', service: 'image', method: 'PUT', path: (v) => `v2/images/${v.id}/file`, rawBody: DATA, headers: { 'content-type': 'application/octet-stream' } },
    { name: 'image upload again (409)', service: 'image', method: 'PUT', path: (v) => `v2/images/${v.id}/file`, rawBody: DATA, headers: { 'content-type': 'application/octet-stream' } },
    { name: 'image show after upload', service: 'image', path: (v) => `v2/images/${v.id}` },
    { name: 'image download', service: 'image', path: (v) => `v2/images/${v.id}/file`, compareBody: false },
    {
      name: 'image patch (replace name, add property)', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, headers: PATCH,
      body: [{ op: 'replace', path: '/name', value: `${NAME}-2` }, { op: 'add', path: '/hw_disk_bus', value: 'scsi' }],
    },
    { name: 'image patch, read-only', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, headers: PATCH, body: [{ op: 'replace', path: '/status', value: 'active' }] },
    { name: 'image patch, remove missing property', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, headers: PATCH, body: [{ op: 'remove', path: '/nope' }] },
    { name: 'image patch, bad op', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, headers: PATCH, body: [{ op: 'foo', path: '/name', value: 'x' }] },
    { name: 'image patch, wrong media type', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, body: [] },
    { name: 'image patch cirros as member', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.cirros}`, headers: PATCH, body: [{ op: 'replace', path: '/name', value: 'x' }] },
    { name: 'tag add', service: 'image', method: 'PUT', path: (v) => `v2/images/${v.id}/tags/extra` },
    { name: 'tag delete', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.id}/tags/extra` },
    { name: 'tag delete, missing', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.id}/tags/missing` },
    { name: 'protect', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, headers: PATCH, body: [{ op: 'replace', path: '/protected', value: true }] },
    { name: 'delete protected (403)', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.id}` },
    { name: 'unprotect', service: 'image', method: 'PATCH', path: (v) => `v2/images/${v.id}`, headers: PATCH, body: [{ op: 'replace', path: '/protected', value: false }] },
    { name: 'image delete', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.id}` },
    { name: 'image show, deleted', service: 'image', path: (v) => `v2/images/${v.id}` },
    { name: 'image delete, deleted', service: 'image', method: 'DELETE', path: (v) => `v2/images/${v.id}` },
  ],
};
