import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { serverDefinition, serverStatus, launchProblems, defaultFlavor, type Server } from './compute/server';
import { flavorDefinition } from './compute/flavor';
import { keypairDefinition } from './compute/keypair';
import { parseItem, parseList, SchemaError } from './schema';
import { en } from '@/lib/testing/english';
import type { Text } from '@/lib/i18n/msg';

/** Each problem as it reads in English. */
const english = (problems: Partial<Record<string, Text>>) => Object.fromEntries(Object.entries(problems).map(([k, v]) => [k, en(v)]));

const server = (over: Record<string, unknown> = {}) => ({
  id: 'a1', name: 'web-1', status: 'ACTIVE', 'OS-EXT-STS:task_state': null, flavor: { original_name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
  image: { id: 'img-1' }, addresses: { private: [{ addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }] }, created: '2026-01-01T00:00:00Z', extra_field: 42, ...over,
});

describe('schema errors name the failing path', () => {
  it.each([
    ['a missing id in the third server', { servers: [server(), server(), server({ id: undefined })] }, 'servers[2].id'],
    ['a wrong type deep inside', { servers: [server({ addresses: { private: [{ addr: 5 }] } })] }, 'servers[0].addresses.private[0].addr'],
    ['no list at all', { server: [] }, 'servers'],
  ])('%s', (_n, body, path) => {
    let err: unknown;
    try {
      parseList(serverDefinition.schema, body, 'servers', 'compute servers/detail');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(SchemaError);
    expect((err as SchemaError).issues[0].path).toBe(path);
    expect((err as SchemaError).message).toContain('compute servers/detail');
    expect((err as SchemaError).message).toContain(path);
  });
  it('keeps unknown fields (loose objects)', () => {
    const [s] = parseList(serverDefinition.schema, { servers: [server()] }, 'servers', 'x');
    expect((s as Record<string, unknown>).extra_field).toBe(42);
  });
  it('reads an item under its key', () => {
    expect(() => parseItem(z.looseObject({ id: z.string() }), { server: {} }, 'server', 'compute servers/x')).toThrow(/server\.id/);
  });
  it('unwraps key pairs from their list shape', () => {
    const rows = parseList(keypairDefinition.listSchema!, { keypairs: [{ keypair: { name: 'k1', fingerprint: 'aa' } }] }, 'keypairs', 'x');
    expect(rows[0]).toMatchObject({ name: 'k1', fingerprint: 'aa' });
  });
});

describe('server status', () => {
  it.each([
    [{}, 'ACTIVE', 'ok'],
    [{ status: 'BUILD', 'OS-EXT-STS:task_state': 'spawning' }, 'BUILD (spawning)', 'busy'],
    [{ status: 'SHUTOFF' }, 'SHUTOFF', 'ok'],
    [{ 'OS-EXT-STS:task_state': 'powering-off' }, 'ACTIVE (powering-off)', 'busy'],
    [{ status: 'REBOOT' }, 'REBOOT', 'busy'],
    [{ 'OS-EXT-STS:task_state': 'deleting' }, 'Deleting', 'busy'],
    [{ status: 'ERROR', fault: { message: 'No valid host was found.' } }, 'ERROR', 'error'],
    [{ status: 'UNKNOWN' }, 'UNKNOWN', 'unknown'],
  ])('%j -> %s (%s)', (over, label, tone) => {
    const s = serverDefinition.schema.parse(server(over)) as Server;
    const status = serverStatus(s);
    expect({ label: en(status.label), tone: status.tone }).toEqual({ label, tone });
  });
  it('actions follow Nova state rules', () => {
    const active = serverDefinition.schema.parse(server()) as Server;
    const off = serverDefinition.schema.parse(server({ status: 'SHUTOFF' })) as Server;
    const allowed = (s: Server) => serverDefinition.actions!.filter((a) => a.allowed(s, { isAdmin: false })).map((a) => a.id);
    expect(allowed(active)).toEqual(['stop', 'reboot-soft', 'reboot-hard', 'pause', 'suspend', 'shelve', 'delete']);
    expect(allowed(off)).toEqual(['start', 'reboot-hard', 'shelve', 'delete']);
  });
});

describe('launch checks', () => {
  const flavors = [
    { id: '1', name: 'm1.tiny', vcpus: 1, ram: 512, disk: 1 },
    { id: '2', name: 'm1.small', vcpus: 1, ram: 2048, disk: 20 },
    { id: 'f', name: 'fail-flavor', vcpus: 1, ram: 256, disk: 1 },
  ];
  const limits = { instances: 7, cores: 17, ram: 40000 };
  it.each([
    ['fits', { count: 1, source: 'image' as const }, flavors[1], { min_disk: 3 }, {}],
    ['disk too small', { count: 1, source: 'image' as const }, flavors[0], { min_disk: 3 }, { flavorId: expect.stringContaining('3 GiB') }],
    ['ram too small', { count: 1, source: 'image' as const }, flavors[0], { min_ram: 1024 }, { flavorId: expect.stringContaining('1024 MiB') }],
    ['too many instances', { count: 8, source: 'image' as const }, flavors[0], {}, { count: expect.stringContaining('7 more') }],
    ['too much RAM', { count: 5, source: 'image' as const }, { ...flavors[1], ram: 9000 }, {}, { count: expect.stringContaining('RAM') }],
    ['boot volume too small', { count: 1, source: 'volume' as const, volumeSize: 2 }, flavors[0], { min_disk: 3 }, { volumeSize: expect.stringContaining('3 GiB') }],
  ])('%s', (_n, input, flavor, image, expected) => {
    expect(english(launchProblems(input, flavor, image, limits))).toEqual(expected);
  });
  it('defaults to the smallest flavor that fits', () => {
    expect(defaultFlavor(flavors, { min_disk: 0 })?.name).toBe('m1.tiny');
    expect(defaultFlavor(flavors, { min_disk: 3 })?.name).toBe('m1.small');
  });
});

describe('declarations', () => {
  const defs = [serverDefinition, flavorDefinition, keypairDefinition];
  it('have unique kinds and slugs, unique column ids, and a CLI for every action', () => {
    expect(new Set(defs.map((d) => d.slug)).size).toBe(defs.length);
    expect(new Set(defs.map((d) => d.kind)).size).toBe(defs.length);
    for (const d of defs) {
      expect(new Set(d.columns.map((c) => c.id)).size).toBe(d.columns.length);
      if (d.defaultSort) expect(d.columns.map((c) => c.id)).toContain(d.defaultSort.column);
    }
    const s = serverDefinition.schema.parse(server()) as Server;
    for (const a of serverDefinition.actions!) expect(a.cli(s)).toMatch(/^openstack server /);
  });
});
