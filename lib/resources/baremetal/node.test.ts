import type { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { issueMsg } from '@/lib/i18n/issue';
import { maintenanceOnCli, maintenanceOnRequest, NODE_ACTIONS, nodeCreateCli, nodeCreateRequest, NodeCreateSchema, nodeStatus, type Node } from './node';
import { MAC_RE, portCreateCli, portCreateRequest, PortCreateSchema } from './port';

/** The form's field errors in English: zod's issues keyed by their whole path ("driverInfo.0.key"), the first per path. */
function pathErrors(error: z.ZodError): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const i of error.issues) out[i.path.join('.')] ??= en(issueMsg(i.message));
  return out;
}

const base = { name: 'bm-1', driver: 'fake-hardware', driverInfo: [] as { key: string; value: string }[], cpus: '', memory_mb: '', local_gb: '', cpu_arch: '', resource_class: '' };
const n = (extra: Partial<Node>): Node => ({ uuid: 'u-1', name: 'bm-1', provision_state: 'available', power_state: 'power off', maintenance: false, ...extra });

describe('NodeCreateSchema', () => {
  it('needs a driver and whole-number properties', () => {
    const r = NodeCreateSchema.safeParse({ ...base, driver: '', cpus: 'abc', memory_mb: '-1' });
    expect(r.success).toBe(false);
    const e = pathErrors(r.error!);
    expect(e.driver).toBe('Choose a driver');
    expect(e.cpus).toMatch(/whole number/);
    expect(e.memory_mb).toMatch(/whole number/);
  });

  it('rejects names Ironic refuses and driver_info values without a key or with duplicate keys', () => {
    const r = NodeCreateSchema.safeParse({ ...base, name: 'has space', driverInfo: [{ key: '', value: 'x' }, { key: 'a', value: '1' }, { key: 'a', value: '2' }] });
    const e = pathErrors(r.error!);
    expect(e.name).toMatch(/Letters/);
    expect(e['driverInfo.0.key']).toMatch(/Enter a key/);
    expect(e['driverInfo.2.key']).toMatch(/Duplicate/);
    expect(pathErrors(NodeCreateSchema.safeParse({ ...base, name: '8f1c0b7e-4e2a-4a57-9a43-1a2b3c4d5e6f' }).error!).name).toMatch(/UUID/);
  });

  it('builds the POST body with numbers and only what was given', () => {
    const i = NodeCreateSchema.parse({ ...base, driverInfo: [{ key: 'ipmi_address', value: '10.0.0.5' }, { key: '', value: '' }], cpus: '8', memory_mb: '16384', cpu_arch: 'x86_64', resource_class: 'baremetal' });
    expect(nodeCreateRequest(i)).toEqual({
      method: 'POST', path: 'v1/nodes',
      body: { driver: 'fake-hardware', name: 'bm-1', driver_info: { ipmi_address: '10.0.0.5' }, properties: { cpus: 8, memory_mb: 16384, cpu_arch: 'x86_64' }, resource_class: 'baremetal' },
    });
    expect(nodeCreateRequest(NodeCreateSchema.parse({ ...base, name: '' })).body).toEqual({ driver: 'fake-hardware' });
    expect(nodeCreateCli(i)).toBe(
      'openstack baremetal node create --driver fake-hardware --name bm-1 --driver-info ipmi_address=10.0.0.5 --property cpus=8 --property memory_mb=16384 --property cpu_arch=x86_64 --resource-class baremetal',
    );
  });
});

describe('nodeStatus', () => {
  it.each([
    [n({}), 'available', 'ok'],
    [n({ provision_state: 'deploying', target_provision_state: 'active' }), 'deploying → active', 'busy'],
    [n({ target_power_state: 'power on' }), 'available (power on…)', 'busy'],
    [n({ provision_state: 'deploy failed', target_provision_state: 'active', last_error: 'Timeout' }), 'deploy failed', 'error'],
    [n({ provision_state: 'clean failed', target_provision_state: 'manageable' }), 'clean failed', 'error'],
  ])('%j', (node, label, tone) => {
    expect(nodeStatus(node)).toMatchObject({ label, tone });
  });
  it('carries last_error as detail', () => {
    expect(nodeStatus(n({ provision_state: 'deploy failed', last_error: 'boom' })).detail).toBe('boom');
  });
});

