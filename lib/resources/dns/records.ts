// Pure record validation for the recordset form, before Designate sees the input. Mirrors Designate's JSON
// schema formats (designate/schema/format.py): A = IPv4, AAAA = IPv6, CNAME/NS/PTR = one FQDN with its
// trailing dot, MX = "priority host.", SRV = "priority weight port target.", TXT = quoted strings.
import { z } from 'zod';
import { isFqdn, isIPv4, isIPv6, isWhole, maxChars, optionalWhole } from '../form/validate';

export const FORM_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'PTR'] as const;
export type FormRecordType = (typeof FORM_RECORD_TYPES)[number];

export const uint16 = (s: string) => isWhole(s, 0, 65535);

/** The problem with one record of `type`, or undefined when Designate would accept it. */
export function recordProblem(type: string, data: string): string | undefined {
  const v = data.trim();
  if (!v) return 'Enter a value';
  const parts = v.split(/\s+/);
  switch (type) {
    case 'A':
      return isIPv4(v) ? undefined : `${v} is not an IPv4 address`;
    case 'AAAA':
      return isIPv6(v) ? undefined : `${v} is not an IPv6 address`;
    case 'CNAME':
    case 'NS':
    case 'PTR':
      if (!v.endsWith('.')) return `${v} must be a fully qualified name ending with a dot`;
      return isFqdn(v) ? undefined : `${v} is not a valid host name`;
    case 'MX':
      if (parts.length !== 2) return 'An MX record is a priority and a host (10 mail.example.org.)';
      if (!uint16(parts[0])) return 'The priority must be a number from 0 to 65535';
      if (!parts[1].endsWith('.') || !isFqdn(parts[1])) return `${parts[1]} must be a fully qualified host name ending with a dot`;
      return undefined;
    case 'SRV':
      if (parts.length !== 4) return 'An SRV record is priority, weight, port and target (10 5 5060 sip.example.org.)';
      if (!parts.slice(0, 3).every(uint16)) return 'Priority, weight and port must be numbers from 0 to 65535';
      if (parts[3] !== '.' && !isFqdn(parts[3])) return `${parts[3]} must be a fully qualified target ending with a dot`;
      return undefined;
    case 'TXT':
      if (!/^"([^"\\]|\\.)*"(\s+"([^"\\]|\\.)*")*$/.test(v)) return 'Quote each string: "v=spf1 -all"';
      if (v.length > 255 * 16) return 'At most 4080 characters';
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
export function absoluteName(name: string, zone: string): { name: string } | { problem: string } {
  const n = name.trim().toLowerCase();
  const z = zone.toLowerCase();
  if (n === '' || n === '@') return { name: z };
  const full = n.endsWith('.') ? n : `${n}.${z}`;
  if (full !== z && !full.endsWith(`.${z}`)) return { problem: `${name.trim()} is not inside the zone ${zone}` };
  if (!isFqdn(full, true)) return { problem: `${name.trim()} is not a valid DNS name` };
  return { name: full };
}

/** The name as the form shows it: relative to the zone (`www`), `@` for the apex. */
export function relativeName(name: string, zone: string): string {
  if (name === zone) return '@';
  return name.endsWith(`.${zone}`) ? name.slice(0, -zone.length - 1) : name;
}

const MAX_TTL = 2147483647;

/** A recordset's TTL field: empty (the zone's default) or a whole number of seconds. */
export const ttlProblem = (raw: string): string | undefined => (!raw.trim() || isWhole(raw.trim(), 0, MAX_TTL) ? undefined : 'Enter a whole number of seconds');

/** A zone's or PTR's TTL field: empty (the default) or at least one second. */
export const ttlSchema = (error = 'Enter a whole number of seconds') => optionalWhole(1, MAX_TTL, error);

export const descriptionSchema = maxChars(160);

/** A zone's or PTR's optional `ttl` and `description` in its request body: left out when empty. */
export const ttlAndDescription = (i: { ttl: string; description: string }) => ({
  ...(i.ttl && { ttl: Number(i.ttl) }),
  ...(i.description && { description: i.description }),
});

/**
 * A host or zone name with its trailing dot: `empty` when there is none, `dot` without the dot, `invalid` when
 * `valid` refuses it (default: any FQDN).
 */
export const fqdnSchema = (empty: string, dot: string, invalid: string, valid = (v: string) => isFqdn(v)) =>
  z
    .string()
    .trim()
    .min(1, { error: empty })
    .refine((v) => v.endsWith('.'), { error: dot })
    .refine((v) => !v.endsWith('.') || valid(v), { error: invalid });
