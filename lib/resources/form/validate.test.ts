import { describe, expect, it } from 'vitest';
import type { MsgKey } from '@/lib/i18n/msg';
import { isEmail, isFqdn, isIPv4, isIPv6, isWhole, maxChars, optionalWhole } from './validate';

// Any keys do: the schemas keep the error they are given (zod stores a string; the form translates it).
const SECONDS = 'common.status' as MsgKey;
const TOO_LONG = 'common.name' as MsgKey;

describe('addresses', () => {
  it.each([
    ['1.2.3.4', true], ['255.255.255.255', true], ['0.0.0.0', true],
    ['256.1.1.1', false], ['1.2.3', false], ['1.2.3.4.5', false], ['01.2.3.4', false], ['a.b.c.d', false], ['1.2.3.4 ', false],
  ])('IPv4 %s -> %s', (v, ok) => expect(isIPv4(v)).toBe(ok));
  it.each([
    ['2001:db8::1', true], ['::1', true], ['::', true], ['fe80::1:2:3:4', true], ['::ffff:1.2.3.4', true],
    ['2001:db8:0:0:0:0:0:1', true], ['2001:db8::1::2', false], ['1.2.3.4', false], ['2001:db8:0:0:0:0:0:0:1', false], ['g::1', false], ['12345::', false],
    ['::ffff:01.2.3.4', false], [' ::1', false],
  ])('IPv6 %s -> %s', (v, ok) => expect(isIPv6(v)).toBe(ok));
});

describe('names and numbers', () => {
  it('FQDNs', () => {
    expect(isFqdn('example.org.')).toBe(true);
    expect(isFqdn('example.org')).toBe(false);
    expect(isFqdn('-bad.org.')).toBe(false);
    expect(isFqdn('*.example.org.')).toBe(false);
    expect(isFqdn('*.example.org.', true)).toBe(true);
  });
  it('e-mail', () => {
    expect(isEmail('hostmaster@example.org')).toBe(true);
    expect(isEmail('not-an-email')).toBe(false);
  });
  it('whole numbers in a range, optional fields and lengths', () => {
    expect(isWhole('65535', 0, 65535)).toBe(true);
    expect(isWhole('65536', 0, 65535)).toBe(false);
    expect(isWhole('1.5', 0, 10)).toBe(false);
    const ttl = optionalWhole(1, 100, SECONDS);
    expect(ttl.parse(' 7 ')).toBe('7');
    expect(ttl.parse('')).toBe('');
    expect(ttl.safeParse('0').error?.issues[0].message).toBe(SECONDS);
    expect(maxChars(3, TOO_LONG).safeParse('abcd').error?.issues[0].message).toBe(TOO_LONG);
    expect(maxChars(3, TOO_LONG).safeParse('abc').success).toBe(true);
  });
});
