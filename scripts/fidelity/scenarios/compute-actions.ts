import type { Call, Scenario } from '../types';

// Issue 19's instance actions at Stratus's microversion (2.79): metadata, tags, interfaces, lock,
// rescue, rebuild, shelve/unshelve, and the admin-only moves refused to members or while the host is up.
const MV = { 'OpenStack-API-Version': 'compute 2.79', 'X-OpenStack-Nova-API-Version': '2.79' };
const name = `fidelity-ia-${process.pid}`;
type Obj = Record<string, unknown>;
const status = (b: unknown) => ((b as { server?: { status?: string } })?.server?.status ?? '');
const act = (label: string, body: unknown, as?: 'admin'): Call => ({ name: label, ...(as ? { as } : {}), service: 'compute', method: 'POST' as const, path: (v: Record<string, string>) => `servers/${v.server}/action`, headers: MV, body });
const showUntil = (label: string, done: (s: string) => boolean): Call => ({ name: label, service: 'compute', path: (v: Record<string, string>) => `servers/${v.server}`, headers: MV, until: (b: unknown) => done(status(b)) });
const at = (label: string, method: NonNullable<Call['method']>, sub: string, body?: unknown): Call => ({ name: label, service: 'compute', method, path: (v: Record<string, string>) => `servers/${v.server}/${sub}`, headers: MV, ...(body !== undefined ? { body } : {}) });

export const computeActions: Scenario = {
  name: 'compute-actions',
  service: 'compute',
  calls: [
    { name: 'image lookup', service: 'image', path: 'v2/images?name=cirros', capture: (b, _h, v) => (v.image = ((b as { images: Obj[] }).images[0]?.id as string) ?? '') },
    { name: 'flavor lookup', service: 'compute', path: 'flavors/detail', headers: MV, capture: (b, _h, v) => (v.tiny = ((b as { flavors: Obj[] }).flavors.find((f) => f.name === 'm1.tiny')?.id as string) ?? '') },
    { name: 'network lookup', service: 'network', path: 'v2.0/networks?name=private', capture: (b, _h, v) => (v.net = ((b as { networks: Obj[] }).networks[0]?.id as string) ?? '') },
    {
      name: 'server create', service: 'compute', method: 'POST', path: 'servers', headers: MV,
      body: (v: Record<string, string>) => ({ server: { name, imageRef: v.image, flavorRef: v.tiny, networks: [{ uuid: v.net }] } }),
      capture: (b, _h, v) => (v.server = (b as { server: { id: string } }).server.id),
    },
    showUntil('server show until ACTIVE', (s) => s !== 'BUILD'),
    at('metadata replace', 'PUT', 'metadata', { metadata: { role: 'web' } }),
    at('metadata merge', 'POST', 'metadata', { metadata: { tier: 'front' } }),
    at('metadata item', 'GET', 'metadata/role'),
    at('metadata item, unknown', 'GET', 'metadata/nope'),
    at('metadata item, URI mismatch', 'PUT', 'metadata/role', { meta: { other: 'x' } }),
    at('metadata, not a string', 'PUT', 'metadata', { metadata: { k: 1 } }),
    at('metadata item delete', 'DELETE', 'metadata/tier'),
    at('metadata list', 'GET', 'metadata'),
    at('tag add', 'PUT', 'tags/blue'),
    at('tag add again', 'PUT', 'tags/blue'),
    at('tag check, unknown', 'GET', 'tags/red'),
    at('tag, invalid', 'PUT', 'tags/a,b'),
    at('tags replace', 'PUT', 'tags', { tags: ['x', 'y'] }),
    at('tag delete, unknown', 'DELETE', 'tags/zz'),
    at('tags list', 'GET', 'tags'),
    at('interfaces', 'GET', 'os-interface'),
    at('interface attach, net and port', 'POST', 'os-interface', { interfaceAttachment: { net_id: '00000000-0000-0000-0000-000000000000', port_id: '00000000-0000-0000-0000-000000000000' } }),
    at('interface show, unknown', 'GET', 'os-interface/00000000-0000-0000-0000-000000000000'),
    act('lock with a reason', { lock: { locked_reason: 'maintenance' } }),
    showUntil('server show, locked', () => true),
    act('stop while locked', { 'os-stop': null }),
    at('metadata while locked', 'PUT', 'metadata', { metadata: { a: '1' } }),
    act('unlock', { unlock: null }),
    act('rescue, unknown image', { rescue: { rescue_image_ref: '00000000-0000-0000-0000-000000000000' } }),
    act('rescue, unknown key', { rescue: { foo: 1 } }),
    act('rescue', { rescue: { adminPass: 'Rescue-Pass-1' } }),
    showUntil('server show until RESCUE', (s) => s === 'RESCUE'),
    act('rescue again', { rescue: null }),
    act('unrescue', { unrescue: null }),
    showUntil('server show until ACTIVE after unrescue', (s) => s === 'ACTIVE'),
    act('rebuild without an image', { rebuild: {} }),
    act('rebuild, unknown image', { rebuild: { imageRef: '00000000-0000-0000-0000-000000000000' } }),
    { ...act('rebuild', { rebuild: { imageRef: '' } }), body: (v: Record<string, string>) => ({ rebuild: { imageRef: v.image, name } }) },
    showUntil('server show until ACTIVE after rebuild', (s) => s === 'ACTIVE'),
    act('migrate (member: forbidden)', { migrate: null }),
    act('live migration (member: forbidden)', { 'os-migrateLive': { host: null, block_migration: 'auto' } }),
    act('evacuate while the host is up (admin)', { evacuate: {} }, 'admin'),
    act('shelve', { shelve: null }),
    showUntil('server show until SHELVED_OFFLOADED', (s) => s === 'SHELVED_OFFLOADED'),
    act('shelve again', { shelve: null }),
    act('shelve offload (member: forbidden)', { shelveOffload: null }),
    at('metadata while offloaded', 'PUT', 'metadata', { metadata: { a: '1' } }),
    act('unshelve', { unshelve: null }),
    showUntil('server show until ACTIVE after unshelve', (s) => s === 'ACTIVE'),
    { name: 'server delete', service: 'compute', method: 'DELETE', path: (v) => `servers/${v.server}`, headers: MV },
    { name: 'server show until gone', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV, until: (_b, st) => st === 404 },
  ],
};
