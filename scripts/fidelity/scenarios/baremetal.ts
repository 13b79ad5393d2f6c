import type { Scenario, Vars } from '../types';

// The Ironic calls Stratus makes (as admin; Ironic is admin-only), at the dashboard's microversion 1.78.
const MV = { 'X-OpenStack-Ironic-API-Version': '1.78' };
const NAME = `fid-bm-${process.pid}`;
type Obj = Record<string, unknown>;
const node = (b: unknown) => b as Obj;
const state = (want: string) => (b: unknown, s: number) => s === 200 && node(b).provision_state === want && node(b).target_provision_state === null;

export const baremetal: Scenario = {
  name: 'baremetal',
  service: 'baremetal',
  calls: [
    { name: 'version root', as: 'admin', service: 'baremetal', path: '' },
    { name: 'v1 document', as: 'admin', service: 'baremetal', path: 'v1', headers: MV },
    { name: 'unsupported microversion', as: 'admin', service: 'baremetal', path: 'v1/nodes', headers: { 'X-OpenStack-Ironic-API-Version': '1.99' } },
    { name: 'node list (member: none visible)', service: 'baremetal', path: 'v1/nodes', headers: MV },
    { name: 'node create (member: forbidden)', service: 'baremetal', method: 'POST', path: 'v1/nodes', headers: MV, body: { driver: 'fake-hardware', name: `${NAME}-x` } },
    { name: 'driver list (member: forbidden)', service: 'baremetal', path: 'v1/drivers', headers: MV },
    {
      name: 'node create', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/nodes', headers: MV,
      body: { driver: 'fake-hardware', name: NAME, properties: { cpus: 2, memory_mb: 1024, local_gb: 10, cpu_arch: 'x86_64' }, resource_class: 'baremetal' },
      capture: (b, _h, v) => (v.node = String(node(b).uuid)),
    },
    { name: 'node create, no driver', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/nodes', headers: MV, body: { name: `${NAME}-y` } },
    { name: 'node create, unknown driver', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/nodes', headers: MV, body: { driver: 'nope', name: `${NAME}-y` } },
    { name: 'node create, duplicate name', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/nodes', headers: MV, body: { driver: 'fake-hardware', name: NAME } },
    { name: 'node list', as: 'admin', service: 'baremetal', path: 'v1/nodes', headers: MV },
    { name: 'node list (detail)', as: 'admin', service: 'baremetal', path: 'v1/nodes/detail', headers: MV },
    { name: 'node list, limit 1', as: 'admin', service: 'baremetal', path: 'v1/nodes?limit=1', headers: MV },
    { name: 'node list, filter enroll', as: 'admin', service: 'baremetal', path: 'v1/nodes?provision_state=enroll&fields=uuid,name,provision_state', headers: MV },
    { name: 'node list, bad provision_state', as: 'admin', service: 'baremetal', path: 'v1/nodes?provision_state=bogus', headers: MV },
    { name: 'node show', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV },
    { name: 'node show at 1.1', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}` },
    { name: 'node show, unknown', as: 'admin', service: 'baremetal', path: 'v1/nodes/3f3f3f3f-1111-4111-8111-111111111111', headers: MV },
    { name: 'node states', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}/states`, headers: MV },
    { name: 'node validate', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}/validate`, headers: MV },
    {
      name: 'node patch', as: 'admin', service: 'baremetal', method: 'PATCH', path: (v) => `v1/nodes/${v.node}`, headers: MV,
      body: [{ op: 'add', path: '/extra/rack', value: 'r1' }, { op: 'replace', path: '/properties/cpus', value: 4 }],
    },
    { name: 'node patch, internal field', as: 'admin', service: 'baremetal', method: 'PATCH', path: (v) => `v1/nodes/${v.node}`, headers: MV, body: [{ op: 'replace', path: '/provision_state', value: 'active' }] },
    { name: 'deploy an enroll node', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'active' } },
    { name: 'provision, no target', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: {} },
    { name: 'port create, invalid MAC', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/ports', headers: MV, body: (v: Vars) => ({ node_uuid: v.node, address: 'zz:11' }) },
    { name: 'port create, unknown node', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/ports', headers: MV, body: { node_uuid: '3f3f3f3f-1111-4111-8111-111111111111', address: '52:54:00:fe:fe:01' } },
    {
      name: 'port create', as: 'admin', service: 'baremetal', method: 'POST', path: 'v1/ports', headers: MV,
      body: (v: Vars) => ({ node_uuid: v.node, address: `52:54:00:fd:${(process.pid & 0xff).toString(16).padStart(2, '0')}:01` }),
      capture: (b, _h, v) => (v.port = String(node(b).uuid)),
    },
    { name: 'port list', as: 'admin', service: 'baremetal', path: (v) => `v1/ports?node_uuid=${v.node}`, headers: MV },
    { name: 'port list (detail)', as: 'admin', service: 'baremetal', path: (v) => `v1/ports/detail?node_uuid=${v.node}`, headers: MV },
    { name: 'node ports', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}/ports`, headers: MV },
    { name: 'port show', as: 'admin', service: 'baremetal', path: (v) => `v1/ports/${v.port}`, headers: MV },
    { name: 'manage', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'manage' } },
    { name: 'node reaches manageable', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV, until: state('manageable') },
    { name: 'provide', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'provide' } },
    { name: 'node reaches available', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV, until: state('available') },
    { name: 'power on', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/power`, headers: MV, body: { target: 'power on' } },
    { name: 'power, bad target', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/power`, headers: MV, body: { target: 'bogus' } },
    { name: 'node powered on', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV, until: (b, s) => s === 200 && node(b).power_state === 'power on' && node(b).target_power_state === null },
    { name: 'maintenance set', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/maintenance`, headers: MV, body: { reason: 'fidelity' } },
    { name: 'deploy in maintenance', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'active' } },
    { name: 'maintenance unset', as: 'admin', service: 'baremetal', method: 'DELETE', path: (v) => `v1/nodes/${v.node}/maintenance`, headers: MV },
    { name: 'deploy', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'active' } },
    { name: 'node reaches active', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV, until: state('active') },
    { name: 'manage an active node', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'manage' } },
    { name: 'delete an active node', as: 'admin', service: 'baremetal', method: 'DELETE', path: (v) => `v1/nodes/${v.node}`, headers: MV },
    { name: 'undeploy', as: 'admin', service: 'baremetal', method: 'PUT', path: (v) => `v1/nodes/${v.node}/states/provision`, headers: MV, body: { target: 'deleted' } },
    { name: 'node back to available', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV, until: state('available') },
    { name: 'driver list', as: 'admin', service: 'baremetal', path: 'v1/drivers', headers: MV },
    { name: 'driver show', as: 'admin', service: 'baremetal', path: 'v1/drivers/fake-hardware', headers: MV },
    { name: 'conductor list', as: 'admin', service: 'baremetal', path: 'v1/conductors', headers: MV },
    { name: 'port delete', as: 'admin', service: 'baremetal', method: 'DELETE', path: (v) => `v1/ports/${v.port}`, headers: MV },
    { name: 'node delete', as: 'admin', service: 'baremetal', method: 'DELETE', path: (v) => `v1/nodes/${v.node}`, headers: MV },
    { name: 'node show after delete', as: 'admin', service: 'baremetal', path: (v) => `v1/nodes/${v.node}`, headers: MV },
  ],
};
