import { describe, expect, it } from 'vitest';
import { defaultImage, networkChoices } from './launch-defaults';

const img = (name: string, created_at: string, visibility = 'public') => ({ id: `id-${name}`, name, created_at, visibility });

describe('the launch form\'s default image', () => {
  it('prefers the newest public cirros/ubuntu/debian image over an alphabetically earlier scratch upload', () => {
    const images = [
      img('aaa-scratch', '2024-06-01T00:00:00Z', 'private'),
      img('CirrOS 0.6', '2023-01-01T00:00:00Z'),
      img('Ubuntu 24.04', '2024-05-01T00:00:00Z'),
      img('debian-12', '2024-04-01T00:00:00Z'),
      img('windows', '2024-07-01T00:00:00Z'),
    ];
    expect(defaultImage(images)?.name).toBe('Ubuntu 24.04');
  });
  it('ignores a well-known name that is not public', () => {
    expect(defaultImage([img('my-ubuntu', '2024-09-01T00:00:00Z', 'shared'), img('cirros', '2020-01-01T00:00:00Z')])?.name).toBe('cirros');
  });
  it('falls back to the newest public image, then to the newest of any', () => {
    expect(defaultImage([img('alpha', '2024-01-01T00:00:00Z'), img('zeta', '2024-03-01T00:00:00Z'), img('mine', '2025-01-01T00:00:00Z', 'private')])?.name).toBe('zeta');
    expect(defaultImage([img('old', '2020-01-01T00:00:00Z', 'private'), img('new', '2021-01-01T00:00:00Z', 'community')])?.name).toBe('new');
  });
  it('breaks a tie by name, whatever order the API answered in', () => {
    const t = '2024-01-01T00:00:00Z';
    expect(defaultImage([img('ubuntu', t), img('cirros', t)])?.name).toBe('cirros');
    expect(defaultImage([img('cirros', t), img('ubuntu', t)])?.name).toBe('cirros');
  });
  it('has no default without images, and reads images without a date', () => {
    expect(defaultImage([])).toBeUndefined();
    expect(defaultImage([{ id: 'x', name: null }])?.id).toBe('x');
  });
});

describe('the launch form\'s networks', () => {
  const nets = [
    { id: 'n3', name: 'web' },
    { id: 'n1', name: 'public', 'router:external': true },
    { id: 'n2', name: 'db', shared: true },
    { id: 'n4', name: '' },
  ];
  const subnets = [
    { id: 's1', name: 'web-b', network_id: 'n3', cidr: '10.0.2.0/24' },
    { id: 's2', name: 'web-a', network_id: 'n3', cidr: '10.0.10.0/24' },
    { id: 's3', name: '', network_id: 'n2', cidr: '10.1.10.0/24' },
    { id: 's4', name: '', network_id: 'n2', cidr: '10.1.9.0/24' },
    { id: 's5', name: 'pub', network_id: 'n1', cidr: '172.24.4.0/24' },
  ];
  it('lists instance networks by name (an unnamed one by id) without external ones', () => {
    expect(networkChoices(nets, subnets).map((c) => c.network.id)).toEqual(['n2', 'n4', 'n3']);
  });
  it('gives each network its subnets by name, then by CIDR in numeric order', () => {
    const out = Object.fromEntries(networkChoices(nets, subnets).map((c) => [c.network.id, c.subnets.map((s) => s.cidr)]));
    expect(out).toEqual({ n2: ['10.1.9.0/24', '10.1.10.0/24'], n4: [], n3: ['10.0.10.0/24', '10.0.2.0/24'] });
  });
});
