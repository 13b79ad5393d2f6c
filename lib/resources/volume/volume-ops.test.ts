// Issue 19's Cinder operations as the dashboard declares them: backups, transfers, retype, upload to image, volume
// types and QoS specs (the calls they make, what their forms refuse, what a one-time key offers).
import { describe, expect, it } from 'vitest';
import { issueMsg } from '@/lib/i18n/issue';
import { en } from '@/lib/testing/english';
import { backupCreateCli, backupCreateRequest, BackupCreateSchema, backupStatus, restoreCli, restoreRequest, RestoreSchema, volumeBackupDefinition } from './backup';
import { qosCreateCli, qosCreateRequest, QosCreateSchema, qosDefinition } from './qos';
import { PairsSchema } from './specs';
import { transferAcceptRequest, TransferAcceptSchema, transferSecret } from './transfer';
import { retypeRequest, RetypeSchema, uploadCli, uploadRequest, UploadSchema, VOLUME_ROW_MENU, VolumeSchema, volumeDefinition } from './volume';
import { volumeTypeCreateCli, volumeTypeCreateRequest, VolumeTypeCreateSchema, volumeTypeDefinition } from './volume-type';

const vol = (status = 'available') => VolumeSchema.parse({ id: 'v1', name: 'data', status, size: 2 });
const firstError = (r: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) => r.error?.issues.map((i) => [i.path.join('.'), en(issueMsg(i.message)) ?? i.message]);

describe('volume backups', () => {
  it('creates full or incremental, forced only when asked', () => {
    const full = BackupCreateSchema.parse({ volumeId: 'v1', name: ' nightly ', description: '', incremental: false, force: false });
    expect(backupCreateRequest(full)).toEqual({ method: 'POST', path: 'backups', body: { backup: { volume_id: 'v1', incremental: false, name: 'nightly' } } });
    const inc = BackupCreateSchema.parse({ volumeId: 'v1', name: '', description: 'd', incremental: true, force: true });
    expect(backupCreateRequest(inc).body).toEqual({ backup: { volume_id: 'v1', incremental: true, description: 'd', force: true } });
    expect(backupCreateCli(inc)).toBe('openstack volume backup create --description d --incremental --force v1');
  });
  it('refuses a backup without a volume', () => {
    expect(firstError(BackupCreateSchema.safeParse({ volumeId: '', name: '', description: '', incremental: false, force: false }))).toEqual([['volumeId', 'Choose a volume.']]);
  });
  it('restores to a new volume (named or Cinder-named) or over an existing one', () => {
    expect(restoreRequest({ id: 'b1' }, RestoreSchema.parse({ target: 'new', name: ' again ', volumeId: '' }))).toEqual({ method: 'POST', path: 'backups/b1/restore', body: { restore: { name: 'again' } } });
    expect(restoreRequest({ id: 'b1' }, RestoreSchema.parse({ target: 'new', name: '', volumeId: 'v9' })).body).toEqual({ restore: {} });
    expect(restoreRequest({ id: 'b1' }, RestoreSchema.parse({ target: 'existing', name: 'ignored', volumeId: 'v2' })).body).toEqual({ restore: { volume_id: 'v2' } });
    expect(firstError(RestoreSchema.safeParse({ target: 'existing', name: '', volumeId: '' }))).toEqual([['volumeId', 'Choose the volume to restore onto.']]);
    expect(restoreCli({ id: 'b1' }, { target: 'existing', volumeId: 'v2' })).toBe('cinder backup-restore --volume v2 b1');
    expect(restoreCli({ id: 'b1' }, { target: 'new', name: 'x' })).toBe('cinder backup-restore --name x b1');
  });
  it('polls creating/restoring/deleting and shows the failure reason of an error', () => {
    expect(backupStatus({ status: 'creating' }).tone).toBe('busy');
    expect(backupStatus({ status: 'restoring' }).tone).toBe('busy');
    expect(backupStatus({ status: 'error', fail_reason: 'Service not found for creating backup.' })).toEqual({ label: 'error', tone: 'error', detail: 'Service not found for creating backup.' });
    expect(backupStatus({ status: 'available' }).tone).toBe('ok');
  });
  it('offers restore only for an available backup, delete not while busy', () => {
    const restore = volumeBackupDefinition.forms!.find((f) => f.id === 'restore')!;
    expect(restore.when!({ id: 'b', status: 'available' })).toBe(true);
    expect(restore.when!({ id: 'b', status: 'creating' })).toBe(false);
    const del = volumeBackupDefinition.actions!.find((a) => a.id === 'delete')!;
    expect(del.allowed({ id: 'b', status: 'restoring' }, { isAdmin: false })).toBe(false);
    expect(del.allowed({ id: 'b', status: 'error' }, { isAdmin: false })).toBe(true);
  });
  it('opens the new backup from the create answer (id and name only)', () => {
    expect(volumeBackupDefinition.create!.created!({ backup: { id: 'b7', name: 'n', links: [] } })).toMatchObject({ id: 'b7', status: 'creating' });
    expect(volumeBackupDefinition.create!.created!({})).toBeUndefined();
  });
});

