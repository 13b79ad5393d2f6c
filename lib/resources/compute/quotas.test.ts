import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { countByStatus, formatAmount, quotaBars, statusColors, parseCinderUsage, parseNeutronDetails, parseNovaDetail, parseNovaLimits, quotaSummary, quotaTone, usedFraction, type QuotaItem } from './quotas';

// Bodies as the real Zed cloud answers them (captured from the realcloud).
const nova = { quota_set: { id: 'p', cores: { limit: 20, in_use: 2, reserved: 0 }, instances: { limit: 10, in_use: 1, reserved: 1 }, key_pairs: { limit: 100, in_use: 0, reserved: 0 }, ram: { limit: 51200, in_use: 2048, reserved: 0 } } };
const cinder = { quota_set: { volumes: { limit: 10, in_use: 3, reserved: 0 }, per_volume_gigabytes: { limit: -1, in_use: 0, reserved: 0 }, snapshots: { limit: 10, in_use: 0, reserved: 0 }, gigabytes: { limit: -1, in_use: 12, reserved: 0 }, volumes___DEFAULT__: { limit: -1, in_use: 0, reserved: 0 }, id: 'p' } };
const neutron = { quota: { network: { limit: 100, used: 1, reserved: 0 }, subnet: { limit: 100, used: 1, reserved: 0 }, port: { limit: 500, used: 1, reserved: 0 }, router: { limit: 10, used: 1, reserved: 0 }, floatingip: { limit: 50, used: 0, reserved: 0 }, security_group: { limit: 10, used: 10, reserved: 0 } } };

describe('quota parsers', () => {
  it('reads Nova quota-set details (in_use, reserved)', () => {
    expect(parseNovaDetail(nova).map((i) => ({ ...i, label: en(i.label) }))).toEqual([
      { id: 'instances', label: 'Instances', unit: 'count', used: 1, reserved: 1, limit: 10 },
      { id: 'cores', label: 'vCPUs', unit: 'count', used: 2, reserved: 0, limit: 20 },
      { id: 'ram', label: 'RAM', unit: 'MiB', used: 2048, reserved: 0, limit: 51200 },
    ]);
  });
  it('reads Nova /limits without reservations', () => {
    const body = { limits: { rate: [], absolute: { maxTotalInstances: 10, totalInstancesUsed: 4, maxTotalCores: -1, totalCoresUsed: 8, maxTotalRAMSize: 51200, totalRAMUsed: 1024 } } };
    const items = parseNovaLimits(body);
    expect(items.map((i) => [i.id, en(i.label), i.used, i.limit, i.reserved])).toEqual([
      ['instances', 'Instances', 4, 10, undefined],
      ['cores', 'vCPUs', 8, -1, undefined],
      ['ram', 'RAM', 1024, 51200, undefined],
    ]);
  });
  it('reads Cinder usage=true and skips per-type keys', () => {
    expect(parseCinderUsage(cinder).map((i) => [i.id, en(i.label), i.used, i.limit])).toEqual([
      ['volumes', 'Volumes', 3, 10],
      ['gigabytes', 'Volume storage', 12, -1],
      ['snapshots', 'Volume snapshots', 0, 10],
    ]);
  });
  it('reads Neutron quota details (used, not in_use)', () => {
    expect(parseNeutronDetails(neutron).map((i) => [i.id, en(i.label), i.used, i.limit])).toEqual([
      ['floatingip', 'Floating IPs', 0, 50],
      ['network', 'Networks', 1, 100],
      ['router', 'Routers', 1, 10],
      ['security_group', 'Security groups', 10, 10],
      ['port', 'Ports', 1, 500],
    ]);
  });
  it('rejects a body of another shape', () => {
    expect(() => parseNeutronDetails(nova)).toThrow();
  });
});

const q = (used: number, limit: number, reserved?: number, unit: QuotaItem['unit'] = 'count'): QuotaItem => ({ id: 'x', label: 'compute.quota.labels.instances', unit, used, limit, reserved });

describe('quota summaries', () => {
  it.each([
    [q(3, 10), '3 of 10 used (30%)', 'ok'],
    [q(3, 10, 1), '3 of 10 used (40%), 1 reserved', 'ok'],
    [q(8, 10), '8 of 10 used (80%)', 'warn'],
    [q(10, 10), '10 of 10 used (100%)', 'full'],
    [q(5, -1), '5 used, unlimited', 'ok'],
    [q(0, 0), '0 of 0 used (0%)', 'ok'],
    [q(2048, 51200, 0, 'MiB'), '2 GiB of 50 GiB used (4%)', 'ok'],
  ] as const)('%o -> %s', (item, text, tone) => {
    expect(en(quotaSummary(item))).toBe(text);
    expect(quotaTone(item)).toBe(tone);
  });
  it('fractions', () => {
    expect(usedFraction(q(1, -1))).toBeNull();
    expect(usedFraction(q(1, 0))).toBe(1);
    expect(usedFraction(q(12, 10))).toBeCloseTo(1.2);
  });
  it('formats amounts', () => {
    expect(formatAmount(512, 'MiB')).toBe('512 MiB');
    expect(formatAmount(1536, 'MiB')).toBe('1.5 GiB');
    expect(formatAmount(40, 'GiB')).toBe('40 GiB');
    expect(formatAmount(1024, 'MiB')).toBe('1 GiB');
    expect(formatAmount(51200, 'count')).toBe('51200');
  });
  it('formats amounts in the page\'s locale', () => {
    expect(formatAmount(1536, 'MiB', 'de')).toBe('1,5 GiB');
    expect(formatAmount(2048, 'MiB', 'de')).toBe('2 GiB');
  });
});

describe('countByStatus', () => {
  it('counts and orders by frequency', () => {
    const rows = ['ACTIVE', 'SHUTOFF', 'ACTIVE', 'ERROR'];
    expect(countByStatus(rows, (s) => ({ label: s, tone: s === 'ERROR' ? 'error' : 'ok' }))).toEqual([
      { label: 'ACTIVE', tone: 'ok', count: 2 },
      { label: 'ERROR', tone: 'error', count: 1 },
      { label: 'SHUTOFF', tone: 'ok', count: 1 },
    ]);
  });
});

describe('chart data', () => {
  const item = (used: number, limit: number, reserved?: number): QuotaItem => ({ id: 'x', label: 'compute.quota.labels.instances', unit: 'count', used, limit, reserved });
  it('splits a bar into used, reserved and free percent of the limit', () => {
    expect(quotaBars([item(2, 10, 3)])).toEqual([{ used: 20, reserved: 30, free: 50 }]);
  });
  it('caps an over-quota bar at 100 % used and leaves unlimited and zero limits empty', () => {
    expect(quotaBars([item(12, 10, 1), item(5, -1), item(0, 0), item(1, 0)])).toEqual([
      { used: 100, reserved: 0, free: 0 },
      { used: 0, reserved: 0, free: 0 },
      { used: 0, reserved: 0, free: 0 },
      { used: 100, reserved: 0, free: 0 },
    ]);
  });
  it('gives statuses sharing a tone different shades of its hue', () => {
    const c = statusColors([{ tone: 'ok' }, { tone: 'busy' }, { tone: 'ok' }, { tone: 'nonsense' }]);
    expect(c[0]).not.toBe(c[2]);
    expect(new Set(c).size).toBe(4);
    expect(c[3]).toBe(statusColors([{ tone: 'unknown' }])[0]);
  });
});
