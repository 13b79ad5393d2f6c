// Checks the forms share before a service sees the input: host names, addresses, e-mail, whole numbers in a range.
// Pure; each kind words its own errors, as catalog keys without arguments (zod keeps a message as a string).
import { z } from 'zod';
import type { MsgKey } from '@/lib/i18n/msg';
import { parseIp } from '../network/cidr';

const LABEL = /^(?!-)[A-Za-z0-9_-]{1,63}(?<!-)$/;

/** A fully qualified domain name with its trailing dot. `*` is allowed as the first label when `wildcard`. */
export function isFqdn(name: string, wildcard = false): boolean {
  if (!name.endsWith('.') || name === '.' || name.length > 255) return false;
  return name
    .slice(0, -1)
    .split('.')
    .every((l, i) => (wildcard && i === 0 && l === '*') || LABEL.test(l));
}

// The network forms' address parser, strict as Designate is: no spaces around, no leading zeros in IPv4 parts.
export const isIPv4 = (s: string): boolean => s === s.trim() && parseIp(s)?.version === 4 && !/(^|\.)0\d/.test(s);

export function isIPv6(s: string): boolean {
  // An embedded IPv4 tail (::ffff:1.2.3.4) follows the IPv4 rules.
  const tail = s.slice(s.lastIndexOf(':') + 1);
  return s === s.trim() && parseIp(s)?.version === 6 && (!tail.includes('.') || isIPv4(tail));
}

export const isEmail = (s: string) => /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(s);

/** Digits only, from `min` to `max` (a port: 0 to 65535). */
export const isWhole = (s: string, min: number, max: number) => /^\d+$/.test(s) && Number(s) >= min && Number(s) <= max;

/** An optional whole-number field (a TTL): empty, or digits from `min` to `max`. The value stays the trimmed text. */
export const optionalWhole = (min: number, max: number, error: MsgKey) => z.string().trim().refine((v) => v === '' || isWhole(v, min, max), { error });

/** A text of at most `max` characters (a description); `error` says so ("At most 160 characters"). */
export const maxChars = (max: number, error: MsgKey) => z.string().max(max, { error });
