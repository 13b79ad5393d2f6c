import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { msg, type MsgKey } from '@/lib/i18n/msg';
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

// Any messages do: deleteAction only passes them on with their values (the kinds' own wording is tested below).
const TITLE = 'common.delete' as MsgKey;
const BODY = 'common.status' as MsgKey;
const del = (over: Partial<Parameters<typeof deleteAction<Row>>[0]> = {}) =>
  deleteAction<Row>({ title: TITLE, path: (r) => `os-keypairs/${r.id}`, cli: (r) => `openstack keypair delete ${r.id}`, body: (rs) => msg(BODY, rowNames(rs, nameOrId)), ...over });

describe('rowNames', () => {
  const rows = ['a', 'b', 'c', 'd', 'e'].map((n) => row(`id-${n}`, n));
  it('joins every name by default', () => expect(rowNames(rows, (r) => r.name)).toEqual({ names: 'a, b, c, d, e', more: 0 }));
  it('cuts after max names and counts how many more', () => {
    expect(rowNames(rows, (r) => r.name, 3)).toEqual({ names: 'a, b, c', more: 2 });
    expect(rowNames(rows.slice(0, 3), (r) => r.name, 3)).toEqual({ names: 'a, b, c', more: 0 });
    expect(rowNames([], (r: Row) => r.name, 3)).toEqual({ names: '', more: 0 });
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
    expect(a).toMatchObject({ id: 'delete', bulk: true, destructive: true });
    expect(en(a.label)).toBe('Delete');
    expect(a.request(row('k1'))).toEqual({ method: 'DELETE', path: 'os-keypairs/k1' });
    expect(a.cli(row('k1'))).toBe('openstack keypair delete k1');
  });
  it('titles the dialog with the kind\'s message of the count, and words the body with the rows\' names', () => {
    const c = del().confirm!;
    expect(c.title([row('a')])).toEqual(msg(TITLE, { count: 1 }));
    expect(c.title([row('a'), row('b'), row('c')])).toEqual(msg(TITLE, { count: 3 }));
    expect(c.body([row('a'), row('b', '')])).toEqual(msg(BODY, { names: 'a, b', more: 0 }));
    expect(c.destructive).toBe(true);
    expect(en(c.confirmLabel)).toBe('Delete');
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
  it('words the button and the confirmation with another verb, keeping the id', () => {
    const verb = 'common.cancel' as MsgKey;
    const a = del({ verb });
    expect(a.id).toBe('delete');
    expect(a.label).toBe(verb);
    expect(a.confirm?.confirmLabel).toBe(verb);
  });
  it('can be offered one row at a time', () => expect(del({ bulk: false }).bulk).toBe(false));
});

describe('column builders', () => {
  it('give the standard id, label and cell', () => {
    const value = (r: Row) => r.name;
    expect(nameColumn(value)).toMatchObject({ id: 'name', value, cell: 'name' });
    expect(statusColumn(value)).toMatchObject({ id: 'status', value, cell: 'status' });
    expect(ageColumn(value)).toMatchObject({ id: 'age', value, cell: 'age' });
    expect(idColumn(value)).toMatchObject({ id: 'id', value, cell: 'mono', hidden: true });
    expect([nameColumn(value), statusColumn(value), ageColumn(value), idColumn(value)].map((c) => en(c.label))).toEqual(['Name', 'Status', 'Created', 'ID']);
  });
  it('take the kind\'s sort key and overrides', () => {
    expect(nameColumn((r: Row) => r.name, { sortKey: 'display_name' }).sortKey).toBe('display_name');
    expect(ageColumn((r: Row) => r.id, { label: 'common.status', hidden: true })).toMatchObject({ id: 'age', label: 'common.status', cell: 'age', hidden: true });
    expect(idColumn((r: Row) => r.id, { hidden: false, sensitive: 'projectId' })).toMatchObject({ hidden: false, sensitive: 'projectId' });
    expect(nameColumn((r: Row) => r.name).sortKey).toBeUndefined();
  });
});

describe('filters', () => {
  it('offer the API values as they are', () => {
    expect(nameFilter).toMatchObject({ id: 'name', type: 'text' });
    expect(en(nameFilter.label)).toBe('Name');
    expect(choices(['ACTIVE', 'ERROR'])).toEqual([{ value: 'ACTIVE', label: 'ACTIVE' }, { value: 'ERROR', label: 'ERROR' }]);
    expect(statusFilter(['ACTIVE'])).toMatchObject({ id: 'status', type: 'select', options: [{ value: 'ACTIVE', label: 'ACTIVE' }] });
    expect(en(statusFilter(['ACTIVE']).label)).toBe('Status');
    expect(YES_NO.map((o) => o.value)).toEqual(['true', 'false']);
    expect(YES_NO.map((o) => en(o.label))).toEqual(['Yes', 'No']);
  });
});

// The definitions built with the helpers say what they said before (end-to-end tests select by these texts).
describe('definitions using the helpers', () => {
  it('flavors: admins only, the flavor wording', () => {
    const a = flavorDefinition.actions!.find((x) => x.id === 'delete')!;
    const f = { id: 'f1', name: 'm1.small', vcpus: 1, ram: 512, disk: 1 };
    expect(a.allowed(f, member)).toBe(false);
    expect(a.request(f)).toEqual({ method: 'DELETE', path: 'flavors/f1' });
    expect(en(a.confirm?.title([f]))).toBe('Delete flavor?');
    expect(en(a.confirm?.body([f, { ...f, name: 'm1.big' }]))).toBe('This deletes the flavors m1.small, m1.big. Existing instances keep running; no new ones can use them.');
  });

  it('volumes: the optimistic status, the dependents, names cut after three', () => {
    const a = VOLUME_ACTIONS.find((x) => x.id === 'delete')!;
    const v = (id: string, name: string | null = id) => ({ id, name, status: 'available', size: 1 });
    expect(a.optimistic?.(v('v1'))).toMatchObject({ status: 'deleting' });
    expect(a.confirm?.dependents).toBe(volumeDependents);
    expect(en(a.confirm?.body(['a', 'b', 'c', 'd'].map((n) => v(n))))).toBe(
      'This permanently destroys a, b, c and 1 more and the data on them. Cinder refuses while a volume is attached or has snapshots.',
    );
    expect(en(a.confirm?.body([v('v9', null)]))).toMatch(/^This permanently destroys v9 and the data on it\./);
  });

  it('floating IPs are released, by address', () => {
    const a = floatingIpDefinition.actions!.find((x) => x.id === 'delete')!;
    const fip = { id: 'f1', floating_ip_address: '203.0.113.7', floating_network_id: 'ext', status: 'DOWN' };
    expect(en(a.label)).toBe('Release');
    expect(a.request(fip)).toEqual({ method: 'DELETE', path: 'v2.0/floatingips/f1' });
    expect(a.cli(fip)).toBe('openstack floating ip delete 203.0.113.7');
    expect(en(a.confirm?.title([fip]))).toBe('Release floating IP?');
    expect(en(a.confirm?.body([fip]))).toMatch(/^203\.0\.113\.7 goes back to the pool; another project may get it next\./);
    expect(en(a.confirm?.confirmLabel)).toBe('Release');
  });

  it('security groups: not the default group, dependents from Neutron', () => {
    const a = securityGroupDefinition.actions!.find((x) => x.id === 'delete')!;
    const g = { id: 'g1', name: 'default', security_group_rules: [] };
    expect(a.allowed(g, admin)).toBe(false);
    expect(a.allowed({ ...g, name: 'web' }, admin)).toBe(true);
    expect(a.confirm?.dependents).toBe(securityGroupDependents);
    expect(en(a.confirm?.title([g, g]))).toBe('Delete 2 security groups?');
  });

  it('subnets: one at a time, named with their range', () => {
    const [a] = SUBNET_ACTIONS;
    const s = { id: 's1', name: '', network_id: 'n1', ip_version: 4 as const, cidr: '10.0.0.0/24', dns_nameservers: [], allocation_pools: [] };
    expect(a.bulk).toBe(false);
    expect(en(a.confirm?.title([s]))).toBe('Delete subnet?');
    expect(en(a.confirm?.body([{ ...s, name: 'app' }]))).toBe('This deletes app (10.0.0.0/24). Neutron refuses while a port still has an address from it.');
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
  const base = { kind: 'k', slug: 'ks', label: { singular: 'kinds.volume.singular', plural: 'kinds.volume.plural', noun: 'kinds.volume.noun' } as const, ...rest({ service: 's' }, 'ks', 'k'), columns: [], cli: { list: 'l', show: () => 's' } };
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
