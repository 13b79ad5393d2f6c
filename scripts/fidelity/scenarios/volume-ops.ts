import type { Call, Scenario } from '../types';

// Issue 19's Cinder calls (microversion 3.70): transfers, volume types with extra specs, QoS specs, retype, and the
// backup errors both clouds give alike (the real cloud runs no cinder-backup, so no backup is ever created there).
const MV = { 'OpenStack-API-Version': 'volume 3.70' };
const NAME = `fidelity-vops-${process.pid}`;
type Status = { volume?: { status: string } };

const c = (call: Omit<Call, 'service'>): Call => ({ service: 'volumev3', ...call, headers: { ...MV, ...(call.headers as Record<string, string>) } });
const available = (b: unknown) => (b as Status).volume?.status === 'available';

export const volumeOps: Scenario = {
  name: 'volume-ops',
  service: 'volumev3',
  calls: [
    c({ name: 'volume create', method: 'POST', path: 'volumes', body: { volume: { size: 1, name: NAME } }, capture: (b, _h, v) => (v.vol = (b as { volume: { id: string } }).volume.id) }),
    c({ name: 'volume show (until available)', path: (v) => `volumes/${v.vol}`, until: available }),
    c({ name: 'incremental backup without a full one (400)', method: 'POST', path: 'backups', body: (v: Record<string, string>) => ({ backup: { volume_id: v.vol, incremental: true } }) }),
    c({ name: 'backup create, no volume_id (400)', method: 'POST', path: 'backups', body: { backup: {} } }),
    c({ name: 'backup show, unknown (404)', path: 'backups/00000000-0000-0000-0000-000000000000' }),
    c({ name: 'volume services as member (403)', path: 'os-services' }),

    c({
      name: 'transfer create', method: 'POST', path: 'volume-transfers', body: (v: Record<string, string>) => ({ transfer: { volume_id: v.vol, name: NAME } }),
      capture: (b, _h, v) => {
        const t = (b as { transfer: { id: string; auth_key: string } }).transfer;
        v.transfer = t.id;
        v.key = t.auth_key;
      },
    }),
    c({ name: 'volume show (awaiting-transfer)', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'transfer list detail', path: 'volume-transfers/detail' }),
    c({ name: 'transfer list (os-volume-transfer, 3.0)', path: 'os-volume-transfer', headers: { 'OpenStack-API-Version': 'volume 3.0' } }),
    c({ name: 'transfer show', path: (v) => `volume-transfers/${v.transfer}` }),
    c({ name: 'transfer create again (400)', method: 'POST', path: 'volume-transfers', body: (v: Record<string, string>) => ({ transfer: { volume_id: v.vol } }) }),
    c({ name: 'volume delete while awaiting transfer (400)', method: 'DELETE', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'transfer accept, wrong key (400)', as: 'admin', method: 'POST', path: (v) => `os-volume-transfer/${v.transfer}/accept`, body: { accept: { auth_key: '0000000000000000' } } }),
    c({ name: 'transfer accept (admin project)', as: 'admin', method: 'POST', path: (v) => `os-volume-transfer/${v.transfer}/accept`, body: (v: Record<string, string>) => ({ accept: { auth_key: v.key } }) }),
    c({ name: 'volume show as the donor (404)', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'volume show as the new owner', as: 'admin', path: (v) => `volumes/${v.vol}` }),

    c({ name: 'type create as member (403)', method: 'POST', path: 'types', body: { volume_type: { name: `${NAME}-x` } } }),
    c({ name: 'type create', as: 'admin', method: 'POST', path: 'types', body: { volume_type: { name: `${NAME}-plain`, description: 'fidelity' } }, capture: (b, _h, v) => (v.plain = (b as { volume_type: { id: string } }).volume_type.id) }),
    c({ name: 'type create with specs', as: 'admin', method: 'POST', path: 'types', body: { volume_type: { name: `${NAME}-spec`, extra_specs: { volume_backend_name: 'fake' } } }, capture: (b, _h, v) => (v.spec = (b as { volume_type: { id: string } }).volume_type.id) }),
    c({ name: 'type create, duplicate (409)', as: 'admin', method: 'POST', path: 'types', body: { volume_type: { name: `${NAME}-plain` } } }),
    c({ name: 'extra specs set', as: 'admin', method: 'POST', path: (v) => `types/${v.spec}/extra_specs`, body: { extra_specs: { tier: 'gold', multiattach: '<is> True' } } }),
    c({ name: 'extra specs (admin)', as: 'admin', path: (v) => `types/${v.spec}/extra_specs` }),
    c({ name: 'extra spec key', as: 'admin', path: (v) => `types/${v.spec}/extra_specs/tier` }),
    c({ name: 'extra spec delete', as: 'admin', method: 'DELETE', path: (v) => `types/${v.spec}/extra_specs/tier` }),
    c({ name: 'extra spec delete, unknown (404)', as: 'admin', method: 'DELETE', path: (v) => `types/${v.spec}/extra_specs/tier` }),
    c({ name: 'type show (member)', path: (v) => `types/${v.spec}` }),
    c({ name: 'type show (admin)', as: 'admin', path: (v) => `types/${v.spec}` }),
    c({ name: 'type update', as: 'admin', method: 'PUT', path: (v) => `types/${v.plain}`, body: { volume_type: { description: 'fidelity 2' } } }),

    c({ name: 'qos create', as: 'admin', method: 'POST', path: 'qos-specs', body: { qos_specs: { name: `${NAME}-qos`, consumer: 'front-end', read_iops_sec: '100' } }, capture: (b, _h, v) => (v.qos = (b as { qos_specs: { id: string } }).qos_specs.id) }),
    c({ name: 'qos create, duplicate (409)', as: 'admin', method: 'POST', path: 'qos-specs', body: { qos_specs: { name: `${NAME}-qos` } } }),
    c({ name: 'qos set', as: 'admin', method: 'PUT', path: (v) => `qos-specs/${v.qos}`, body: { qos_specs: { write_iops_sec: '50' } } }),
    c({ name: 'qos unset', as: 'admin', method: 'PUT', path: (v) => `qos-specs/${v.qos}/delete_keys`, body: { keys: ['read_iops_sec'] } }),
    c({ name: 'qos show', as: 'admin', path: (v) => `qos-specs/${v.qos}` }),
    c({ name: 'qos list as member (403)', path: 'qos-specs' }),
    c({ name: 'qos associate', as: 'admin', path: (v) => `qos-specs/${v.qos}/associate?vol_type_id=${v.spec}` }),
    c({ name: 'qos associations', as: 'admin', path: (v) => `qos-specs/${v.qos}/associations` }),
    c({ name: 'qos delete while associated (400)', as: 'admin', path: (v) => `qos-specs/${v.qos}`, method: 'DELETE' }),
    c({ name: 'qos show, unknown (404)', as: 'admin', path: 'qos-specs/00000000-0000-0000-0000-000000000000' }),

    c({ name: 'retype in place', as: 'admin', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: (v: Record<string, string>) => ({ 'os-retype': { new_type: v.plain, migration_policy: 'never' } }) }),
    c({ name: 'volume show (until retyped)', as: 'admin', path: (v) => `volumes/${v.vol}`, until: available }),
    c({ name: 'retype to the same type (400)', as: 'admin', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: (v: Record<string, string>) => ({ 'os-retype': { new_type: v.plain } }) }),
    c({ name: 'retype, bad policy (400)', as: 'admin', method: 'POST', path: (v) => `volumes/${v.vol}/action`, body: { 'os-retype': { new_type: 'x', migration_policy: 'sometimes' } } }),

    c({ name: 'volume delete', as: 'admin', method: 'DELETE', path: (v) => `volumes/${v.vol}` }),
    c({ name: 'volume show (until gone)', as: 'admin', path: (v) => `volumes/${v.vol}`, until: (_b, s) => s === 404 }),
    c({ name: 'qos disassociate all', as: 'admin', path: (v) => `qos-specs/${v.qos}/disassociate_all` }),
    c({ name: 'qos delete', as: 'admin', method: 'DELETE', path: (v) => `qos-specs/${v.qos}` }),
    c({ name: 'type delete', as: 'admin', method: 'DELETE', path: (v) => `types/${v.plain}` }),
    c({ name: 'type delete (specs)', as: 'admin', method: 'DELETE', path: (v) => `types/${v.spec}` }),
  ],
};
