import { describe, expect, it } from 'vitest';
import type { Text } from '@/lib/i18n/msg';
import { en } from '@/lib/testing/english';
import type { AnyDefinition } from '../types';
import { listQuery } from '../hooks';
import { allInstancesDefinition, computeServiceDefinition, ComputeServiceSchema, HypervisorSchema, hypervisorDefinition, ofTotal, sizeOfTotal } from './compute';
import { projectAdminDefinition, userAdminDefinition } from './identity';

describe('admin compute views', () => {
  it('pins the hypervisor microversion below 2.88 (which dropped the usage fields)', () => {
    expect(hypervisorDefinition.headers?.['OpenStack-API-Version']).toBe('compute 2.87');
  });
  it.each([
    [3, 8, '3 of 8 (38%)'],
    [0, 0, '0 of 0 (0%)'],
    [undefined, 8, ''],
    [null, null, ''],
  ] as const)('ofTotal(%s, %s)', (used, total, want) => expect(en(ofTotal(used, total))).toBe(want));
  it.each([
    [256, 512, 'MiB', '256 MiB of 512 MiB (50%)'],
    [512, 2048, 'MiB', '512 MiB of 2 GiB (25%)'],
    [12800, 65536, 'MiB', '12.5 GiB of 64 GiB (20%)'],
    [262144, 524288, 'MiB', '256 GiB of 512 GiB (50%)'],
    [1572864, 2097152, 'MiB', '1.5 TiB of 2 TiB (75%)'],
    [40, 2048, 'GiB', '40 GiB of 2 TiB (2%)'],
    [512, 1536, 'MiB', '512 MiB of 1.5 GiB (33%)'],
    [10, 100, 'GiB', '10 GiB of 100 GiB (10%)'],
    [null, 2048, 'MiB', ''],
  ] as const)('sizeOfTotal(%s, %s %s): memory and disk in GiB/TiB, never raw MiB', (used, total, unit, want) => expect(en(sizeOfTotal(used, total, unit))).toBe(want));
  it('accepts integer (< 2.53) and UUID hypervisor ids, and bodies without usage (2.88+)', () => {
    expect(HypervisorSchema.parse({ id: 1, hypervisor_hostname: 'h', state: 'up', status: 'enabled' }).id).toBe('1');
    const h = HypervisorSchema.parse({ id: 'b1e43b5f-eec1-44e0-9f10-7b4945c0226d', hypervisor_hostname: 'h', state: 'down', status: 'disabled', uptime: null });
    const status = hypervisorDefinition.status!(h);
    expect({ ...status, label: en(status.label) }).toEqual({ label: 'down (disabled)', tone: 'error' });
    expect(hypervisorDefinition.columns.find((c) => c.id === 'vcpus')!.value(h, { lookups: {} })).toBe('');
  });
  it('adds list parameters after the fixed all_tenants=1', () => {
    expect(listQuery(allInstancesDefinition, { filters: { name: 'web' }, limit: 50 })).toBe('servers/detail?all_tenants=1&name=web&limit=50');
    expect(listQuery(allInstancesDefinition, { filters: {} })).toBe('servers/detail?all_tenants=1');
  });
  it('words states and names in the catalog, the API\'s own values as they are', () => {
    const up = HypervisorSchema.parse({ id: 1, hypervisor_hostname: 'h', state: 'up', status: 'enabled' });
    expect(hypervisorDefinition.status!(up).label).toBe('up');
    const svc = ComputeServiceSchema.parse({ id: 1, binary: 'nova-compute', host: 'c1', status: 'enabled', state: 'up', forced_down: true });
    expect(en(computeServiceDefinition.status!(svc).label)).toBe('forced down');
    expect(en(computeServiceDefinition.status!({ ...svc, forced_down: false, status: 'disabled' }).label)).toBe('up (disabled)');
    expect([hypervisorDefinition, computeServiceDefinition, allInstancesDefinition, projectAdminDefinition, userAdminDefinition].map((d) => en(d.label.plural))).toEqual([
      'Hypervisors',
      'Compute services',
      'All instances',
      'Projects',
      'Users',
    ]);
    const project = { id: 'p', name: 'demo', domain_id: 'default', enabled: false };
    expect(en(projectAdminDefinition.status!(project).label)).toBe('disabled');
    expect(en(userAdminDefinition.status!({ ...project, enabled: undefined }).label)).toBe('enabled');
  });
  it('words the state and enabled columns as the badges do (sorting and export read the words)', () => {
    const cell = (def: AnyDefinition, id: string, row: unknown) => en(def.columns.find((c) => c.id === id)!.value(row, { lookups: {} }) as Text);
    const svc = ComputeServiceSchema.parse({ id: 1, binary: 'nova-compute', host: 'c1', status: 'enabled', state: 'up', forced_down: true });
    expect(cell(computeServiceDefinition, 'state', svc)).toBe('forced down');
    expect(cell(computeServiceDefinition, 'state', { ...svc, forced_down: false, status: 'disabled' })).toBe('up (disabled)');
    expect(cell(computeServiceDefinition, 'state', { ...svc, forced_down: false })).toBe('up');
    expect(cell(hypervisorDefinition, 'state', HypervisorSchema.parse({ id: 1, hypervisor_hostname: 'h', state: 'down', status: 'enabled' }))).toBe('down (enabled)');
    const project = { id: 'p', name: 'demo', domain_id: 'default', enabled: false };
    expect(cell(projectAdminDefinition, 'enabled', project)).toBe('disabled');
    expect(cell(userAdminDefinition, 'enabled', { ...project, enabled: true })).toBe('enabled');
  });
});
