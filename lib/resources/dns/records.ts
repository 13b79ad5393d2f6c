// Pure record validation for the recordset form, before Designate sees the input. Mirrors Designate's JSON
// schema formats (designate/schema/format.py): A = IPv4, AAAA = IPv6, CNAME/NS/PTR = one FQDN with its
// trailing dot, MX = "priority host.", SRV = "priority weight port target.", TXT = quoted strings.
import { z } from 'zod';
import { msg, type Msg, type MsgKey } from '@/lib/i18n/msg';
import { isFqdn, isIPv4, isIPv6, isWhole, maxChars, optionalWhole } from '../form/validate';

export const FORM_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'PTR'] as const;
export type FormRecordType = (typeof FORM_RECORD_TYPES)[number];

export const uint16 = (s: string) => isWhole(s, 0, 65535);

/** The problem with one record of `type`, or undefined when Designate would accept it. */
export function recordProblem(type: string, data: string): Msg | undefined {
  const v = data.trim();
  if (!v) return 'kinds.recordset.errors.enterValue';
  const parts = v.split(/\s+/);
  switch (type) {
    case 'A':
      return isIPv4(v) ? undefined : msg('kinds.recordset.errors.notIpv4', { value: v });
    case 'AAAA':
      return isIPv6(v) ? undefined : msg('kinds.recordset.errors.notIpv6', { value: v });
    case 'CNAME':
    case 'NS':
    case 'PTR':
      if (!v.endsWith('.')) return msg('kinds.recordset.errors.nameDot', { value: v });
      return isFqdn(v) ? undefined : msg('kinds.recordset.errors.hostInvalid', { value: v });
    case 'MX':
      if (parts.length !== 2) return 'kinds.recordset.errors.mxShape';
      if (!uint16(parts[0])) return 'kinds.recordset.errors.priorityRange';
      if (!parts[1].endsWith('.') || !isFqdn(parts[1])) return msg('kinds.recordset.errors.mxHostDot', { value: parts[1] });
      return undefined;
    case 'SRV':
      if (parts.length !== 4) return 'kinds.recordset.errors.srvShape';
      if (!parts.slice(0, 3).every(uint16)) return 'kinds.recordset.errors.srvRange';
      if (parts[3] !== '.' && !isFqdn(parts[3])) return msg('kinds.recordset.errors.srvTargetDot', { value: parts[3] });
      return undefined;
    case 'TXT':
      if (!/^"([^"\\]|\\.)*"(\s+"([^"\\]|\\.)*")*$/.test(v)) return 'kinds.recordset.errors.txtQuote';
      if (v.length > 255 * 16) return 'kinds.recordset.errors.txtLength';
      return undefined;
    default:
      return undefined;
  }
}

/** TXT: a bare value is quoted for the user (inner quotes and backslashes escaped); quoted input is kept. */
export function quoteTxt(value: string): string {
  const v = value.trim();
  if (v.startsWith('"')) return v;
  return `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * The recordset's absolute name in `zone` (which ends with a dot): `@` or empty is the apex, a relative name
 * gets the zone appended, an absolute one must lie inside the zone. Returns the name or a problem.
 */
export function absoluteName(name: string, zone: string): { name: string } | { problem: Msg } {
  const n = name.trim().toLowerCase();
  const z = zone.toLowerCase();
  if (n === '' || n === '@') return { name: z };
  const full = n.endsWith('.') ? n : `${n}.${z}`;
  if (full !== z && !full.endsWith(`.${z}`)) return { problem: msg('kinds.recordset.errors.outsideZone', { name: name.trim(), zone }) };
  if (!isFqdn(full, true)) return { problem: msg('kinds.recordset.errors.nameInvalid', { name: name.trim() }) };
  return { name: full };
}

/** The name as the form shows it: relative to the zone (`www`), `@` for the apex. */
export function relativeName(name: string, zone: string): string {
  if (name === zone) return '@';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : name;
}

const MAX_TTL = 2147483647;

/** A recordset's TTL field: empty (the zone's default) or a whole number of seconds. */
export const ttlProblem = (raw: string): Msg | undefined => (!raw.trim() || isWhole(raw.trim(), 0, MAX_TTL) ? undefined : 'kinds.recordset.errors.ttlWhole');

/** A zone's or PTR's TTL field: empty (the default) or at least one second. */
export const ttlSchema = (error: MsgKey = 'kinds.recordset.errors.ttlWhole') => optionalWhole(1, MAX_TTL, error);

export const descriptionSchema = maxChars(160, 'kinds.recordset.errors.descriptionLength');

/** A zone's or PTR's optional `ttl` and `description` in its request body: left out when empty. */
export const ttlAndDescription = (i: { ttl: string; description: string }) => ({
  ...(i.ttl && { ttl: Number(i.ttl) }),
  ...(i.description && { description: i.description }),
});

/** A fully qualified name as Designate wants it: the trailing dot added when the user left it out. */
export const withTrailingDot = (name: string) => {
  const n = name.trim();
  return n && !n.endsWith('.') ? `${n}.` : n;
};

/**
 * A host or zone name, fully qualified: `empty` when there is none, `invalid` when `valid` refuses it (default:
 * any FQDN). The trailing dot Designate requires is added, not asked for (`example.org` -> `example.org.`).
 */
export const fqdnSchema = (empty: MsgKey, invalid: MsgKey, valid = (v: string) => isFqdn(v)) =>
  z
    .string()
    .trim()
    .min(1, { error: empty })
    .transform(withTrailingDot)
    .refine((v) => valid(v), { error: invalid });

/** A host name inside record data (`mail.example.org`): the dot added when it has two labels or more. */
const qualifyHost = (h: string) => (h.includes('.') ? withTrailingDot(h) : h);

/**
 * A record as typed -> as Designate wants it: the host names that must be fully qualified (CNAME, NS and PTR
 * data, the MX host, the SRV target) get their trailing dot. A single label (`mail`) is left for recordProblem
 * to refuse: it could mean `mail.` or `mail.<zone>`, and guessing wrong would point the record elsewhere.
 */
export function qualifyRecord(type: string, record: string): string {
  const v = record.trim();
  const parts = v.split(/\s+/);
  switch (type) {
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return qualifyHost(v);
    case 'MX':
      return parts.length === 2 ? `${parts[0]} ${qualifyHost(parts[1])}` : v;
    case 'SRV':
      return parts.length === 4 && parts[3] !== '.' ? [...parts.slice(0, 3), qualifyHost(parts[3])].join(' ') : v;
    default:
      return v;
  }
}
