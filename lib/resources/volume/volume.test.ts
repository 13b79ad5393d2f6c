import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { cellText } from '@/lib/resources/cells';
import type { CellValue } from '../types';
import { LINK_SLOT, overviewLinks, splitAtLink } from '../overview-links';
import { snapshotCreateRequest, snapshotStatus } from './snapshot';
import {
  explicitVolumeTypes,
  attachedLabel,
  bootFromVolumeBody,
  canAttach,
  canDetach,
  extendProblem,
  isBootable,
  remainingGigabytes,
  volumeCreateProblems,
  volumeCreateRequest,
  VolumeCreateSchema,
  VolumeSchema,
  volumeDefinition,
  volumeStatus,
  type Volume,
} from './volume';

/** A cell or overview value as an English page shows it. */
const shown = (v: CellValue) => cellText(v, (t) => en(t)!);

const vol = (over: Partial<Volume> = {}): Volume => VolumeSchema.parse({ id: 'v1', status: 'available', size: 2, ...over });

describe('volumeStatus', () => {
  it.each([
    ['available', 'ok'], ['in-use', 'ok'],
    ['creating', 'busy'], ['extending', 'busy'], ['attaching', 'busy'], ['detaching', 'busy'], ['deleting', 'busy'], ['backing-up', 'busy'],
    ['restoring-backup', 'busy'], ['uploading', 'busy'], ['retyping', 'busy'], ['downloading', 'busy'], ['reserved', 'busy'], ['maintenance', 'busy'],
    ['error', 'error'], ['error_deleting', 'error'], ['error_extending', 'error'], ['error_restoring', 'error'],
    ['weird', 'unknown'],
  ])('%s is %s', (status, tone) => {
    expect(volumeStatus({ status }).tone).toBe(tone);
  });
  it('snapshots: creating busy, available ok, error_deleting error', () => {
    expect(snapshotStatus({ status: 'creating' }).tone).toBe('busy');
    expect(snapshotStatus({ status: 'available' }).tone).toBe('ok');
    expect(snapshotStatus({ status: 'error_deleting' }).tone).toBe('error');
  });
});

describe('volume rules', () => {
  it('reads Cinder bootable strings', () => {
    expect(isBootable({ bootable: 'true' })).toBe(true);
    expect(isBootable({ bootable: 'false' })).toBe(false);
    expect(isBootable({ bootable: true })).toBe(true);
  });
  it('attach needs available (or multi-attach in-use); detach needs an attachment', () => {
    expect(canAttach(vol())).toBe(true);
    expect(canAttach(vol({ status: 'in-use' }))).toBe(false);
    expect(canAttach(vol({ status: 'in-use', multiattach: true }))).toBe(true);
    expect(canDetach(vol({ status: 'in-use', attachments: [{ server_id: 's1', device: '/dev/vdb' }] }))).toBe(true);
    expect(canDetach(vol())).toBe(false);
  });
  it('says yes or no for bootable, encrypted and multi-attach', () => {
    const ctx = { lookups: {} };
    const value = (label: string, v: Volume) => shown(volumeDefinition.overview!.find((f) => f.label === label)!.value(v, ctx));
    expect(value('kinds.volume.fields.bootable', vol({ bootable: 'true' }))).toBe('Yes');
    expect(value('kinds.volume.fields.encrypted', vol())).toBe('No');
    expect(value('kinds.volume.fields.multiattach', vol({ multiattach: true }))).toBe('Yes');
    expect(shown(volumeDefinition.columns.find((c) => c.id === 'bootable')!.value(vol(), ctx))).toBe('No');
  });
  it('labels attachments with server names and devices', () => {
    expect(attachedLabel(vol({ attachments: [{ server_id: 's1', device: '/dev/vdb' }, { server_id: 's2' }] }), { s1: 'web-1' }).map((l) => en(l))).toEqual(['web-1 on /dev/vdb', 's2']);
  });
  it('links each attached instance by name on the overview, the device around it, a host attachment unlinked', () => {
    const field = volumeDefinition.overview!.find((f) => f.label === 'kinds.volume.fields.attached')!;
    const v = vol({ attachments: [{ server_id: 's1', device: '/dev/vdb' }, { server_id: 's2' }, { host_name: 'node-3', device: '/dev/sdc' }] });
    const ctx = { lookups: { servers: { s1: 'web-1' } } };
    const links = overviewLinks(field, v, ctx)!;
    expect(links.map((l) => l.to)).toEqual([{ slug: 'instances', id: 's1' }, { slug: 'instances', id: 's2' }, undefined]);
    expect(links.map((l) => l.name)).toEqual(['web-1', 's2', 'node-3']);
    // The link stands where {name} is in the words: "<web-1> on /dev/vdb".
    expect(splitAtLink(en({ key: links[0].text!.key, values: { ...links[0].text!.values, name: LINK_SLOT } })!)).toEqual(['', ' on /dev/vdb']);
    // As text (any view without links): the same words.
    expect(shown(field.value(v, ctx))).toBe('web-1 on /dev/vdb, s2, node-3 on /dev/sdc');
    expect(overviewLinks(field, vol(), ctx)).toBeUndefined();
    expect(shown(field.value(vol(), ctx))).toBe('');
  });
});