describe('node actions', () => {
  const offered = (node: Node) => NODE_ACTIONS.filter((a) => a.allowed(node, { isAdmin: true })).map((a) => a.id);
  it('offers what the state machine allows', () => {
    expect(offered(n({ provision_state: 'enroll', power_state: null }))).toEqual(['manage', 'power-on', 'delete']);
    expect(offered(n({ provision_state: 'active', power_state: 'power on', instance_uuid: 'i' }))).toEqual(['rebuild', 'undeploy', 'power-off', 'power-reboot']);
    expect(offered(n({ provision_state: 'available', maintenance: true }))).toEqual(['manage', 'power-on', 'maintenance-off', 'delete']);
  });
  it('sends Ironic targets and shows ironicclient commands', () => {
    const deploy = NODE_ACTIONS.find((a) => a.id === 'deploy')!;
    expect(deploy.request(n({}))).toEqual({ method: 'PUT', path: 'v1/nodes/u-1/states/provision', body: { target: 'active' } });
    expect(deploy.cli(n({}))).toBe('openstack baremetal node deploy u-1');
    const clean = NODE_ACTIONS.find((a) => a.id === 'clean')!;
    expect(clean.request(n({ provision_state: 'manageable' })).body).toEqual({ target: 'clean', clean_steps: [{ interface: 'deploy', step: 'erase_devices_metadata' }] });
    const off = NODE_ACTIONS.find((a) => a.id === 'power-off')!;
    expect(off.request(n({}))).toEqual({ method: 'PUT', path: 'v1/nodes/u-1/states/power', body: { target: 'power off' } });
    expect(off.cli(n({}))).toBe('openstack baremetal node power off u-1');
  });
  it('maintenance on carries the reason', () => {
    expect(maintenanceOnRequest(n({}), ' disk swap ')).toEqual({ method: 'PUT', path: 'v1/nodes/u-1/maintenance', body: { reason: 'disk swap' } });
    expect(maintenanceOnCli(n({}), "Bob's disk")).toBe(`openstack baremetal node maintenance set --reason 'Bob'\\''s disk' u-1`);
  });
});

describe('ports', () => {
  it.each([['52:54:00:12:34:56', true], ['52:54:00:AB:cd:EF', true], ['52-54-00-12-34-56', false], ['zz:11:22:33:44:55', false], ['52:54:00:12:34', false]])('%s valid=%s', (mac, ok) => {
    expect(MAC_RE.test(mac)).toBe(ok);
    expect(PortCreateSchema.safeParse({ address: mac }).success).toBe(ok);
  });
  it('lower-cases the MAC and shows the CLI', () => {
    expect(portCreateRequest('u-1', ' 52:54:00:AB:CD:EF ').body).toEqual({ address: '52:54:00:ab:cd:ef', node_uuid: 'u-1' });
    expect(portCreateCli('u-1', '52:54:00:ab:cd:ef')).toBe('openstack baremetal port create 52:54:00:ab:cd:ef --node u-1');
  });
});

describe('optimistic rows', () => {
  it('show the state a verb aims at, so the row is busy at once', () => {
    const provide = NODE_ACTIONS.find((a) => a.id === 'provide')!;
    const row = provide.optimistic!(n({ provision_state: 'manageable' }));
    expect(nodeStatus(row)).toMatchObject({ label: 'manageable → available', tone: 'busy' });
    const undeploy = NODE_ACTIONS.find((a) => a.id === 'undeploy')!;
    expect(undeploy.optimistic!(n({ provision_state: 'active' })).target_provision_state).toBe('available');
  });
});
