// IPv4/IPv6 arithmetic on bigint, enough for Neutron's CIDR validation and IP allocation.

export interface Ip {
  version: 4 | 6;
  value: bigint;
}

export interface Cidr {
  version: 4 | 6;
  /** Network address (host bits cleared). */
  network: bigint;
  prefix: number;
  /** The address as written (may have host bits set). */
  address: bigint;
}

const bits = (v: 4 | 6) => (v === 4 ? 32 : 128);

function parseV4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    v = (v << 8n) | BigInt(Number(p));
  }
  return v;
}

function parseV6(s: string): bigint | null {
  if (!/^[0-9a-fA-F:.]+$/.test(s) || s.split('::').length > 2) return null;
  let tail: number[] = [];
  let text = s;
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const n = parseV4(v4[1]);
    if (n === null) return null;
    tail = [Number(n >> 16n), Number(n & 0xffffn)];
    text = text.slice(0, -v4[1].length);
    if (text.endsWith(':') && !text.endsWith('::')) text = text.slice(0, -1);
  }
  const groups = (part: string): number[] | null => {
    if (part === '') return [];
    const out: number[] = [];
    for (const g of part.split(':')) {
      if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
      out.push(parseInt(g, 16));
    }
    return out;
  };
  let all: number[];
  if (text.includes('::')) {
    const [a, b] = text.split('::');
    const ga = groups(a);
    const gb = groups(b);
    if (!ga || !gb) return null;
    const fill = 8 - ga.length - gb.length - tail.length;
    if (fill < 1) return null;
    all = [...ga, ...new Array<number>(fill).fill(0), ...gb, ...tail];
  } else {
    const g = groups(text);
    if (!g) return null;
    all = [...g, ...tail];
  }
  if (all.length !== 8) return null;
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

export function parseIp(s: unknown): Ip | null {
  if (typeof s !== 'string') return null;
  if (s.includes(':')) {
    const v = parseV6(s);
    return v === null ? null : { version: 6, value: v };
  }
  const v = parseV4(s);
  return v === null ? null : { version: 4, value: v };
}

export function formatIp(version: 4 | 6, value: bigint): string {
  if (version === 4) return [24n, 16n, 8n, 0n].map((s) => String((value >> s) & 255n)).join('.');
  const g: number[] = [];
  for (let i = 7; i >= 0; i--) g.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  // RFC 5952: compress the longest run (>= 2) of zero groups.
  let best = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (g[i] !== 0) { i++; continue; }
    let j = i;
    while (j < 8 && g[j] === 0) j++;
    if (j - i > bestLen) { best = i; bestLen = j - i; }
    i = j;
  }
  const hex = g.map((x) => x.toString(16));
  if (best < 0) return hex.join(':');
  return `${hex.slice(0, best).join(':')}::${hex.slice(best + bestLen).join(':')}`;
}

/** Normalised spelling of an address (e.g. IPv6 compression). */
export const normalizeIp = (s: string): string | null => {
  const ip = parseIp(s);
  return ip ? formatIp(ip.version, ip.value) : null;
};

export function parseCidr(s: unknown): Cidr | null {
  if (typeof s !== 'string') return null;
  const [addr, len, extra] = s.split('/');
  if (extra !== undefined) return null;
  const ip = parseIp(addr);
  if (!ip) return null;
  const max = bits(ip.version);
  let prefix = max;
  if (len !== undefined) {
    if (!/^\d{1,3}$/.test(len) || Number(len) > max) return null;
    prefix = Number(len);
  }
  const hostMask = (1n << BigInt(max - prefix)) - 1n;
  return { version: ip.version, network: ip.value & ~hostMask, prefix, address: ip.value };
}

export const cidrString = (c: Cidr): string => `${formatIp(c.version, c.network)}/${c.prefix}`;
export const cidrSize = (c: Cidr): bigint => 1n << BigInt(bits(c.version) - c.prefix);
export const cidrLast = (c: Cidr): bigint => c.network + cidrSize(c) - 1n;
export const cidrContains = (c: Cidr, ip: Ip): boolean =>
  ip.version === c.version && ip.value >= c.network && ip.value <= cidrLast(c);
export const cidrsOverlap = (a: Cidr, b: Cidr): boolean =>
  a.version === b.version && a.network <= cidrLast(b) && b.network <= cidrLast(a);

/** EUI-64 interface id from a MAC (SLAAC addresses). */
export function eui64(c: Cidr, mac: string): bigint {
  const b = mac.split(':').map((x) => parseInt(x, 16));
  const iid = [b[0] ^ 2, b[1], b[2], 0xff, 0xfe, b[3], b[4], b[5]].reduce((acc, x) => (acc << 8n) | BigInt(x), 0n);
  return c.network | iid;
}