describe('create', () => {
  const base = { name: 'd', description: '', source: 'empty', imageId: '', snapshotId: '', size: '2', volumeType: '', availabilityZone: '' };
  it.each([
    ['0', 'The size must be at least 1 GiB'],
    ['-3', 'The size must be at least 1 GiB'],
    ['1.5', 'Enter a whole number of GiB'],
  ])('size %s: %s', (size, message) => {
    const r = VolumeCreateSchema.safeParse({ ...base, size });
    expect(r.success).toBe(false);
    expect(en(r.error?.issues[0].message)).toBe(message);
  });
  it('needs the chosen source', () => {
    const r = VolumeCreateSchema.safeParse({ ...base, source: 'snapshot' });
    expect(r.error?.issues[0].path).toEqual(['snapshotId']);
    expect(en(r.error?.issues[0].message)).toBe('Choose a snapshot');
  });
  it('checks snapshot size, image minimum and quota', () => {
    expect(en(volumeCreateProblems({ size: 1, source: 'snapshot' }, { snapshotSize: 3 }).size)).toMatch(/At least 3 GiB/);
    expect(en(volumeCreateProblems({ size: 1, source: 'image' }, { imageMinGb: 2 }).size)).toMatch(/At least 2 GiB/);
    expect(en(volumeCreateProblems({ size: 20, source: 'empty' }, { remainingGb: 10 }).size)).toBe('Over quota: 10 GiB left');
    expect(volumeCreateProblems({ size: 10, source: 'empty' }, { remainingGb: 10 })).toEqual({});
  });
  it('builds the Cinder body per source', () => {
    const i = VolumeCreateSchema.parse({ ...base, source: 'snapshot', snapshotId: 'sn1', size: '3', volumeType: '__DEFAULT__' });
    expect(volumeCreateRequest(i)).toEqual({ method: 'POST', path: 'volumes', body: { volume: { size: 3, name: 'd', volume_type: '__DEFAULT__', snapshot_id: 'sn1' } } });
    const img = VolumeCreateSchema.parse({ ...base, source: 'image', imageId: 'im1' });
    expect((volumeCreateRequest(img).body as { volume: Record<string, unknown> }).volume.imageRef).toBe('im1');
  });
  it('remaining gigabytes from limits', () => {
    expect(remainingGigabytes({ maxTotalVolumeGigabytes: 1000, totalGigabytesUsed: 12 })).toBe(988);
    expect(remainingGigabytes({ maxTotalVolumeGigabytes: -1, totalGigabytesUsed: 12 })).toBeUndefined();
  });
});

describe('extend', () => {
  it.each([
    ['3', undefined],
    ['2', 'The new size must be larger than the current 2 GiB'],
    ['1', 'The new size must be larger than the current 2 GiB'],
    ['abc', 'Enter a whole number of GiB'],
    ['', 'Enter a whole number of GiB'],
  ])('2 GiB -> %s', (raw, problem) => {
    expect(en(extendProblem(2, raw))).toBe(problem);
  });
  it('respects the quota', () => {
    expect(en(extendProblem(2, '20', 5))).toMatch(/Over quota/);
  });
});

describe('snapshot and boot requests', () => {
  it('forces a snapshot of an in-use volume', () => {
    expect(snapshotCreateRequest({ id: 'v1', status: 'in-use' }, { name: 's', description: '' }).body).toEqual({ snapshot: { volume_id: 'v1', name: 's', force: true } });
    expect(snapshotCreateRequest({ id: 'v1', status: 'available' }, { name: 's', description: '' }).body).toEqual({ snapshot: { volume_id: 'v1', name: 's' } });
  });
  it('boots from the volume without an image', () => {
    expect(bootFromVolumeBody({ name: 'x', imageRef: 'v1', flavorRef: '1' }, 'v1')).toEqual({
      name: 'x', flavorRef: '1',
      block_device_mapping_v2: [{ boot_index: 0, uuid: 'v1', source_type: 'volume', destination_type: 'volume', delete_on_termination: false }],
    });
  });
});

describe('volume type choices', () => {
  it('lists one "Default": Cinder’s built-in __DEFAULT__ is the blank choice, not a second entry', () => {
    expect(explicitVolumeTypes([{ name: '__DEFAULT__' }, { name: 'lvmdriver-1' }, { name: 'ssd' }])).toEqual(['lvmdriver-1', 'ssd']);
    expect(explicitVolumeTypes([])).toEqual([]);
  });
});
