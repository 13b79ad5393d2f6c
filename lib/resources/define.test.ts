import { describe, expect, it } from 'vitest';
import { flavorDefinition } from './compute/flavor';
import { z } from 'zod';
import { ageColumn, choices, define, deleteAction, idColumn, nameColumn, nameFilter, nameOrId, rest, rowNames, statusColumn, statusFilter, YES_NO } from './define';
import { floatingIpDefinition } from './network/floating-ip';
import { securityGroupDefinition } from './network/security-group';
import { securityGroupDependents } from './network/dependents';
import { SUBNET_ACTIONS } from './network/subnet';
import { VOLUME_ACTIONS, volumeDependents } from './volume/volume';

interface Row {
  id: string;
  name: string;
  status: string;
}
const row = (id: string, name = id, status = 'ACTIVE'): Row => ({ id, name, status });
const admin = { isAdmin: true };
const member = { isAdmin: false };

const del = (over: Partial<Parameters<typeof deleteAction<Row>>[0]> = {}) =>
  deleteAction<Row>({ noun: 'key pair', path: (r) => `os-keypairs/${r.id}`, cli: (r) => `openstack keypair delete ${r.id}`, body: (rs) => `Bye ${rowNames(rs, nameOrId)}.`, ...over });

describe('rowNames', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'].map((n) => row(`id-${n}`, n));
  it('joins every name by default', () => expect(rowNames(rows, (r) => r.name)).toBe('a, b, c, d, e'));
  it('cuts after max names and says how many more', () => {
    expect(rowNames(rows, (r) => r.name, 3)).toBe('a, b, c and 2 more');
    expect(rowNames(rows.slice(0, 3), (r) => r.name, 3)).toBe('a, b, c');
    expect(rowNames([], (r: Row) => r.name, 3)).toBe('');
  });
  it('nameOrId falls back to the id for unnamed objects', () => {
    expect(nameOrId({ id: 'x1', name: '' })).toBe('x1');
    expect(nameOrId({ id: 'x1', name: null })).toBe('x1');
    expect(nameOrId({ id: 'x1', name: 'web' })).toBe('web');
  });
});

describe('deleteAction', () => {
  it('is the destructive bulk `delete` with a DELETE of the item path', () => {
    const a = del();
    expect(a).toMatchObject({ id: 'delete', label: 'Delete', bulk: true, destructive: true });
    expect(a.request(row('k1'))).toEqual({ method: 'DELETE', path: 'os-keypairs/k1' });
    expect(a.cli(row('k1'))).toBe('openstack keypair delete k1');
  });
  it('titles one row with the noun and several with their count', () => {
    const c = del().confirm!;
    expect(c.title([row('a')])).toBe('Delete key pair?');
    expect(c.title([row('a'), row('b'), row('c')])).toBe('Delete 3 key pairs?');
    expect(c.body([row('a'), row('b', '')])).toBe('Bye a, b.');
    expect(c).toMatchObject({ confirmLabel: 'Delete', destructive: true });
  });
  it('is always offered unless the kind says otherwise', () => {
    expect(del().allowed(row('a', 'a', 'deleting'), member)).toBe(true);
    const adminsOnly = del({ allowed: (_r, user) => user.isAdmin });
    expect(adminsOnly.allowed(row('a'), admin)).toBe(true);
    expect(adminsOnly.allowed(row('a'), member)).toBe(false);
  });
  it('carries the optimistic row and the dependents, and declares neither when not given', () => {
    const dependents = async (rows: readonly Row[]) => rows.map((r) => `${r.name} is in use`);
    const a = del({ optimistic: (r) => ({ ...r, status: 'deleting' }), dependents });
    expect(a.optimistic?.(row('a'))).toEqual({ id: 'a', name: 'a', status: 'deleting' });
    expect(a.confirm?.dependents).toBe(dependents);
    const plain = del();
    expect('optimistic' in plain).toBe(false);
    expect('dependents' in plain.confirm!).toBe(false);
  });
  it('words the button, title and confirmation with another verb, keeping the id', () => {
    const a = del({ verb: 'Release', noun: 'floating IP' });
    expect(a.id).toBe('delete');
    expect(a.label).toBe('Release');
    expect(a.confirm?.title([row('a'), row('b')])).toBe('Release 2 floating IPs?');
    expect(a.confirm?.confirmLabel).toBe('Release');
  });
  it('can be offered one row at a time', () => expect(del({ bulk: false }).bulk).toBe(false));
});

