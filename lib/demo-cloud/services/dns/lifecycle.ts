// Zone and recordset life cycle, shared by the zone, task and reverse routes: creation with
// the SOA/NS recordsets, serial bumps, lazy PENDING -> ACTIVE and finished deletes.
import type { CloudCore } from '../../core/cloud';
import { uuid } from '../../core/ids';
import { schedule, settle } from '../../core/transitions';
import { dnsError } from './errors';
import { dnsTime, NAMESERVER, POOL_ID, soaRecord, ZONE_QUOTA, type DnsState, type RecordSet, type Zone } from './model';

/** Nominal seconds a zone or recordset stays PENDING, and a deleted zone lingers. */
export const PENDING_SECONDS = 2;
const DELETE_SECONDS = 3;

export interface DnsDeps {
  core: CloudCore;
  s: DnsState;
}

export const now = (core: CloudCore) => dnsTime(core.clock.now());

/** Applies due transitions everywhere and drops finished deletes. */
export function settleAll(core: CloudCore, s: DnsState): void {
  let changed = false;
  for (const list of [s.zones, s.recordsets, s.exports, s.imports, s.ptrs] as Array<Array<Parameters<typeof settle>[0]>>) {
    for (const r of list) changed = settle(r, core.clock) || changed;
  }
  const gone = new Set(s.zones.filter((z) => z.deleted).map((z) => z.id));
  if (gone.size > 0 || s.recordsets.some((r) => r.deleted)) {
    s.zones = s.zones.filter((z) => !z.deleted);
    s.recordsets = s.recordsets.filter((r) => !r.deleted && !gone.has(r.zone_id));
    changed = true;
  }
  if (changed) core.state.markDirty();
}

/** Marks a zone as changing: serial and version bump, PENDING until the pool has it. */
export function touchZone(core: CloudCore, s: DnsState, zone: Zone, action?: 'UPDATE' | 'DELETE'): void {
  zone.serial = Math.max(zone.serial + 1, Math.floor(core.clock.now() / 1000));
  zone.version += 1;
  zone.updated_at = now(core);
  zone.status = 'PENDING';
  if (action === 'DELETE' || zone.action !== 'CREATE') zone.action = action ?? 'UPDATE';
  const soa = s.recordsets.find((r) => r.zone_id === zone.id && r.type === 'SOA');
  if (soa) soa.records = [soaRecord(zone)];
  if (zone.action === 'DELETE') {
    schedule(zone, core.clock, [[DELETE_SECONDS, { deleted: true }]]);
  } else {
    schedule(zone, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: zone.version + 1 }]]);
  }
}

export function newRecordset(core: CloudCore, zone: Zone, type: string, name: string, records: string[], ttl: number | null, description: string | null, pending: boolean): RecordSet {
  const rs: RecordSet = {
    id: uuid(),
    zone_id: zone.id,
    project_id: zone.project_id,
    name,
    zone_name: zone.name,
    type,
    records,
    description,
    ttl,
    status: pending ? 'PENDING' : 'ACTIVE',
    action: pending ? 'CREATE' : 'NONE',
    version: 1,
    created_at: now(core),
    updated_at: null,
  };
  if (pending) schedule(rs, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: 2 }]]);
  return rs;
}

/** Creates a zone (PENDING/CREATE -> ACTIVE) with its SOA and NS recordsets. Throws on duplicates and quota. */
export function createZone(core: CloudCore, s: DnsState, fields: { projectId: string; name: string; email: string; ttl?: number; description?: string | null }): Zone {
  if (s.zones.some((z) => z.name === fields.name)) throw dnsError(409, 'duplicate_zone', 'Duplicate Zone');
  if (s.zones.filter((z) => z.project_id === fields.projectId).length >= ZONE_QUOTA) throw dnsError(413, 'over_quota', 'Quota exceeded for zones.');
  const zone: Zone = {
    id: uuid(),
    pool_id: POOL_ID,
    project_id: fields.projectId,
    name: fields.name,
    email: fields.email,
    description: fields.description ?? null,
    ttl: fields.ttl ?? 3600,
    serial: Math.floor(core.clock.now() / 1000),
    status: 'PENDING',
    action: 'CREATE',
    version: 1,
    attributes: {},
    type: 'PRIMARY',
    masters: [],
    created_at: now(core),
    updated_at: null,
    transferred_at: null,
  };
  schedule(zone, core.clock, [[PENDING_SECONDS, { status: 'ACTIVE', action: 'NONE', version: 2, updated_at: dnsTime(core.clock.after(PENDING_SECONDS)) }]]);
  s.zones.push(zone);
  s.recordsets.push(newRecordset(core, zone, 'NS', zone.name, [NAMESERVER], null, null, false));
  s.recordsets.push(newRecordset(core, zone, 'SOA', zone.name, [soaRecord(zone)], null, null, false));
  return zone;
}
