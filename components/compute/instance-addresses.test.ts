import { describe, expect, it } from 'vitest';
import { addressesByNetwork } from './instance-addresses';

describe('addressesByNetwork', () => {
  it('orders networks by name, fixed before floating and IPv4 before IPv6, keeping Nova\'s order otherwise', () => {
    const out = addressesByNetwork({
      'net-10': [{ addr: '10.0.10.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }],
      private: [
        { addr: '172.24.4.7', version: 4, 'OS-EXT-IPS:type': 'floating' },
        { addr: 'fd00::5', version: 6, 'OS-EXT-IPS:type': 'fixed' },
        { addr: '10.0.0.5', version: 4, 'OS-EXT-IPS:type': 'fixed' },
        { addr: '10.0.0.6', version: 4, 'OS-EXT-IPS:type': 'fixed' },
      ],
      'net-9': [{ addr: '10.0.9.5', version: 4, 'OS-EXT-IPS:type': 'fixed' }],
    });
    expect(out.map((n) => n.network)).toEqual(['net-9', 'net-10', 'private']);
    expect(out[2].addresses).toEqual([
      { addr: '10.0.0.5', version: 4, floating: false },
      { addr: '10.0.0.6', version: 4, floating: false },
      { addr: 'fd00::5', version: 6, floating: false },
      { addr: '172.24.4.7', version: 4, floating: true },
    ]);
  });

  it('reads the version from the address when Nova leaves it out, and drops networks without addresses', () => {
    const out = addressesByNetwork({ a: [{ addr: '2001:db8::1' }, { addr: '192.0.2.1' }], empty: [] });
    expect(out).toEqual([{ network: 'a', addresses: [{ addr: '192.0.2.1', version: 4, floating: false }, { addr: '2001:db8::1', version: 6, floating: false }] }]);
  });
});