describe('volume transfers', () => {
  it('offers the auth key once, to copy and as a file with the accept command', () => {
    const s = transferSecret({ transfer: { id: 't1', name: 'gift', volume_id: 'v1', auth_key: 'a1b2c3d4e5f60718', created_at: 'x' } })!;
    expect(s.value).toMatchObject({ text: 'a1b2c3d4e5f60718' });
    expect(s.content).toContain('openstack volume transfer request accept --auth-key a1b2c3d4e5f60718 t1');
    // The accept answer has no key: nothing to offer.
    expect(transferSecret({ transfer: { id: 't1', name: 'gift', volume_id: 'v1' } })).toBeUndefined();
  });
  it('accepts by id and key, refusing what is not a UUID or a hex key', () => {
    const id = '0f6e6a3c-57a4-4e39-9a36-2b8f3f2d9d10';
    expect(transferAcceptRequest(TransferAcceptSchema.parse({ transferId: ` ${id} `, authKey: ' ABCdef01 ' }))).toEqual({
      method: 'POST', path: `os-volume-transfer/${id}/accept`, body: { accept: { auth_key: 'ABCdef01' } },
    });
    expect(firstError(TransferAcceptSchema.safeParse({ transferId: 'gift', authKey: 'not-hex!' }))).toEqual([
      ['transferId', 'A transfer ID is a UUID.'], ['authKey', 'An auth key has hexadecimal digits only.'],
    ]);
    expect(firstError(TransferAcceptSchema.safeParse({ transferId: '', authKey: '' }))?.map(([, m]) => m)).toContain('Enter the auth key.');
  });
  it('is offered from an available volume row only, prefilled', () => {
    const item = VOLUME_ROW_MENU.find((i) => i.id === 'transfer')!;
    expect(item.when!(vol('in-use'))).toBe(false);
    expect(item.to!(vol())).toEqual({ slug: 'volume-transfers', query: 'new=1&volume=v1' });
  });
});

describe('retype and upload to image', () => {
  it('retypes with the migration policy', () => {
    expect(retypeRequest(vol(), RetypeSchema.parse({ type: 'fast', policy: 'on-demand' }))).toEqual({
      method: 'POST', path: 'volumes/v1/action', body: { 'os-retype': { new_type: 'fast', migration_policy: 'on-demand' } },
    });
    expect(firstError(RetypeSchema.safeParse({ type: '', policy: 'never' }))).toEqual([['type', 'Choose the new type.']]);
    const form = volumeDefinition.forms!.find((f) => f.id === 'retype')!;
    expect(form.when!(vol('creating'))).toBe(false);
    expect(form.cli(vol(), { type: 'fast', policy: 'never' }, {})).toBe('openstack volume set --type fast --retype-policy never v1');
  });
  it('uploads as a bare image, forced for an attached volume', () => {
    const i = UploadSchema.parse({ imageName: ' snap ', diskFormat: 'qcow2', force: true });
    expect(uploadRequest(vol('in-use'), i).body).toEqual({ 'os-volume_upload_image': { image_name: 'snap', disk_format: 'qcow2', container_format: 'bare', force: true } });
    expect(uploadCli(vol(), { imageName: 'snap', diskFormat: 'qcow2', force: true })).toBe('openstack image create --volume v1 --disk-format qcow2 --force snap');
    expect(firstError(UploadSchema.safeParse({ imageName: ' ', diskFormat: 'raw', force: false }))).toEqual([['imageName', 'Give the image a name.']]);
    const form = volumeDefinition.forms!.find((f) => f.id === 'upload-image')!;
    expect(form.initial(vol('in-use'))).toEqual({ imageName: 'data', diskFormat: 'raw', force: true });
  });
});