describe('column builders', () => {
  it('give the standard id, label and cell', () => {
    const value = (r: Row) => r.name;
    expect(nameColumn(value)).toEqual({ id: 'name', label: 'Name', value, cell: 'name' });
    expect(statusColumn(value)).toEqual({ id: 'status', label: 'Status', value, cell: 'status' });
    expect(ageColumn(value)).toEqual({ id: 'age', label: 'Created', value, cell: 'age' });
    expect(idColumn(value)).toEqual({ id: 'id', label: 'ID', value, cell: 'mono', hidden: true });
  });
  it('take the kind\'s sort key and overrides', () => {
    expect(nameColumn((r: Row) => r.name, { sortKey: 'display_name' }).sortKey).toBe('display_name');
    expect(ageColumn((r: Row) => r.id, { label: 'Age', hidden: true })).toMatchObject({ id: 'age', label: 'Age', cell: 'age', hidden: true });
    expect(idColumn((r: Row) => r.id, { hidden: false, sensitive: 'projectId' })).toMatchObject({ hidden: false, sensitive: 'projectId' });
    expect(nameColumn((r: Row) => r.name).sortKey).toBeUndefined();
  });
});

describe('filters', () => {
  it('offer the API values as they are', () => {
    expect(nameFilter).toEqual({ id: 'name', label: 'Name', type: 'text' });
    expect(choices(['ACTIVE', 'ERROR'])).toEqual([{ value: 'ACTIVE', label: 'ACTIVE' }, { value: 'ERROR', label: 'ERROR' }]);
    expect(statusFilter(['ACTIVE'])).toEqual({ id: 'status', label: 'Status', type: 'select', options: [{ value: 'ACTIVE', label: 'ACTIVE' }] });
    expect(YES_NO.map((o) => o.value)).toEqual(['true', 'false']);
  });
});

