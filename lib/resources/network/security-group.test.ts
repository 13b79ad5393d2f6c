import { describe, expect, it } from 'vitest';
import type { Msg } from '@/lib/i18n/msg';
import { en } from '@/lib/testing/english';
import { fieldErrors } from '../schema';
import { issueMsg } from '@/lib/i18n/issue';
import { cidrVersion, icmpValue, parsePorts, portRange, RULE_FORM_DEFAULTS, RULE_PRESETS, ruleBody, ruleCli, RuleFormSchema, type RuleForm } from './security-group';

const form = (over: Partial<RuleForm>) => ({ ...RULE_FORM_DEFAULTS, ...over });
const errors = (over: Partial<RuleForm>) => {
  const r = RuleFormSchema.safeParse(form(over));
  // The field errors as the form shows them in English.
  return r.success ? {} : Object.fromEntries(Object.entries(fieldErrors(r.error)).map(([k, m]) => [k, en(issueMsg(m))]));
};
/** icmpValue's answer, a problem read in English. */
const icmp = (v: number | null | Msg) => (v === null || typeof v === 'number' ? v : en(v));

describe('parsePorts', () => {
  it.each([
    ['', { min: null, max: null }],
    ['22', { min: 22, max: 22 }],
    ['8000-8080', { min: 8000, max: 8080 }],
    ['8000:8080', { min: 8000, max: 8080 }],
    [' 1 - 65535 ', { min: 1, max: 65535 }],
  ])('%j is %j', (raw, want) => expect(parsePorts(raw)).toEqual(want));
  it.each([
    ['70000', /1 to 65535 \(70000/],
    ['0', /1 to 65535 \(0/],
    ['90-80', /starts after it ends \(90 > 80\)/],
    ['ssh', /Enter a port/],
    ['22,80', /Enter a port/],
    ['-5', /Enter a port/],
  ])('%j is refused', (raw, msg) => {
    const r = parsePorts(raw);
    expect('error' in r && en(r.error)).toMatch(msg);
  });
});

describe('icmpValue', () => {
  it('0..255, empty for any', () => {
    expect(icmpValue('', 'type')).toBeNull();
    expect(icmpValue('0', 'type')).toBe(0);
    expect(icmpValue('255', 'code')).toBe(255);
    expect(icmp(icmpValue('256', 'code'))).toMatch(/0 to 255/);
    expect(icmp(icmpValue('8.5', 'type'))).toMatch(/whole number/);
  });
});

describe('cidrVersion', () => {
  it.each([
    ['10.0.0.0/8', 'IPv4'], ['0.0.0.0/0', 'IPv4'], ['203.0.113.7', 'IPv4'], ['192.168.1.0/32', 'IPv4'],
    ['::/0', 'IPv6'], ['2001:db8::/32', 'IPv6'], ['fe80::1', 'IPv6'], ['::ffff:10.0.0.1/128', 'IPv6'], ['1:2:3:4:5:6:7:8/64', 'IPv6'],
  ])('%s is %s', (c, v) => expect(cidrVersion(c)).toBe(v));
  it.each(['10.0.0.300/24', '10.0.0.0/33', '10.0.0/24', '10.0.0.0/', 'abc', '2001:db8::/129', '1::2::3', '1:2:3:4:5:6:7:8:9', '2001:db8:::1', '10.0.0.0/8/8', ''])('%j is invalid', (c) =>
    expect(cidrVersion(c)).toBeNull(),
  );
});

describe('RuleFormSchema', () => {
  it('accepts the defaults and every preset', () => {
    expect(errors({})).toEqual({});
    for (const p of RULE_PRESETS) expect(RuleFormSchema.safeParse(p.form('sg-1')).success).toBe(true);
  });
  it('refuses bad ports only for TCP/UDP', () => {
    expect(errors({ ports: '70000' }).ports).toMatch(/65535/);
    expect(errors({ protocol: 'udp', ports: '5-1' }).ports).toMatch(/starts after/);
    expect(errors({ protocol: 'any', ports: '70000' })).toEqual({});
  });
  it('checks ICMP type and code', () => {
    expect(errors({ protocol: 'icmp', icmpType: '300' }).icmpType).toMatch(/0 to 255/);
    expect(errors({ protocol: 'icmp', icmpCode: '0' }).icmpCode).toMatch(/needs an ICMP type/);
    expect(errors({ protocol: 'icmp', icmpType: '8', icmpCode: '0' })).toEqual({});
  });
  it('checks the CIDR against the ethertype', () => {
    expect(errors({ cidr: '10.0.0.300/24' }).cidr).toMatch(/Not a valid IPv4 CIDR/);
    expect(errors({ cidr: '2001:db8::/32' }).cidr).toMatch(/IPv6 CIDR but the rule is for IPv4/);
    expect(errors({ ethertype: 'IPv6', cidr: '10.0.0.0/8' }).cidr).toMatch(/IPv4 CIDR but the rule is for IPv6/);
    expect(errors({ ethertype: 'IPv6', cidr: '2001:db8::/32' })).toEqual({});
  });
  it('needs a group for a remote-group rule', () => {
    expect(errors({ remote: 'group' }).remoteGroupId).toMatch(/Choose/);
  });
});

describe('ruleBody and ruleCli', () => {
  it('SSH preset', () => {
    const ssh = RULE_PRESETS.find((p) => p.id === 'ssh')!.form('g');
    expect(ruleBody('g', ssh)).toEqual({ security_group_id: 'g', direction: 'ingress', ethertype: 'IPv4', protocol: 'tcp', port_range_min: 22, port_range_max: 22, remote_ip_prefix: '0.0.0.0/0' });
    expect(ruleCli('web', ssh)).toBe('openstack security group rule create --ingress --ethertype IPv4 --protocol tcp --dst-port 22 --remote-ip 0.0.0.0/0 web');
  });
  it('self group: any protocol, no ports, remote group by name', () => {
    const self = RULE_PRESETS.find((p) => p.id === 'self')!.form('g1');
    expect(ruleBody('g1', self)).toEqual({ security_group_id: 'g1', direction: 'ingress', ethertype: 'IPv4', remote_group_id: 'g1' });
    expect(ruleCli('my group', self, { g1: 'my group' })).toBe("openstack security group rule create --ingress --ethertype IPv4 --protocol any --remote-group 'my group' 'my group'");
  });
  it('ICMP type/code go in the port fields; ranges show as min:max', () => {
    expect(ruleBody('g', form({ protocol: 'icmp', icmpType: '8', icmpCode: '0' }))).toMatchObject({ protocol: 'icmp', port_range_min: 8, port_range_max: 0 });
    expect(ruleCli('g', form({ ports: '8000-8080', description: "it's" }))).toBe("openstack security group rule create --ingress --ethertype IPv4 --protocol tcp --dst-port 8000:8080 --description 'it'\\''s' g");
  });
  it('portRange labels', () => {
    expect(en(portRange({ protocol: 'tcp', port_range_min: 22, port_range_max: 22 }))).toBe('22');
    expect(en(portRange({ protocol: 'tcp', port_range_min: 1, port_range_max: 1024 }))).toBe('1–1024');
    expect(en(portRange({ protocol: null, port_range_min: null, port_range_max: null }))).toBe('any');
    expect(en(portRange({ protocol: 'icmp', port_range_min: 8, port_range_max: 0 }))).toBe('type 8 code 0');
  });
});
