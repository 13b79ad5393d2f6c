import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { absoluteName, fqdnSchema, qualifyRecord, quoteTxt, recordProblem, relativeName, ttlProblem } from './records';

describe('recordProblem', () => {
  it.each([
    ['A', '10.0.0.1', undefined],
    ['A', '999.0.0.1', '999.0.0.1 is not an IPv4 address'],
    ['AAAA', '2001:db8::5', undefined],
    ['AAAA', '10.0.0.1', '10.0.0.1 is not an IPv6 address'],
    ['CNAME', 'web.example.org.', undefined],
    ['CNAME', 'web.example.org', 'web.example.org must be a fully qualified name ending with a dot'],
    ['PTR', 'host.example.org.', undefined],
    ['NS', 'ns1.example.org.', undefined],
    ['MX', '10 mail.example.org.', undefined],
    ['MX', 'mail.example.org.', 'An MX record is a priority and a host (10 mail.example.org.)'],
    ['MX', '70000 mail.example.org.', 'The priority must be a number from 0 to 65535'],
    ['MX', '10 mail.example.org', 'mail.example.org must be a fully qualified host name ending with a dot'],
    ['SRV', '10 5 5060 sip.example.org.', undefined],
    ['SRV', '10 5 sip.example.org.', 'An SRV record is priority, weight, port and target (10 5 5060 sip.example.org.)'],
    ['SRV', '10 5 99999 sip.example.org.', 'Priority, weight and port must be numbers from 0 to 65535'],
    ['TXT', '"v=spf1 -all"', undefined],
    ['TXT', '"part one" "part two"', undefined],
    ['TXT', 'unquoted', 'Quote each string: "v=spf1 -all"'],
    ['TXT', '"open', 'Quote each string: "v=spf1 -all"'],
    ['A', '  ', 'Enter a value'],
  ])('%s %s', (type, data, problem) => expect(en(recordProblem(type, data))).toBe(problem));
});

describe('names', () => {
  it('FQDN fields: required, the trailing dot added, valid', () => {
    const host = fqdnSchema('kinds.ptr.errors.nameEmpty', 'kinds.ptr.errors.nameInvalid');
    const message = (v: string) => en(host.safeParse(v).error?.issues[0].message);
    expect(host.parse(' web.example.org. ')).toBe('web.example.org.');
    expect(host.parse(' web.example.org ')).toBe('web.example.org.');
    expect(message('')).toBe('Enter the host name, e.g. web.example.org.');
    expect(message('-web.example.org')).toBe('Not a valid host name');
  });
  it.each([
    ['CNAME', 'web.example.org', 'web.example.org.'],
    ['CNAME', 'web.example.org.', 'web.example.org.'],
    ['CNAME', 'web', 'web'],
    ['NS', 'ns1.example.org', 'ns1.example.org.'],
    ['PTR', ' host.example.org ', 'host.example.org.'],
    ['MX', '10 mail.example.org', '10 mail.example.org.'],
    ['SRV', '10 5 5060 sip.example.org', '10 5 5060 sip.example.org.'],
    ['SRV', '0 0 0 .', '0 0 0 .'],
    ['A', '192.0.2.1', '192.0.2.1'],
    ['TXT', '"a.b"', '"a.b"'],
  ])('qualifies %s %j -> %j', (type, rec, out) => expect(qualifyRecord(type, rec)).toBe(out));
  it.each([
    ['www', 'www.example.org.'],
    ['WWW', 'www.example.org.'],
    ['@', 'example.org.'],
    ['', 'example.org.'],
    ['www.example.org.', 'www.example.org.'],
    ['a.b', 'a.b.example.org.'],
    ['*', '*.example.org.'],
  ])('relative or absolute %s -> %s', (n, full) => expect(absoluteName(n, 'example.org.')).toEqual({ name: full }));
  it('refuses names outside the zone and bad labels', () => {
    const problem = (n: string) => {
      const r = absoluteName(n, 'example.org.');
      return 'problem' in r ? en(r.problem) : undefined;
    };
    expect(problem('www.other.org.')).toBe('www.other.org. is not inside the zone example.org.');
    expect(problem('badexample.org.')).toBe('badexample.org. is not inside the zone example.org.');
    expect(problem('bad name')).toBe('bad name is not a valid DNS name');
  });
  it('relative names for display', () => {
    expect(relativeName('www.example.org.', 'example.org.')).toBe('www');
    expect(relativeName('example.org.', 'example.org.')).toBe('@');
    expect(relativeName('other.net.', 'example.org.')).toBe('other.net.');
  });
});

describe('TXT quoting and TTL', () => {
  it('quotes bare text, escaping quotes, and keeps quoted input', () => {
    expect(quoteTxt('hello world')).toBe('"hello world"');
    expect(quoteTxt('say "hi"')).toBe('"say \\"hi\\""');
    expect(quoteTxt('"already"')).toBe('"already"');
    expect(recordProblem('TXT', quoteTxt('say "hi"'))).toBeUndefined();
  });
  it('TTL is empty or whole seconds', () => {
    expect(ttlProblem('')).toBeUndefined();
    expect(ttlProblem('300')).toBeUndefined();
    expect(en(ttlProblem('3.5'))).toBe('Enter a whole number of seconds');
    expect(en(ttlProblem('-1'))).toBe('Enter a whole number of seconds');
  });
});
