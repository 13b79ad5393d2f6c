import { describe, expect, it } from 'vitest';
import { collectProjectIds, maskIds } from './mask-ids';

const P1 = '0123456789abcdef0123456789abcdef';
const P2 = 'fedcba9876543210fedcba9876543210';
const P3 = '11111111-2222-3333-4444-555555555555';

describe('project IDs in raw text', () => {
  it('finds them under every key OpenStack uses, and in Keystone project objects', () => {
    const ids = collectProjectIds({
      server: { tenant_id: P1, user_id: 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa', image: { id: 'bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb' } },
      volumes: [{ 'os-vol-tenant-attr:tenant_id': P2 }],
      token: { project: { id: P3, name: 'demo' } },
    });
    expect([...ids].sort()).toEqual([P1, P2, P3].sort());
    expect(collectProjectIds({ images: [{ owner: P1 }], members: [{ member_id: P2 }], node: { lessee: P3 } })).toEqual(new Set([P1, P2, P3]));
    expect(collectProjectIds({ projects: [{ id: P1 }, { id: P2 }] })).toEqual(new Set([P1, P2]));
  });

  it('ignores values that do not look like IDs and keys that only resemble project keys', () => {
    expect(collectProjectIds({ project_id: 'demo', device_owner: P1, owner: '', tenant: 'x' }).size).toBe(0);
    expect(collectProjectIds('not json').size).toBe(0);
  });

  it('masks every occurrence in URLs, headers and bodies, whatever the case', () => {
    const text = `GET https://cinder/v3/${P1}/volumes\n{"project_id": "${P1.toUpperCase()}", "id": "${P2}"}`;
    expect(maskIds(text, [P1])).toBe('GET https://cinder/v3/••••••/volumes\n{"project_id": "••••••", "id": "' + P2 + '"}');
  });

  it('leaves text alone without IDs, and never masks a short word given as an ID', () => {
    expect(maskIds('GET /v2.1/servers', [])).toBe('GET /v2.1/servers');
    expect(maskIds('the demo project', ['demo'])).toBe('the demo project');
  });
});
