// Pure IPv4/IPv6 address and CIDR helpers for the network forms: parse, containment, overlap, and a
// suggested free private range. Addresses are bigints so IPv6 works the same as IPv4. The problems are catalog
// messages (the subnet and port forms show them translated).
import { msg, type Msg } from '@/lib/i18n/msg';

export type IpVersion = 4 | 6;

export interface ParsedCidr {
  version: IpVersion;
  /** First address (host bits cleared). */
  first: bigint;
  /** Last address. */
  last: bigint;
  prefix: number;
  /** Canonical text, host bits cleared (`10.0.0.0/24`). */
  text: string;
  /** The address as written had host bits set (`10.0.0.5/24`): Neutron accepts it and clears them. */
  hostBitsSet: boolean;
}

const width = (v: IpVersion) => (v === 4 ? 32 : 128);

function v4(s: string): bigint | null {
  const p = s.split('.');
  if (p.length !== 4 || !p.every((x) => /^\d{1,3}$/.test(x) && Number(x) <= 255)) return null;
  return p.reduce((a, x) => (a << 8n) | BigInt(Number(x)), 0n);
}

function v6(s: string): bigint | null {
  if (!/^[0-9a-f:.]+$/i.test(s)) return null;
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const words = (part: string): number[] | null => {
    if (!part) return [];
    const out: number[] = [];
    const items = part.split(':');
    for (let i = 0; i < items.length; i++) {
      const w = items[i];
      if (i === items.length - 1 && w.includes('.')) {
        const n = v4(w);
        if (n === null) return null;
        out.push(Number(n >> 16n), Number(n & 0xffffn));
      } else if (/^[0-9a-f]{1,4}$/i.test(w)) out.push(parseInt(w, 16));
      else return null;
    }
    return out;
  };
  const head = words(halves[0]);
  const tail = halves.length === 2 ? words(halves[1]) : [];
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return null;
  return [...head, ...new Array<number>(missing).fill(0), ...tail].reduce((a, w) => (a << 16n) | BigInt(w), 0n);
}

/** An IP address, or null. */
export function parseIp(text: string): { version: IpVersion; value: bigint } | null {
  const s = text.trim();
  if (s.includes(':')) {
    const v = v6(s);
    return v === null ? null : { version: 6, value: v };
  }
  const v = v4(s);
  return v === null ? null : { version: 4, value: v };
}

export function formatIp(version: IpVersion, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((sh) => String((value >> sh) & 255n)).join('.');
  const w = Array.from({ length: 8 }, (_, i) => Number((value >> BigInt(112 - 16 * i)) & 0xffffn));
  // Longest run of two or more zero words becomes "::" (RFC 5952).
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    let j = i;
    while (j < 8 && w[j] === 0) j++;
    if (j - i > bestLen) [best, bestLen] = [i, j - i];
    i = j === i ? i + 1 : j;
  }
  const hex = (a: number[]) => a.map((x) => x.toString(16)).join(':');
  return best < 0 ? hex(w) : `${hex(w.slice(0, best))}::${hex(w.slice(best + bestLen))}`;
}

/** `address/prefix`, or null when either part is invalid. */
export function parseCidr(text: string): ParsedCidr | null {
  const m = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!m) return null;
  const ip = parseIp(m[1]);
  const prefix = Number(m[2]);
  if (!ip || prefix > width(ip.version)) return null;
  const host = (1n << BigInt(width(ip.version) - prefix)) - 1n;
  const first = ip.value & ~host;
  return { version: ip.version, first, last: first | host, prefix, text: `${formatIp(ip.version, first)}/${prefix}`, hostBitsSet: (ip.value & host) !== 0n };
}

export const cidrContains = (c: ParsedCidr, ip: { version: IpVersion; value: bigint }) => c.version === ip.version && ip.value >= c.first && ip.value <= c.last;

export const cidrsOverlap = (a: ParsedCidr, b: ParsedCidr) => a.version === b.version && a.first <= b.last && b.first <= a.last;

/** The existing CIDR a candidate overlaps, if any. */
export function overlapping(candidate: string, existing: readonly string[]): string | undefined {
  const c = parseCidr(candidate);
  if (!c) return undefined;
  return existing.find((e) => {
    const p = parseCidr(e);
    return !!p && cidrsOverlap(c, p);
  });
}

/** Neutron's defaults: the first host address is the gateway (IPv4 and IPv6). */
export function defaultGateway(c: ParsedCidr): string {
  return formatIp(c.version, c.first + 1n);
}

/**
 * A private /24 (RFC 1918: 10.0.0.0/8, then 172.16.0.0/12, then 192.168.0.0/16) that overlaps none of the given
 * CIDRs, or undefined when all are taken. Starts at 10.0.0.0/24 and walks upward.
 */
export function suggestFreeV4(existing: readonly string[], prefix = 24): string | undefined {
  const taken = existing.map(parseCidr).filter((c): c is ParsedCidr => !!c && c.version === 4);
  const step = 1n << BigInt(32 - prefix);
  for (const block of ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16']) {
    const b = parseCidr(block)!;
    for (let a = b.first; a + step - 1n <= b.last; a += step) {
      const cand = { version: 4 as const, first: a, last: a + step - 1n };
      const hit = taken.find((t) => t.first <= cand.last && cand.first <= t.last);
      if (!hit) return `${formatIp(4, a)}/${prefix}`;
      // Skip past the taken range at once (it may be a /8).
      if (hit.last > cand.last) a = ((hit.last + 1n) / step) * step - step;
    }
  }
  return undefined;
}