describe('volume types and QoS specs', () => {
  it('creates a private type with extra specs, dropping empty rows', () => {
    const i = VolumeTypeCreateSchema.parse({ name: 'gold', description: '', isPublic: false, specs: [{ key: 'volume_backend_name', value: 'lvm' }, { key: '', value: '' }] });
    expect(volumeTypeCreateRequest(i)).toEqual({
      method: 'POST', path: 'types', body: { volume_type: { name: 'gold', 'os-volume-type-access:is_public': false, extra_specs: { volume_backend_name: 'lvm' } } },
    });
    expect(volumeTypeCreateCli(i)).toBe('openstack volume type create --private --property volume_backend_name=lvm gold');
  });
  it('refuses a value without a key and a key given twice', () => {
    const r = PairsSchema.safeParse([{ key: '', value: 'x' }, { key: 'a', value: '1' }, { key: 'a', value: '2' }]);
    expect(firstError(r)).toEqual([['0.key', 'Enter a key.'], ['2.key', 'a is given twice.']]);
  });
  it('creates a QoS spec with its keys beside name and consumer', () => {
    const i = QosCreateSchema.parse({ name: 'iops', consumer: 'front-end', specs: [{ key: 'read_iops_sec', value: '100' }] });
    expect(qosCreateRequest(i)).toEqual({ method: 'POST', path: 'qos-specs', body: { qos_specs: { read_iops_sec: '100', name: 'iops', consumer: 'front-end' } } });
    expect(qosCreateCli(i)).toBe('openstack volume qos create --consumer front-end --property read_iops_sec=100 iops');
  });
  it('sets and unsets one key: a type through extra_specs, a QoS spec through PUT and delete_keys', () => {
    const type = { id: 't1', name: 'gold', extra_specs: { tier: 'gold' } };
    const [setSpec, unsetSpec] = volumeTypeDefinition.forms!;
    expect(setSpec.request(type, { key: ' tier ', value: ' silver ' })).toEqual({ method: 'POST', path: 'types/t1/extra_specs', body: { extra_specs: { tier: 'silver' } } });
    expect(unsetSpec.request(type, { key: 'tier' })).toEqual({ method: 'DELETE', path: 'types/t1/extra_specs/tier' });
    expect(unsetSpec.when!({ ...type, extra_specs: {} })).toBe(false);
    expect(setSpec.cli(type, { key: 'tier', value: 'x' }, {})).toBe('openstack volume type set --property tier=x t1');
    const q = { id: 'q1', name: 'iops', specs: { read_iops_sec: '100' } };
    const [setKey, unsetKey, associate] = qosDefinition.forms!;
    expect(setKey.request(q, { key: 'write_iops_sec', value: '50' })).toEqual({ method: 'PUT', path: 'qos-specs/q1', body: { qos_specs: { write_iops_sec: '50' } } });
    expect(unsetKey.request(q, { key: 'read_iops_sec' })).toEqual({ method: 'PUT', path: 'qos-specs/q1/delete_keys', body: { keys: ['read_iops_sec'] } });
    expect(unsetKey.cli(q, { key: 'read_iops_sec' }, {})).toBe('openstack volume qos unset --property read_iops_sec q1');
    // Associating is a GET with the type's id (Cinder answers 202, no body).
    expect(associate.request(q, { typeId: 't1' })).toEqual({ method: 'GET', path: 'qos-specs/q1/associate?vol_type_id=t1' });
  });
});
