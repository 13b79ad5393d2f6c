import type { Scenario } from '../types';

// The calls Stratus makes to Nova (microversion 2.79, as lib/openstack/microversions.ts pins it).
const MV = { 'OpenStack-API-Version': 'compute 2.79', 'X-OpenStack-Nova-API-Version': '2.79' };
const name = `fidelity-srv-${process.pid}`;
type Obj = Record<string, unknown>;
const status = (b: unknown) => ((b as { server?: { status?: string } })?.server?.status ?? '');

export const compute: Scenario = {
  name: 'compute',
  service: 'compute',
  calls: [
    { name: 'version document', service: 'compute', path: '' },
    { name: 'flavor list (detail)', service: 'compute', path: 'flavors/detail', headers: MV, capture: (b, _h, v) => (v.tiny = ((b as { flavors: Obj[] }).flavors.find((f) => f.name === 'm1.tiny')?.id as string) ?? '') },
    { name: 'flavor show', service: 'compute', path: (v) => `flavors/${v.tiny}`, headers: MV },
    { name: 'flavor show, unknown', service: 'compute', path: 'flavors/does-not-exist', headers: MV },
    { name: 'flavor create (member: forbidden)', service: 'compute', method: 'POST', path: 'flavors', headers: MV, body: { flavor: { name: 'fidelity-flavor', ram: 64, vcpus: 1, disk: 0 } } },
    { name: 'limits', service: 'compute', path: 'limits', headers: MV },
    { name: 'availability zones', service: 'compute', path: 'os-availability-zone', headers: MV },
    { name: 'keypair list', service: 'compute', path: 'os-keypairs', headers: MV },
    { name: 'server groups', service: 'compute', path: 'os-server-groups', headers: MV },
    { name: 'hypervisors (member: forbidden)', service: 'compute', path: 'os-hypervisors', headers: MV },
    { name: 'hypervisors detail (admin)', as: 'admin', service: 'compute', path: 'os-hypervisors/detail', headers: MV },
    { name: 'services (admin)', as: 'admin', service: 'compute', path: 'os-services', headers: MV },
    { name: 'image lookup', service: 'image', path: 'v2/images?name=cirros', capture: (b, _h, v) => (v.image = ((b as { images: Obj[] }).images[0]?.id as string) ?? '') },
    { name: 'network lookup', service: 'network', path: 'v2.0/networks?name=private', capture: (b, _h, v) => (v.net = ((b as { networks: Obj[] }).networks[0]?.id as string) ?? '') },
    {
      name: 'server create', service: 'compute', method: 'POST', path: 'servers', headers: MV,
      body: (v: Record<string, string>) => ({ server: { name, imageRef: v.image, flavorRef: v.tiny, networks: [{ uuid: v.net }], metadata: { purpose: 'fidelity' } } }),
      capture: (b, _h, v) => (v.server = (b as { server: { id: string } }).server.id),
    },
    { name: 'server create without networks (2.37+)', service: 'compute', method: 'POST', path: 'servers', headers: MV, body: (v: Record<string, string>) => ({ server: { name, imageRef: v.image, flavorRef: v.tiny } }) },
    { name: 'server create, unknown flavor', service: 'compute', method: 'POST', path: 'servers', headers: MV, body: (v: Record<string, string>) => ({ server: { name, imageRef: v.image, flavorRef: 'nope', networks: 'none' } }) },
    { name: 'server show until ACTIVE', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV, until: (b) => status(b) !== 'BUILD' },
    { name: 'server list', service: 'compute', path: 'servers', headers: MV },
    { name: 'server list detail', service: 'compute', path: 'servers/detail', headers: MV },
    { name: 'server list detail, limit 1', service: 'compute', path: 'servers/detail?limit=1', headers: MV },
    { name: 'server show (admin)', as: 'admin', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV },
    { name: 'server show (latest)', service: 'compute', path: (v) => `servers/${v.server}`, headers: { 'OpenStack-API-Version': 'compute latest' } },
    { name: 'server show, unknown', service: 'compute', path: 'servers/00000000-0000-0000-0000-000000000000', headers: MV },
    { name: 'unsupported microversion', service: 'compute', path: 'servers', headers: { 'OpenStack-API-Version': 'compute 2.94' } },
    { name: 'server update', service: 'compute', method: 'PUT', path: (v) => `servers/${v.server}`, headers: MV, body: { server: { description: 'updated' } } },
    { name: 'start an ACTIVE server', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { 'os-start': null } },
    { name: 'unknown action', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { 'os-bogus': null } },
    { name: 'malformed JSON', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, rawBody: '{"os-start' },
    { name: 'stop', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { 'os-stop': null } },
    { name: 'server show until SHUTOFF', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV, until: (b) => status(b) === 'SHUTOFF' },
    { name: 'start', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { 'os-start': null } },
    { name: 'server show until ACTIVE again', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV, until: (b) => status(b) === 'ACTIVE' },
    { name: 'instance actions', service: 'compute', path: (v) => `servers/${v.server}/os-instance-actions`, headers: MV, capture: (b, _h, v) => (v.req = ((b as { instanceActions: Obj[] }).instanceActions.at(-1)?.request_id as string) ?? '') },
    { name: 'instance action show', service: 'compute', path: (v) => `servers/${v.server}/os-instance-actions/${v.req}`, headers: MV },
    { name: 'volume attachments', service: 'compute', path: (v) => `servers/${v.server}/os-volume_attachments`, headers: MV },
    { name: 'console output', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { 'os-getConsoleOutput': { length: 5 } } },
    { name: 'server list, marker page', service: 'compute', path: (v) => `servers?limit=1&marker=${v.server}`, headers: MV },
    { name: 'addSecurityGroup without a name', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { addSecurityGroup: {} } },
    { name: 'removeSecurityGroup default', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { removeSecurityGroup: { name: 'default' } } },
    { name: 'server show without groups', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV },
    { name: 'removeSecurityGroup default again', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { removeSecurityGroup: { name: 'default' } } },
    { name: 'addSecurityGroup default', service: 'compute', method: 'POST', path: (v) => `servers/${v.server}/action`, headers: MV, body: { addSecurityGroup: { name: 'default' } } },
    { name: 'server show with default again', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV },
    { name: 'server delete', service: 'compute', method: 'DELETE', path: (v) => `servers/${v.server}`, headers: MV },
    { name: 'server show until gone', service: 'compute', path: (v) => `servers/${v.server}`, headers: MV, until: (_b, st) => st === 404 },
  ],
};
