// Manila speaks 2.0 unless told otherwise (no share_type_name, no access rule `state`, no export locations
// endpoint): the proxy must send Zed's 2.73 by default and let a chosen version cross both ways.
import { describe, expect, it } from 'vitest';
import { DEFAULT_MICROVERSION_HEADERS, hasMicroversion } from './microversions';
import { filterRequestHeaders, filterResponseHeaders } from './proxy-rules';

describe('Manila microversion', () => {
  it('defaults sharev2 to 2.73', () => {
    expect(DEFAULT_MICROVERSION_HEADERS.sharev2).toEqual({ 'X-OpenStack-Manila-API-Version': '2.73' });
  });

  it('keeps a version the browser chose (the default is then not merged in)', () => {
    expect(hasMicroversion(new Headers({ 'X-OpenStack-Manila-API-Version': '2.49' }))).toBe(true);
    expect(hasMicroversion(new Headers({ accept: 'application/json' }))).toBe(false);
  });

  it('lets the header through to Manila and back to the browser', () => {
    expect(filterRequestHeaders(new Headers({ 'x-openstack-manila-api-version': '2.73', 'x-auth-token': 't' })).get('x-openstack-manila-api-version')).toBe('2.73');
    const back = filterResponseHeaders(new Headers({ 'X-OpenStack-Manila-API-Version': '2.73', 'set-cookie': 'a=b' }));
    expect([...back.keys()]).toEqual(['x-openstack-manila-api-version']);
  });
});
