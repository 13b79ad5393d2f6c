import { describe, expect, it } from 'vitest';
import { call, sharedTestCloud, testClock } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';

// Cinder's user messages from 3.5 take the common list parameters (sort, limit, marker), as Zed answered
// `GET /v3/{project_id}/messages?sort=created_at:desc&limit=2`; before 3.5 they are ignored.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clock = testClock();
const tc = sharedTestCloud({ now: clock.now, failureFixtures: true });
const api = async (method: string, path: string, mv = '3.60', body?: unknown) => {
  const r = await call(tc.cloud, method, `/volume/v3/${seedProjectId('demo')}${path}`, { token: tc.demo, body, headers: { 'OpenStack-API-Version': `volume ${mv}` } });
  return { status: r.status, body: r.body as Obj };
};

describe('messages', () => {
  it('sort, limit and marker from 3.5, with a next link', async () => {
    for (const name of ['fail-m1', 'fail-m2', 'fail-m3']) {
      expect((await api('POST', '/volumes', '3.60', { volume: { size: 1, name } })).status).toBe(202);
      clock.advance(30);
    }
    const all = (await api('GET', '/messages')).body.messages as Obj[];
    expect(all.length).toBeGreaterThanOrEqual(3);
    const newest = await api('GET', '/messages?sort=created_at:desc&limit=2');
    expect(newest.status).toBe(200);
    const two = newest.body.messages as Obj[];
    expect(two).toHaveLength(2);
    expect(two[0].created_at >= two[1].created_at).toBe(true);
    expect(two[0]).toMatchObject({ message_level: 'ERROR', resource_type: 'VOLUME' });
    expect(newest.body.messages_links[0].rel).toBe('next');
    const rest = (await api('GET', `/messages?sort=created_at:desc&limit=2&marker=${two[1].id}`)).body.messages as Obj[];
    expect(rest.map((m) => m.id)).not.toContain(two[0].id);
    expect((await api('GET', '/messages?limit=x')).status).toBe(400);
    // 3.3 and 3.4 answer the whole list.
    expect(((await api('GET', '/messages?limit=1', '3.3')).body.messages as Obj[]).length).toBe(all.length);
  });
});
