import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { cidrProblem, formatIp, gatewayProblem, overlapping, parseCidr, parseIp, parseNameservers, parsePools, suggestFreeV4, suggestFreeV6 } from './cidr';

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/24', '10.0.0.0/24', false],
    ['10.0.0.5/24', '10.0.0.0/24', true],
    ['192.168.1.0/32', '192.168.1.0/32', false],
    ['fd00:1::/64', 'fd00:1::/64', false],
    ['2001:db8:0:0:0:0:0:1/64', '2001:db8::/64', true],
    ['::ffff:10.0.0.1/128', '::ffff:a00:1/128', false],
  ])('%s -> %s', (text, canonical, hostBits) => {
    const c = parseCidr(text);
    expect(c?.text).toBe(canonical);
    expect(c?.hostBitsSet).toBe(hostBits);
  });
  it.each(['10.0.0.0', '10.0.0.256/24', '10.0.0.0/33', 'fd00::/129', 'abc/24', '10.0.0/24', '1:2:3:4:5:6:7:8:9/64', 'fd00:::1/64', ''])('rejects %j', (text) => {
    expect(parseCidr(text)).toBeNull();
  });
});

describe('formatIp', () => {
  it('compresses the longest zero run', () => {
    expect(formatIp(6, parseIp('2001:db8:0:0:1:0:0:1')!.value)).toBe('2001:db8::1:0:0:1');
    expect(formatIp(6, 0n)).toBe('::');
    expect(formatIp(4, parseIp('10.1.2.3')!.value)).toBe('10.1.2.3');
  });
});

describe('overlap and suggestions', () => {
  it('finds the overlapping CIDR', () => {
    expect(overlapping('10.0.0.128/25', ['192.168.0.0/24', '10.0.0.0/24'])).toBe('10.0.0.0/24');
    expect(overlapping('10.0.1.0/24', ['10.0.0.0/24'])).toBeUndefined();
    expect(overlapping('10.0.0.0/8', ['10.200.3.0/24'])).toBe('10.200.3.0/24');
    expect(overlapping('fd00::/64', ['10.0.0.0/24'])).toBeUndefined();
  });
  it('suggests the first free private /24', () => {
    expect(suggestFreeV4([])).toBe('10.0.0.0/24');
    expect(suggestFreeV4(['10.0.0.0/24', '10.0.1.0/24', '172.24.4.0/24'])).toBe('10.0.2.0/24');
    expect(suggestFreeV4(['10.0.0.0/8'])).toBe('172.16.0.0/24');
    expect(suggestFreeV4(['10.0.0.0/8', '172.16.0.0/12'])).toBe('192.168.0.0/24');
    expect(suggestFreeV4(['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16'])).toBeUndefined();
  });
  it('suggests a free ULA /64', () => {
    const first = suggestFreeV6([])!;
    expect(first).toBe('fdab:cd00::/64');
    expect(suggestFreeV6([first])).not.toBe(first);
    expect(overlapping(suggestFreeV6([first])!, [first])).toBeUndefined();
  });
});

describe('field problems', () => {
  it.each([
    ['', 4, [], true, /Enter a network range/],
    ['10.0.0.0/33', 4, [], true, /Not a valid CIDR/],
    ['not-a-cidr', 4, [], true, /Not a valid CIDR/],
    ['fd00::/64', 4, [], true, /IPv6 range/],
    ['10.0.0.0/31', 4, [], true, /Too small for DHCP/],
    ['0.0.0.0/0', 4, [], true, /\/0/],
    ['10.0.0.0/25', 4, ['10.0.0.0/24'], true, /Overlaps 10.0.0.0\/24/],
    ['10.0.1.5/24', 4, [], true, /^10\.0\.1\.5\/24 has host bits set: did you mean 10\.0\.1\.0\/24\?$/],
    [' 2001:db8::1/64 ', 6, [], true, /did you mean 2001:db8::\/64\?/],
  ] as const)('cidr %j v%d -> %s', (text, v, existing, dhcp, re) => {
    expect(en(cidrProblem(text, v, existing, dhcp))).toMatch(re);
  });
  it('accepts good CIDRs', () => {
    expect(cidrProblem('10.0.0.0/31', 4, [], false)).toBeUndefined();
    expect(cidrProblem('10.0.1.0/24', 4, ['10.0.0.0/24'])).toBeUndefined();
    expect(cidrProblem('fd00:1::/64', 6, ['10.0.0.0/24'])).toBeUndefined();
  });
  it.each([
    ['', '10.0.0.0/24', undefined],
    ['none', '10.0.0.0/24', undefined],
    ['10.0.0.1', '10.0.0.0/24', undefined],
    ['10.0.1.1', '10.0.0.0/24', /inside 10.0.0.0\/24/],
    ['10.0.0.0', '10.0.0.0/24', /network address/],
    ['10.0.0.255', '10.0.0.0/24', /broadcast/],
    ['fd00::', 'fd00::/64', undefined],
    ['gateway', '10.0.0.0/24', /not an IP address/],
  ])('gateway %j in %s', (gw, cidr, re) => {
    const p = gatewayProblem(gw, cidr);
    if (re) expect(en(p)).toMatch(re);
    else expect(p).toBeUndefined();
  });
  it('parses pools', () => {
    expect(parsePools('10.0.0.10-10.0.0.20\n10.0.0.30 - 10.0.0.40', '10.0.0.0/24')).toEqual({ pools: [{ start: '10.0.0.10', end: '10.0.0.20' }, { start: '10.0.0.30', end: '10.0.0.40' }] });
    expect(parsePools('', '10.0.0.0/24')).toEqual({ pools: [] });
    expect(en(parsePools('10.0.0.10-10.0.1.20', '10.0.0.0/24').problem)).toMatch(/not inside/);
    expect(en(parsePools('10.0.0.20-10.0.0.10', '10.0.0.0/24').problem)).toMatch(/start is after the end/);
    expect(en(parsePools('10.0.0.10-10.0.0.20,10.0.0.15-10.0.0.30', '10.0.0.0/24').problem)).toMatch(/overlaps/);
    expect(en(parsePools('10.0.0.10', '10.0.0.0/24').problem)).toMatch(/not a range/);
  });
  it('parses name servers', () => {
    expect(parseNameservers('8.8.8.8, 2001:4860:4860::8888')).toEqual({ servers: ['8.8.8.8', '2001:4860:4860::8888'] });
    expect(en(parseNameservers('8.8.8.8 dns.google').problem)).toMatch(/dns.google is not an IP/);
  });
});
