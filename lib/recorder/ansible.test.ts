import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ansiblePlaybook, taskFor } from './ansible';
import { LAUNCH_AND_ATTACH } from './fixtures';
import { namesOf, type RecordedCall } from './recording';

const CTX = { cloud: 'demo', project: 'demo', region: 'RegionOne', at: '2026-12-07T09:00:00.000Z' };

type Play = { hosts: string; vars: Record<string, string>; module_defaults: Record<string, Record<string, string>>; tasks: Record<string, unknown>[] };

describe('ansiblePlaybook', () => {
  const text = ansiblePlaybook(LAUNCH_AND_ATTACH, CTX);
  const [play] = parse(text) as Play[];
  it('runs on localhost against the clouds.yaml cloud for every openstack.cloud module', () => {
    expect(play.hosts).toBe('localhost');
    expect(play.vars).toEqual({ cloud: 'demo', region: 'RegionOne' });
    expect(play.module_defaults['group/openstack.cloud.openstack']).toEqual({ cloud: '{{ cloud }}', region_name: '{{ region }}' });
  });
  it('maps launch, volume and attach to the collection modules, by name', () => {
    expect(play.tasks).toEqual([
      {
        name: 'Create server web 1',
        'openstack.cloud.server': { name: 'web 1', image: 'cirros', flavor: 'm1.tiny', nics: [{ 'net-name': 'private' }], auto_ip: false, security_groups: ['default'], wait: true },
      },
      { name: "Create volume data's", 'openstack.cloud.volume': { name: "data's", size: 1 } },
      { name: "Attach volume data's to web 1", 'openstack.cloud.server_volume': { server: 'web 1', volume: "data's" } },
    ]);
  });
  it('an unmapped call is a commented task naming its CLI line', () => {
    const calls: RecordedCall[] = [{ at: 1, method: 'POST', service: 'compute', path: 'servers/s/action', body: { reboot: { type: 'SOFT' } }, cli: 'openstack server reboot s', outcome: 'sent' }];
    const out = ansiblePlaybook(calls, CTX);
    expect(out).toContain('    # - name: "Not expressed by an openstack.cloud module: openstack server reboot s"');
    expect((parse(out) as Play[])[0].tasks).toEqual([]);
  });
  it('a router restates the interfaces added in the recording', () => {
    const calls: RecordedCall[] = [
      { at: 1, method: 'POST', service: 'network', path: 'v2.0/routers', body: { router: { name: 'r', external_gateway_info: { network_id: 'ext' } } }, outcome: 'sent', created: { key: 'router', id: 'rid', name: 'r' }, names: { ext: { kind: 'network', name: 'public' } } },
      { at: 2, method: 'PUT', service: 'network', path: 'v2.0/routers/rid/add_router_interface', body: { subnet_id: 'sid' }, outcome: 'sent', names: { sid: { kind: 'subnet', name: 'web-sub' } } },
      { at: 3, method: 'PUT', service: 'network', path: 'v2.0/routers/other/add_router_interface', body: { subnet_id: 'sid' }, outcome: 'sent' },
    ];
    const [p] = parse(ansiblePlaybook(calls, CTX)) as Play[];
    expect(p.tasks.map((t) => t['openstack.cloud.router'])).toEqual([{ name: 'r', network: 'public' }, { name: 'r', network: 'public', interfaces: ['web-sub'] }]);
  });
  it("a call sent to another region (a row of an 'All regions' list) names it on its task", () => {
    const calls: RecordedCall[] = [
      { at: 1, method: 'POST', service: 'volumev3', path: 'volumes', body: { volume: { name: 'a', size: 1 } }, outcome: 'sent' },
      { at: 2, method: 'POST', service: 'volumev3', path: 'volumes', body: { volume: { name: 'b', size: 1 } }, region: 'RegionTwo', outcome: 'sent' },
    ];
    const [p] = parse(ansiblePlaybook(calls, CTX)) as Play[];
    expect(p.tasks.map((t) => t['openstack.cloud.volume'])).toEqual([{ name: 'a', size: 1 }, { name: 'b', size: 1, region_name: 'RegionTwo' }]);
  });
  it('values are YAML-safe (quotes, colons, braces)', () => {
    const calls: RecordedCall[] = [{ at: 1, method: 'POST', service: 'volumev3', path: 'volumes', body: { volume: { name: 'a: {b}', size: 2, description: "it's #1\nnext" } }, outcome: 'sent' }];
    const [p] = parse(ansiblePlaybook(calls, CTX)) as Play[];
    expect(p.tasks[0]['openstack.cloud.volume']).toEqual({ name: 'a: {b}', size: 2, description: "it's #1\nnext" });
  });
});

describe('taskFor', () => {
  const names = namesOf(LAUNCH_AND_ATTACH);
  it.each([
    ['a server deleted', { method: 'DELETE', service: 'compute', path: 'servers/33333333-3333-4333-8333-333333333333' }, { 'openstack.cloud.server': { name: 'web 1', state: 'absent' } }],
    ['a network', { method: 'POST', service: 'network', path: 'v2.0/networks', body: { network: { name: 'n', admin_state_up: true } } }, { 'openstack.cloud.network': { name: 'n', admin_state_up: true } }],
    [
      'a subnet',
      { method: 'POST', service: 'network', path: 'v2.0/subnets', body: { subnet: { name: 's', network_id: '22222222-2222-4222-8222-222222222222', cidr: '10.0.0.0/24', ip_version: 4, enable_dhcp: true } } },
      { 'openstack.cloud.subnet': { name: 's', network: 'private', cidr: '10.0.0.0/24', ip_version: 4, is_dhcp_enabled: true } },
    ],
    ['a server of several (not expressible)', { method: 'POST', service: 'compute', path: 'servers', body: { server: { name: 'x', min_count: 2 } } }, undefined],
    ['a generated key pair (not replayable)', { method: 'POST', service: 'compute', path: 'os-keypairs', body: { keypair: { name: 'k' } } }, undefined],
  ])('%s', (_what, call, want) => {
    const task = taskFor({ at: 1, outcome: 'sent', ...call } as RecordedCall, names);
    expect(task ? { [task.module]: task.params } : undefined).toEqual(want);
  });
});
