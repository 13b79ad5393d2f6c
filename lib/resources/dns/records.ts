// Pure record validation for the recordset form, before Designate sees the input. Mirrors Designate's JSON
// schema formats (designate/schema/format.py): A = IPv4, AAAA = IPv6, CNAME/NS/PTR = one FQDN with its
// trailing dot, MX = "priority host.", SRV = "priority weight port target.", TXT = quoted strings.

export const FORM_RECORD_TYPES = ['A', 'AAAA', 'CNAME', 'MX', 'TXT', 'SRV', 'NS', 'PTR'] as const;
export type FormRecordType = (typeof FORM_RECORD_TYPES)[number];

const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

/** A fully qualified domain name with its trailing dot. `*` is allowed as the first label when `wildcard`. */
export function isFqdn(name: string, wildcard = false): boolean {
  if (!name.endsWith('.') || name === '.' || name.length > 255) return false;
  return name
    .slice(0, -1)
    .split('.')
    .every((l, i) => (wildcard && i === 0 && l === '*') || LABEL.test(l));
}

export function isIPv4(s: string): boolean {
  const parts = s.split('.');
  return parts.length === 4 && parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255 && (p === '0' || !p.startsWith('0')));
}

export function isIPv6(s: string): boolean {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.length < 2) return false;
  let text = s;
  let groupsNeeded = 8;
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const lastColon = text.lastIndexOf(':');
  if (text.slice(lastColon + 1).includes('.')) {
    if (!isIPv4(text.slice(lastColon + 1))) return false;
    text = text.slice(0, lastColon + 1) + '0';
    groupsNeeded = 7;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = (h: string) => (h === '' ? [] : h.split(':'));
  const all = halves.flatMap(groups);
  if (!all.every((g) => /^[0-9a-fA-F]{1,4}$/.test(g))) return false;
  return halves.length === 2 ? all.length < groupsNeeded : all.length === groupsNeeded;
}

const uint16 = (s: string) => /^\d{1,5}$/.test(s) && Number(s) <= 65535;

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

/** Structured MX/SRV parts <-> the record string Designate stores. */
export const joinMx = (priority: string, host: string) => `${priority.trim()} ${host.trim()}`;
export const joinSrv = (priority: string, weight: string, port: string, target: string) => `${priority.trim()} ${weight.trim()} ${port.trim()} ${target.trim()}`;

/** A TTL field: empty (the zone's default) or a whole number of seconds. */
export function ttlProblem(raw: string): string | undefined {
  const v = raw.trim();
  if (!v) return undefined;
  if (!/^\d+$/.test(v) || Number(v) > 2147483647) return 'Enter a whole number of seconds';
  return undefined;
}
