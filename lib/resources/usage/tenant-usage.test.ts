import { describe, expect, it } from 'vitest';
import { instanceUsages, nextMarker, presetDays, TenantUsageSchema, usageCsv, usagePath, usagePeriod, usageTotals } from './tenant-usage';

const NOW = Date.parse('2026-12-07T03:30:00Z');

describe('usage period', () => {
  it('presets are whole UTC days, this month up to today', () => {
    expect(presetDays('month', NOW)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetDays('lastMonth', NOW)).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(presetDays('last7', NOW)).toEqual({ from: '2026-12-01', to: '2026-12-07' });
    expect(presetDays('lastMonth', Date.parse('2027-01-15T00:00:00Z'))).toEqual({ from: '2026-12-01', to: '2026-12-31' });
  });
  it('ends a period that includes today now, and a past one at the end of its last day', () => {
    expect(usagePeriod('2026-12-01', '2026-12-07', NOW)).toEqual({ start: '2026-12-01T00:00:00', end: '2026-12-07T03:30:00' });
    expect(usagePeriod('2026-11-01', '2026-11-30', NOW)).toEqual({ start: '2026-11-01T00:00:00', end: '2026-12-01T00:00:00' });
  });
  it('says what is wrong with a period, on its field', () => {
    expect(usagePeriod('', '2026-12-01', NOW)).toEqual({ error: 'usage.errors.from', field: 'from' });
    expect(usagePeriod('2026-12-02', '2026-12-01', NOW)).toEqual({ error: 'usage.errors.order', field: 'to' });
    expect(usagePeriod('2027-01-01', '2027-01-02', NOW)).toEqual({ error: 'usage.errors.future', field: 'from' });
  });
  it('asks Nova for the project and follows its next link by marker', () => {
    expect(usagePath('p1', { start: 'a', end: 'b' }, 'm 1')).toBe('os-simple-tenant-usage/p1?start=a&end=b&marker=m%201');
    expect(nextMarker({ tenant_usage: {}, tenant_usage_links: [{ rel: 'next', href: 'http://n/v2.1/os-simple-tenant-usage/p1?end=x&marker=abc&start=y' }] })).toBe('abc');
    expect(nextMarker({ tenant_usage: {} })).toBeUndefined();
  });
});

describe('usage per instance', () => {
  // Zed's answer for a period without usage is an empty tenant_usage.
  it('reads an empty period', () => {
    expect(TenantUsageSchema.parse({ tenant_usage: {} }).tenant_usage.server_usages).toBeUndefined();
  });
  const rows = instanceUsages([
    { instance_id: 'a', name: 'web, "1"', hours: 2, vcpus: 2, memory_mb: 512, local_gb: 10, flavor: 'm1.small', state: 'active' },
    { instance_id: 'b', name: '=cmd', hours: 0.5, vcpus: 1, memory_mb: 2048, local_gb: 1, flavor: 'm1.nano', state: 'terminated' },
  ]);
  it('multiplies hours by what the flavor held, RAM in GiB', () => {
    expect(rows[0]).toMatchObject({ vcpuHours: 4, ramGbHours: 1, diskGbHours: 20 });
    expect(usageTotals(rows)).toEqual({ instances: 2, hours: 2.5, vcpuHours: 4.5, ramGbHours: 2, diskGbHours: 20.5 });
  });
  it('writes CSV with quoting and spreadsheet formulas defused', () => {
    const csv = usageCsv(rows).split('\r\n');
    expect(csv[0]).toBe('instance_id,name,state,flavor,vcpus,ram_mb,disk_gb,hours,vcpu_hours,ram_gb_hours,disk_gb_hours');
    expect(csv[1]).toBe('a,"web, ""1""",active,m1.small,2,512,10,2,4,1,20');
    expect(csv[2]).toBe("b,'=cmd,terminated,m1.nano,1,2048,1,0.5,0.5,1,0.5");
    expect(csv[3]).toBe('');
  });
});
