import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { cellText } from '@/lib/resources/cells';
import type { CellValue } from '../types';
import { createCli, editCli, formatBytes, formatBytesExact, guessDiskFormat, imageDefinition, imagePatch, imageProperties, imageStatus, ImageEditSchema, nameFromFile, parseProperties, type Image } from './image';

/** A cell or overview value as an English page shows it. */
const shown = (v: CellValue) => cellText(v, (t) => en(t)!);

const image: Image = {
  id: '5f0e7c1e-0000-4000-8000-000000000001', name: 'cirros', status: 'active', visibility: 'private', protected: false,
  created_at: '2026-01-01T00:00:00Z', min_disk: 0, min_ram: 0, size: 1024, os_distro: 'cirros', hw_disk_bus: 'virtio',
} as Image;

describe('guessDiskFormat', () => {
  it.each([
    ['cirros-0.6.2-x86_64-disk.qcow2', 'qcow2'],
    ['CIRROS.QCOW2', 'qcow2'],
    ['disk.img', 'raw'],
    ['disk.raw', 'raw'],
    ['disk.raw.gz', 'raw'],
    ['ubuntu-22.04-live-server-amd64.iso', 'iso'],
    ['win.vmdk', 'vmdk'],
    ['win.vhd', 'vhd'],
    ['win.vhdx', 'vhdx'],
    ['box.vdi', 'vdi'],
    ['image.qcow2.xz', 'qcow2'],
    ['notes.txt', undefined],
    ['noextension', undefined],
    ['', undefined],
  ])('%s -> %s', (name, format) => {
    expect(guessDiskFormat(name)).toBe(format);
  });
  it('derives the image name from the file name', () => {
    expect(nameFromFile('cirros-0.6.2.qcow2')).toBe('cirros-0.6.2');
    expect(nameFromFile('disk.raw.gz')).toBe('disk');
    expect(nameFromFile('readme')).toBe('readme');
  });
});

describe('imageStatus', () => {
  it.each([
    ['queued', 'busy'], ['saving', 'busy'], ['importing', 'busy'], ['uploading', 'busy'], ['pending_delete', 'busy'],
    ['active', 'ok'], ['killed', 'error'], ['deactivated', 'unknown'], ['deleted', 'unknown'],
  ])('%s is %s', (status, tone) => {
    expect(imageStatus({ ...image, status }).tone).toBe(tone);
  });
});

describe('properties', () => {
  it('separates extra properties from base attributes', () => {
    expect(imageProperties(image)).toEqual([['hw_disk_bus', 'virtio'], ['os_distro', 'cirros']]);
  });
  it.each([
    ['a=1\n\n b = 2 \n# comment', { ok: true, value: { a: '1', b: '2' } }],
    ['a=', { ok: true, value: { a: '' } }],
    ['x=y=z', { ok: true, value: { x: 'y=z' } }],
    ['novalue', { ok: false, error: 'Line 1: write key=value' }],
    ['a=1\na=2', { ok: false, error: 'Line 2: "a" appears twice' }],
    ['min_disk=3', { ok: false, error: 'Line 1: "min_disk" is an image attribute, not a property' }],
    ['bad key=1', { ok: false, error: 'Line 1: "bad key" is not a valid property name (letters, digits, _ . : -)' }],
  ])('%j', (text, result) => {
    const r = parseProperties(text);
    expect(r.ok ? r : { ok: false, error: en(r.error) }).toEqual(result);
  });
});

