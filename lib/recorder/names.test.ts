import { describe, expect, it } from 'vitest';
import { idsIn, idsOfCall, uniqueNames, withNames } from './names';

const A = '0a1b2c3d-0000-4000-8000-000000000001';
const B = '0a1b2c3d-0000-4000-8000-000000000002';
const K = 'abcdefabcdefabcdefabcdefabcdef12';

describe('idsIn', () => {
  it('finds whole-word ids and the flavor after --flavor', () => {
    expect(idsIn(`openstack server create --image ${A} --flavor m1 --network ${K} web`)).toEqual([A, K, 'm1']);
  });
  it('leaves ids inside a word (a block device mapping)', () => {
    expect(idsIn(`openstack server create --block-device 'uuid=${A},boot_index=0' web`)).toEqual([]);
  });
});

describe('withNames', () => {
  const names = new Map([
    [A, { kind: 'image', name: 'cirros 0.6' }],
    [B, { kind: 'project', name: 'demo' }],
    ['1', { kind: 'flavor', name: 'm1.tiny' }],
  ]);
  it('swaps ids the CLI resolves by name, quoting the name', () => {
    expect(withNames(`openstack server create --image ${A} --flavor 1 web`, names)).toBe("openstack server create --image 'cirros 0.6' --flavor m1.tiny web");
  });
  it('keeps ids of kinds the CLI does not resolve by name here, and short ids outside --flavor', () => {
    expect(withNames(`openstack x --project ${B} --size 1`, names)).toBe(`openstack x --project ${B} --size 1`);
  });
});

describe('uniqueNames', () => {
  it('only names that one object of its kind holds, and that are not ids or numbers', () => {
    const objs = [
      { kind: 'server', id: A, name: 'web' },
      { kind: 'server', id: B, name: 'web' },
      { kind: 'network', id: K, name: 'private' },
      { kind: 'network', id: K, name: 'private' },
      { kind: 'volume', id: 'v1', name: A },
      { kind: 'flavor', id: '2', name: '42' },
      { kind: 'volume', id: 'v2', name: '' },
    ];
    expect(uniqueNames(objs, new Set([A, B, K, 'v1', '2', 'v2']))).toEqual({ [K]: { kind: 'network', name: 'private' } });
  });
});

it('idsOfCall reads the CLI line, the path, the body and the flavorRef', () => {
  expect(idsOfCall(undefined, `servers/${A}/action`, { server: { flavorRef: '7', networks: [{ uuid: K }] } }).sort()).toEqual([A, K, '7'].sort());
});