/** A unique local IPv6 /64 (fd00::/8) that overlaps none of the given CIDRs. */
export function suggestFreeV6(existing: readonly string[], seed = 'fdab:cd00:0'): string | undefined {
  const taken = existing.map(parseCidr).filter((c): c is ParsedCidr => !!c && c.version === 6);
  const base = parseCidr(`${seed}::/48`)!.first;
  for (let i = 0n; i < 0x10000n; i++) {
    const c = parseCidr(`${formatIp(6, base + (i << 64n))}/64`)!;
    if (!taken.some((t) => cidrsOverlap(t, c))) return c.text;
  }
  return undefined;
}

/** A field error for a CIDR the user typed, or undefined when it is fine. */
export function cidrProblem(text: string, version: IpVersion, existing: readonly string[] = [], dhcp = true): Msg | undefined {
  const s = text.trim();
  if (!s) return 'kinds.subnet.errors.cidrRequired';
  const c = parseCidr(s);
  if (!c) return version === 4 ? 'kinds.subnet.errors.cidrInvalid4' : 'kinds.subnet.errors.cidrInvalid6';
  if (c.version !== version) return msg('kinds.subnet.errors.cidrWrongVersion', { found: String(c.version), wanted: String(version) });
  if (c.prefix === 0) return 'kinds.subnet.errors.prefixZero';
  // Neutron would quietly clear the host bits; a typo such as 10.0.1.5/24 is more likely a wrong range, so ask.
  if (c.hostBitsSet) return msg('kinds.subnet.errors.hostBitsSet', { cidr: s, network: c.text });
  if (dhcp && version === 4 && c.prefix > 30) return 'kinds.subnet.errors.tooSmall4';
  if (dhcp && version === 6 && c.prefix === 128) return 'kinds.subnet.errors.tooSmall6';
  const hit = overlapping(s, existing);
  if (hit) return msg('kinds.subnet.errors.overlaps', { cidr: hit });
  return undefined;
}

/** `start-end` lines (or commas) to pools; each must be inside the CIDR, start <= end, not overlapping. */
export function parsePools(text: string, cidr: string): { pools: Array<{ start: string; end: string }>; problem?: Msg } {
  const c = parseCidr(cidr);
  const items = text.split(/[\n,]+/).map((x) => x.trim()).filter(Boolean);
  const pools: Array<{ start: string; end: string; s: bigint; e: bigint }> = [];
  for (const item of items) {
    const [a, b, ...rest] = item.split(/\s*-\s*/);
    const s = a ? parseIp(a) : null;
    const e = b ? parseIp(b) : null;
    if (!s || !e || rest.length) return { pools: [], problem: msg('kinds.subnet.errors.poolNotRange', { pool: item }) };
    if (c && (!cidrContains(c, s) || !cidrContains(c, e))) return { pools: [], problem: msg('kinds.subnet.errors.poolOutside', { pool: item, cidr: c.text }) };
    if (s.value > e.value) return { pools: [], problem: msg('kinds.subnet.errors.poolReversed', { pool: item }) };
    const clash = pools.find((p) => p.s <= e.value && s.value <= p.e);
    if (clash) return { pools: [], problem: msg('kinds.subnet.errors.poolOverlaps', { pool: item, other: `${clash.start}-${clash.end}` }) };
    pools.push({ start: formatIp(s.version, s.value), end: formatIp(e.version, e.value), s: s.value, e: e.value });
  }
  return { pools: pools.map(({ start, end }) => ({ start, end })) };
}

/** Comma- or space-separated name servers; each must be an IP address. */
export function parseNameservers(text: string): { servers: string[]; problem?: Msg } {
  const servers = text.split(/[\s,]+/).filter(Boolean);
  const bad = servers.find((x) => !parseIp(x));
  return bad ? { servers: [], problem: msg('kinds.subnet.errors.notIp', { value: bad }) } : { servers };
}

/** The gateway field: blank = Neutron's default, "none" = no gateway, else an address inside the CIDR. */
export function gatewayProblem(text: string, cidr: string): Msg | undefined {
  const s = text.trim();
  if (!s || s.toLowerCase() === 'none') return undefined;
  const ip = parseIp(s);
  if (!ip) return msg('kinds.subnet.errors.notIp', { value: s });
  const c = parseCidr(cidr);
  if (c && !cidrContains(c, ip)) return msg('kinds.subnet.errors.gatewayOutside', { cidr: c.text });
  // Neutron refuses the network and broadcast addresses of IPv4; IPv6's network address is the subnet-router anycast.
  if (c && c.version === 4 && (ip.value === c.first || ip.value === c.last)) return msg('kinds.subnet.errors.gatewayNotHost', { ip: s, which: ip.value === c.first ? 'network' : 'broadcast' });
  return undefined;
}