describe('imagePatch', () => {
  const edit = { name: 'cirros', visibility: 'private' as const, protected: false, min_disk: 0, min_ram: 0, properties: 'hw_disk_bus=virtio\nos_distro=cirros' };
  it('is empty when nothing changed', () => {
    expect(imagePatch(image, edit)).toEqual([]);
  });
  it('replaces changed attributes and adds, replaces and removes properties', () => {
    const ops = imagePatch(image, { ...edit, name: 'new', protected: true, min_disk: 2, properties: 'os_distro=ubuntu\nos_version=22.04' });
    expect(ops).toEqual([
      { op: 'replace', path: '/name', value: 'new' },
      { op: 'replace', path: '/protected', value: true },
      { op: 'replace', path: '/min_disk', value: 2 },
      { op: 'replace', path: '/os_distro', value: 'ubuntu' },
      { op: 'add', path: '/os_version', value: '22.04' },
      { op: 'remove', path: '/hw_disk_bus' },
    ]);
    expect(editCli(image, ops)).toBe(
      `openstack image set --name new --protected --min-disk 2 --property os_distro=ubuntu --property os_version=22.04 --remove-property hw_disk_bus ${image.id}`,
    );
  });
  it('keeps namespaced keys as one pointer segment', () => {
    expect(imagePatch(image, { ...edit, properties: `${edit.properties}\nhw:cpu_policy=dedicated` })).toEqual([{ op: 'add', path: '/hw:cpu_policy', value: 'dedicated' }]);
  });
});

describe('ImageEditSchema', () => {
  it('reports field errors', () => {
    const r = ImageEditSchema.safeParse({ name: ' ', visibility: 'private', protected: false, min_disk: '-1', min_ram: 'x', properties: 'oops' });
    expect(r.success).toBe(false);
    const fields = Object.fromEntries((r.error?.issues ?? []).map((i) => [String(i.path[0]), en(i.message)]));
    expect(fields).toEqual({ name: 'Enter a name', min_disk: 'Cannot be negative', min_ram: 'Enter the minimum RAM (MiB)', properties: 'Write one key=value a line' });
    // The form shows the problem with its line (a zod message takes no values).
    const p = parseProperties('oops');
    expect(p.ok ? undefined : en(p.error)).toBe('Line 1: write key=value');
  });
});

describe('createCli', () => {
  it('uploads a file or imports a URL', () => {
    const input = { name: 'my image', disk_format: 'qcow2' as const, container_format: 'bare' as const, visibility: 'private' as const, protected: false, min_disk: 1, min_ram: 0 };
    expect(createCli(input, { file: 'a.qcow2' })).toBe(`openstack image create --disk-format qcow2 --container-format bare --private --min-disk 1 --file a.qcow2 'my image'`);
    expect(createCli(input, { url: 'http://x/a.img' })).toBe(
      `openstack image create --disk-format qcow2 --container-format bare --private --min-disk 1 --import --import-method web-download --uri http://x/a.img 'my image'`,
    );
  });
});

describe('sizes and values', () => {
  it.each([
    [512, '512 B'],
    [1024, '1.0 KiB'],
    [1.5 * 1024 ** 2, '1.5 MiB'],
    [9.96 * 1024 ** 2, '10.0 MiB'],
    [1023.6 * 1024 ** 2, '1024 MiB'],
    [20 * 1024 ** 3, '20 GiB'],
  ])('formatBytes(%i) = %s', (n, text) => {
    expect(en(formatBytes(n))).toBe(text);
  });
  it('gives the exact count on the overview, nothing for no size', () => {
    expect(en(formatBytesExact(1572864))).toBe('1.5 MiB (1572864 bytes)');
    expect(formatBytes(null)).toBe('');
    expect(formatBytesExact(undefined)).toBe('');
  });
  it('words the owner, protected and hidden', () => {
    const def = imageDefinition('p1');
    const column = (id: string) => def.columns.find((c) => c.id === id)!;
    const field = (label: string) => def.overview!.find((f) => f.label === label)!;
    const ctx = { lookups: {} };
    expect(shown(column('owner').value({ ...image, owner: 'p1' }, ctx))).toBe('this project');
    expect(column('owner').value({ ...image, owner: 'p2' }, ctx)).toBe('p2');
    expect(shown(column('protected').value({ ...image, protected: true }, ctx))).toBe('Yes');
    expect(shown(field('kinds.image.fields.hidden').value(image, ctx))).toBe('No');
    expect(shown(field('kinds.image.fields.size').value(image, ctx))).toBe('1.0 KiB (1024 bytes)');
    expect(shown(field('kinds.image.fields.minRam').value({ ...image, min_ram: 64 }, ctx))).toBe('64 MiB');
  });
});
