import { describe, expect, it } from 'vitest';
import { parseQuotas, QUOTA_APIS, quotaChanges, quotaCli, quotaRequest } from './quotas';

const api = (id: string) => QUOTA_APIS.find((a) => a.id === id)!;

describe('admin quotas', () => {
  it('reads every quota with its usage, skipping what is no quota (Cinder\'s id)', () => {
    const body = { quota_set: { id: 'p1', volumes: { limit: 10, in_use: 2, reserved: 0 }, gigabytes: { limit: -1, in_use: 5, reserved: 1 } } };
    expect(parseQuotas(api('volume'), body)).toEqual([
      { key: 'gigabytes', limit: -1, used: 5, reserved: 1 },
      { key: 'volumes', limit: 10, used: 2, reserved: 0 },
    ]);
    expect(parseQuotas(api('network'), { quota: { port: { limit: 50, used: 3, reserved: 0 } } })).toEqual([{ key: 'port', limit: 50, used: 3, reserved: 0 }]);
    // Octavia: bare numbers, no usage (as Zed's answers).
    expect(parseQuotas(api('load-balancer'), { quota: { load_balancer: -1, pool: 5 } })).toEqual([{ key: 'load_balancer', limit: -1 }, { key: 'pool', limit: 5 }]);
  });
  it('sends only what changed, refusing what is not a whole number of at least -1', () => {
    const rows = [{ key: 'cores', limit: 20 }, { key: 'ram', limit: 51200 }];
    expect(quotaChanges(rows, { cores: '40', ram: '51200' })).toEqual({ changes: { cores: 40 } });
    expect(quotaChanges(rows, { cores: '-2', ram: '1.5' })).toEqual({ errors: { cores: 'admin.quotas.errors.whole', ram: 'admin.quotas.errors.whole' } });
    expect(quotaRequest(api('compute'), 'p1', { cores: 40 })).toEqual({ method: 'PUT', path: 'os-quota-sets/p1', body: { quota_set: { cores: 40 } } });
    expect(quotaRequest(api('network'), 'p1', { port: 10 })).toEqual({ method: 'PUT', path: 'v2.0/quotas/p1', body: { quota: { port: 10 } } });
  });
  it('words the CLI with its flag names', () => {
    expect(quotaCli(api('network'), 'p1', { floatingip: 5, security_group: 3 })).toBe('openstack quota set --floating-ips 5 --secgroups 3 p1');
    expect(quotaCli(api('compute'), 'p1', { metadata_items: 10, cores: 4 })).toBe('openstack quota set --properties 10 --cores 4 p1');
    expect(quotaCli(api('share'), 'p1', { share_networks: 2 })).toBe('openstack share quota set --share-networks 2 p1');
  });
});
