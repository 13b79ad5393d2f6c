// Version discovery once per cloud (issue 16): a login used to cost 15 discovery calls, some to a project's path
// that Cinder and Heat answer 404; now the first page on a cloud asks, and every later login and project reuses it.
import { beforeEach, expect, it, vi } from 'vitest';
import type { SessionData } from './session';

const asked: string[] = [];
vi.mock('./http', () => ({
  osFetch: vi.fn(async (_cloud: unknown, url: string) => {
    asked.push(url);
    if (url.endsWith('/v3/')) return new Response(JSON.stringify({ versions: [{ id: 'v3.0', status: 'CURRENT', min_version: '3.0', version: '3.70' }] }));
    return new Response('not found', { status: 404 });
  }),
}));
vi.mock('@/lib/config/clouds', () => ({ getCloud: () => ({ id: 'c1', interface: 'public' }) }));
vi.mock('./catalog', () => ({
  getCatalog: async (s: SessionData) => [
    { type: 'volumev3', name: 'cinderv3', endpoints: [{ interface: 'public', region_id: 'R1', url: `http://h:8776/v3/${s.project.id}` }] },
  ],
}));

const session = (project: string, token: string): SessionData => ({
  sid: 's', cloud: 'c1', user: { id: 'u', name: 'u', domainId: 'd' }, project: { id: project, name: project, domainId: 'd' },
  region: 'R1', roles: [], expiresAt: Date.now() + 3600_000, authMethod: 'password', token,
});

beforeEach(() => {
  asked.length = 0;
});

it("probes a service once per cloud, for every login and project, and never at the project's own path", async () => {
  const { discoverServices } = await import('./discovery');
  const first = await discoverServices(session('p1', 'token-1'));
  expect(first[0].versions.map((v) => v.maxVersion)).toEqual(['3.70']);
  expect(asked).toEqual(['http://h:8776/v3/']);
  // Another login, another project: the same service of the same cloud, not asked again.
  const again = await discoverServices(session('p2', 'token-2'));
  expect(again[0].versions.map((v) => v.maxVersion)).toEqual(['3.70']);
  expect(again[0].endpoints[0].url).toBe('http://h:8776/v3/p2');
  expect(asked).toEqual(['http://h:8776/v3/']);
});
