import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';

// Glance's [import_filtering_opts] check for web-download URIs (glance.common.utils.get_validated_address) with
// its defaults and the SSRF hardening of the Glance the real test cloud runs: http(s) only, explicit ports 80 and
// 443 only, a host that is an IP literal or a name that resolves (shorthand and encoded IPs refused), and at least
// one address that is neither loopback nor link-local.

export type Resolver = (host: string) => Promise<string[]>;

const dnsResolve: Resolver = async (host) => (await lookup(host, { all: true })).map((a) => a.address);

const blocked = new BlockList();
blocked.addSubnet('127.0.0.0', 8, 'ipv4');
blocked.addSubnet('169.254.0.0', 16, 'ipv4');
blocked.addAddress('::1', 'ipv6');
blocked.addSubnet('fe80::', 10, 'ipv6');

/** Loopback or link-local, IPv4-mapped IPv6 addresses judged by their IPv4 part. */
function unreachableByPolicy(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return blocked.check(mapped[1], 'ipv4');
  return blocked.check(address, isIP(address) === 6 ? 'ipv6' : 'ipv4');
}

/** The URI's scheme, host (as written: WHATWG URL would rewrite 127.1 or 2130706433) and explicit port. */
function parts(uri: string): { scheme: string; host: string; port: number | null } | null {
  const m = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^:/?#]*)(?::(\d*))?(?:[/?#]|$)/i.exec(uri);
  if (!m) return null;
  return { scheme: m[1].toLowerCase(), host: m[2].replace(/^\[|\]$/g, '').toLowerCase(), port: m[3] ? Number(m[3]) : null };
}

export async function importUriAllowed(
  uri: unknown,
  opts: { allowedPorts?: readonly number[]; resolve?: Resolver } = {},
): Promise<boolean> {
  if (typeof uri !== 'string' || !uri) return false;
  const p = parts(uri);
  if (!p || (p.scheme !== 'http' && p.scheme !== 'https') || !p.host) return false;
  if (p.port !== null && !(opts.allowedPorts ?? [80, 443]).includes(p.port)) return false;
  let addresses: string[];
  if (isIP(p.host)) {
    addresses = [p.host];
  } else {
    if (/^[\d.]+$/.test(p.host)) return false; // shorthand or decimal-encoded IPs
    try {
      addresses = await (opts.resolve ?? dnsResolve)(p.host.endsWith('.') ? p.host : `${p.host}.`);
    } catch {
      return false;
    }
  }
  return addresses.some((a) => !unreachableByPolicy(a));
}
