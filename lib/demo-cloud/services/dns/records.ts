// Per-type record validation as Designate's JSON schema formats do it (designate/schema/format.py),
// and zone-file rendering/parsing for export and import.
import { isIPv4, isIPv6 } from 'node:net';

export const RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'SRV', 'TXT', 'SPF', 'NS', 'PTR', 'SSHFP', 'SOA', 'NAPTR', 'CAA'] as const;

const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

/** A fully qualified host name with its trailing dot (Designate's "domainname"/"hostname" formats). */
export function isFqdn(name: string): boolean {
  if (!name.endsWith('.') || name.length > 255) return false;
  if (name === '.') return false;
  const labels = name.slice(0, -1).split('.');
  return labels.every((l, i) => (i === 0 && l === '*') || LABEL.test(l));
}

const uint = (s: string, max: number) => /^\d+$/.test(s) && Number(s) <= max;

/** True when `data` is a valid record of `type` (SOA included, for the read-only check). */
export function validRecord(type: string, data: string): boolean {
  const parts = data.trim().split(/\s+/);
  switch (type) {
    case 'A':
      return isIPv4(data) && /^\d{1,3}(\.\d{1,3}){3}$/.test(data);
    case 'AAAA':
      return isIPv6(data);
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return isFqdn(data);
    case 'MX':
      return parts.length === 2 && uint(parts[0], 65535) && isFqdn(parts[1]);
    case 'SRV':
      return parts.length === 4 && uint(parts[0], 65535) && uint(parts[1], 65535) && uint(parts[2], 65535) && (isFqdn(parts[3]) || parts[3] === '.');
    case 'TXT':
    case 'SPF':
      return data.length > 0 && data.length <= 255 * 16;
    case 'SSHFP':
      return parts.length === 3 && uint(parts[0], 255) && uint(parts[1], 255) && /^[0-9A-Fa-f]+$/.test(parts[2]);
    case 'SOA':
      return parts.length === 7 && isFqdn(parts[0]) && isFqdn(parts[1]) && parts.slice(2).every((p) => uint(p, 4294967295));
    case 'CAA':
      return parts.length >= 3 && uint(parts[0], 255) && ['issue', 'issuewild', 'iodef'].includes(parts[1]);
    case 'NAPTR':
      return parts.length === 6 && uint(parts[0], 65535) && uint(parts[1], 65535);
    default:
      return false;
  }
}

export interface ZoneFileRecord {
  name: string;
  type: string;
  ttl: number | null;
  data: string;
}

export interface ParsedZoneFile {
  origin: string;
  ttl: number | null;
  records: ZoneFileRecord[];
}

export class ZoneFileError extends Error {}

/** A small BIND zone-file reader: $ORIGIN (required first), $TTL, relative names, @, parentheses, comments. */
export function parseZoneFile(text: string): ParsedZoneFile {
  const lines: string[] = [];
  let pending = '';
  let depth = 0;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.replace(/;.*$/, '');
    depth += (line.match(/\(/g) ?? []).length - (line.match(/\)/g) ?? []).length;
    pending += (pending ? ' ' : '') + line.replace(/[()]/g, ' ');
    if (depth <= 0) {
      if (pending.trim()) lines.push(pending.replace(/\s+$/, ''));
      pending = '';
      depth = 0;
    }
  }
  const first = lines[0]?.trim() ?? '';
  if (!/^\$ORIGIN\s+\S+/i.test(first)) {
    throw new ZoneFileError('The $ORIGIN statement is required and must be the first statement in the zonefile.');
  }
  const origin = first.split(/\s+/)[1].toLowerCase();
  if (!isFqdn(origin)) throw new ZoneFileError(`${origin} is not a FQDN`);
  let ttl: number | null = null;
  let last = origin;
  const records: ZoneFileRecord[] = [];
  for (const line of lines.slice(1)) {
    const tokens = line.trim().split(/\s+/);
    if (/^\$TTL$/i.test(tokens[0])) {
      ttl = Number(tokens[1]);
      continue;
    }
    if (/^\$/.test(tokens[0])) continue;
    let name = last;
    if (!/^\s/.test(line)) {
      const n = tokens.shift()!;
      name = n === '@' ? origin : n.endsWith('.') ? n.toLowerCase() : `${n.toLowerCase()}.${origin}`;
    }
    last = name;
    let recTtl: number | null = null;
    while (tokens.length > 0 && (/^\d+$/.test(tokens[0]) || /^(IN|CH|HS)$/i.test(tokens[0]))) {
      const t = tokens.shift()!;
      if (/^\d+$/.test(t)) recTtl = Number(t);
    }
    const type = (tokens.shift() ?? '').toUpperCase();
    if (!(RECORD_TYPES as readonly string[]).includes(type) || tokens.length === 0) {
      throw new ZoneFileError(`Unable to parse the record on line: ${line.trim()}`);
    }
    let data = tokens.join(' ');
    if (['CNAME', 'NS', 'PTR'].includes(type) && !data.endsWith('.')) data = `${data}.${origin}`;
    if (type === 'MX' && tokens.length === 2 && !tokens[1].endsWith('.')) data = `${tokens[0]} ${tokens[1]}.${origin}`;
    records.push({ name, type, ttl: recTtl, data });
  }
  return { origin, ttl, records };
}
