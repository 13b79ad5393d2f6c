// Designate's state: zones, recordsets, export/import tasks, PTR records of floating IPs.
import { stableUuid } from '../../core/ids';
import type { Transitional } from '../../core/transitions';

export const POOL_ID = '794ccc2c-d751-44fe-b57f-8894c9f5c842';
export const NAMESERVER = 'ns1.example.test.';
export const ZONE_QUOTA = 10;

export interface Zone extends Transitional {
  id: string;
  pool_id: string;
  project_id: string;
  name: string;
  email: string;
  description: string | null;
  ttl: number;
  serial: number;
  status: string;
  action: string;
  version: number;
  attributes: Record<string, string>;
  type: string;
  masters: string[];
  created_at: string;
  updated_at: string | null;
  transferred_at: string | null;
  /** Set by a finished delete; the record is then dropped. */
  deleted?: boolean;
}

export interface RecordSet extends Transitional {
  id: string;
  zone_id: string;
  project_id: string;
  name: string;
  zone_name: string;
  type: string;
  records: string[];
  description: string | null;
  ttl: number | null;
  status: string;
  action: string;
  version: number;
  created_at: string;
  updated_at: string | null;
  deleted?: boolean;
}

export interface ExportTask extends Transitional {
  id: string;
  status: string;
  message: string | null;
  location: string | null;
  zone_id: string;
  project_id: string;
  created_at: string;
  updated_at: string | null;
  version: number;
}

export interface ImportTask extends Transitional {
  id: string;
  status: string;
  message: string | null;
  zone_id: string | null;
  project_id: string;
  created_at: string;
  updated_at: string | null;
  version: number;
}

export interface PtrRecord extends Transitional {
  /** `RegionOne:<floatingip id>` */
  id: string;
  project_id: string;
  ptrdname: string | null;
  description: string | null;
  ttl: number | null;
  status: string;
  action: string;
}

export interface DnsState {
  zones: Zone[];
  recordsets: RecordSet[];
  exports: ExportTask[];
  imports: ImportTask[];
  ptrs: PtrRecord[];
}

/** Designate's timestamp format: 2026-11-25T14:32:33.000000 */
export const dnsTime = (ms: number): string => new Date(ms).toISOString().replace(/\.\d{3}Z$/, '.000000');

export function soaRecord(zone: Pick<Zone, 'email' | 'serial'>): string {
  return `${NAMESERVER} ${zone.email.replace('@', '.')}. ${zone.serial} 3583 600 86400 3600`;
}

export function seedDns(demoProjectId: string, now: number): DnsState {
  const created = dnsTime(now);
  const serial = Math.floor(now / 1000);
  const zone: Zone = {
    id: stableUuid('dns-zone', 'example.com.'),
    pool_id: POOL_ID,
    project_id: demoProjectId,
    name: 'example.com.',
    email: 'admin@example.com',
    description: 'Demo zone',
    ttl: 3600,
    serial,
    status: 'ACTIVE',
    action: 'NONE',
    version: 2,
    attributes: {},
    type: 'PRIMARY',
    masters: [],
    created_at: created,
    updated_at: created,
    transferred_at: null,
  };
  const rs = (type: string, name: string, records: string[], ttl: number | null = null): RecordSet => ({
    id: stableUuid('dns-recordset', name, type),
    zone_id: zone.id,
    project_id: demoProjectId,
    name,
    zone_name: zone.name,
    type,
    records,
    description: null,
    ttl,
    status: 'ACTIVE',
    action: 'NONE',
    version: 1,
    created_at: created,
    updated_at: null,
  });
  return {
    zones: [zone],
    recordsets: [
      rs('NS', 'example.com.', [NAMESERVER]),
      rs('SOA', 'example.com.', [soaRecord(zone)]),
      rs('A', 'www.example.com.', ['192.0.2.10'], 300),
    ],
    exports: [],
    imports: [],
    ptrs: [],
  };
}