// The definitions built with the helpers say what they said before (end-to-end tests select by these texts).
describe('definitions using the helpers', () => {
  it('flavors: admins only, the flavor wording', () => {
    const a = flavorDefinition.actions!.find((x) => x.id === 'delete')!;
    const f = { id: 'f1', name: 'm1.small', vcpus: 1, ram: 512, disk: 1 };
    expect(a.allowed(f, member)).toBe(false);
    expect(a.request(f)).toEqual({ method: 'DELETE', path: 'flavors/f1' });
    expect(a.confirm?.title([f])).toBe('Delete flavor?');
    expect(a.confirm?.body([f, { ...f, name: 'm1.big' }])).toBe('This deletes the flavors m1.small, m1.big. Existing instances keep running; no new ones can use them.');
  });

  it('volumes: the optimistic status, the dependents, names cut after three', () => {
    const a = VOLUME_ACTIONS.find((x) => x.id === 'delete')!;
    const v = (id: string, name: string | null = id) => ({ id, name, status: 'available', size: 1 });
    expect(a.optimistic?.(v('v1'))).toMatchObject({ status: 'deleting' });
    expect(a.confirm?.dependents).toBe(volumeDependents);
    expect(a.confirm?.body(['a', 'b', 'c', 'd'].map((n) => v(n)))).toBe(
      'This permanently destroys a, b, c and 1 more and the data on them. Cinder refuses while a volume is attached or has snapshots.',
    );
    expect(a.confirm?.body([v('v9', null)])).toMatch(/^This permanently destroys v9 and the data on it\./);
  });

  it('floating IPs are released, by address', () => {
    const a = floatingIpDefinition.actions!.find((x) => x.id === 'delete')!;
    const fip = { id: 'f1', floating_ip_address: '203.0.113.7', floating_network_id: 'ext', status: 'DOWN' };
    expect(a.label).toBe('Release');
    expect(a.request(fip)).toEqual({ method: 'DELETE', path: 'v2.0/floatingips/f1' });
    expect(a.cli(fip)).toBe('openstack floating ip delete 203.0.113.7');
    expect(a.confirm?.title([fip])).toBe('Release floating IP?');
    expect(a.confirm?.body([fip])).toMatch(/^203\.0\.113\.7 goes back to the pool; another project may get it next\./);
    expect(a.confirm?.confirmLabel).toBe('Release');
  });

  it('security groups: not the default group, dependents from Neutron', () => {
    const a = securityGroupDefinition.actions!.find((x) => x.id === 'delete')!;
    const g = { id: 'g1', name: 'default', security_group_rules: [] };
    expect(a.allowed(g, admin)).toBe(false);
    expect(a.allowed({ ...g, name: 'web' }, admin)).toBe(true);
    expect(a.confirm?.dependents).toBe(securityGroupDependents);
    expect(a.confirm?.title([g, g])).toBe('Delete 2 security groups?');
  });

  it('subnets: one at a time, named with their range', () => {
    const [a] = SUBNET_ACTIONS;
    const s = { id: 's1', name: '', network_id: 'n1', ip_version: 4 as const, cidr: '10.0.0.0/24', dns_nameservers: [], allocation_pools: [] };
    expect(a.bulk).toBe(false);
    expect(a.confirm?.title([s])).toBe('Delete subnet?');
    expect(a.confirm?.body([{ ...s, name: 'app' }])).toBe('This deletes app (10.0.0.0/24). Neutron refuses while a port still has an address from it.');
    expect(a.cli(s)).toBe('openstack subnet delete s1');
  });
});

describe('rest', () => {
  it('derives the item path and the list key from the collection', () => {
    const r = rest({ service: 'network' }, 'v2.0/networks', 'network');
    expect(r.service).toBe('network');
    expect(r.headers).toBeUndefined();
    expect(r.paths.list).toBe('v2.0/networks');
    expect(r.paths.item('n1')).toBe('v2.0/networks/n1');
    expect(r.keys).toEqual({ list: 'networks', item: 'network' });
  });
  it('takes another list path and key, and encodes ids that are names', () => {
    const r = rest({ service: 'compute', headers: { 'OpenStack-API-Version': 'compute 2.79' } }, 'os-keypairs', 'keypair', { list: 'os-keypairs?limit=5', listKey: 'keypairs', encodeId: true });
    expect(r.headers).toEqual({ 'OpenStack-API-Version': 'compute 2.79' });
    expect(r.paths.list).toBe('os-keypairs?limit=5');
    expect(r.paths.item('a b/c')).toBe('os-keypairs/a%20b%2Fc');
    expect(r.keys.list).toBe('keypairs');
  });
});

describe('define', () => {
  const base = { kind: 'k', slug: 'ks', label: { singular: 'K', plural: 'Ks' }, ...rest({ service: 's' }, 'ks', 'k'), columns: [], cli: { list: 'l', show: () => 's' } };
  it('fills in id and name from the row, a missing name as empty', () => {
    const d = define<{ id: string; name?: string | null }>({ ...base, schema: z.object({ id: z.string(), name: z.string().nullish() }) });
    expect(d.id({ id: 'x', name: 'n' })).toBe('x');
    expect(d.name({ id: 'x', name: 'n' })).toBe('n');
    expect(d.name({ id: 'x', name: null })).toBe('');
  });
  it('keeps the ones a kind gives', () => {
    const d = define<{ uuid: string; host: string }>({ ...base, schema: z.object({ uuid: z.string(), host: z.string() }), id: (r) => r.uuid, name: (r) => r.host });
    expect(d.id({ uuid: 'u', host: 'h' })).toBe('u');
    expect(d.name({ uuid: 'u', host: 'h' })).toBe('h');
  });
});
