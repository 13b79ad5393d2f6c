import { describe, expect, it } from 'vitest';
import { stableUuid } from '@/lib/demo-cloud/core/ids';
import { seedProjectId } from '@/lib/demo-cloud/services/identity/seed';
import { findNetwork } from '@/lib/demo-cloud/services/network/api';
import { call, sharedTestCloud, testClock } from '@/lib/demo-cloud/test-helpers';
import { DEFAULT_MICROVERSION_HEADERS } from '@/lib/openstack/microversions';
import { serverDefinition } from './compute/server';
import { zoneDefinition } from './dns/zone';
import { loadBalancerDefinition } from './load-balancer/load-balancer';
import { stackDefinition } from './orchestration/stack';
import { ITEMS_PER_OBJECT, newPollState, OBJECTS_PER_POLL, pollActivity, type Get, type PollState } from './activity-poll';
import { volumeDefinition } from './volume/volume';
import type { AnyDefinition } from './types';

// The poller against the demo cloud as the member `demo` sees it: a teammate's (here the admin's) delete shows with
// their user id, each request is bounded, and a poll after nothing changed asks only from where the last one ended.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clock = testClock();
let endpoints: Record<string, string> = {};
let privateNet = '';
const tc = sharedTestCloud({ now: clock.now, failureFixtures: true }, async ({ cloud, demo }) => {
  const auth = await call(cloud, 'GET', '/identity/v3/auth/tokens', { token: demo, headers: { 'X-Subject-Token': demo } });
  const catalog = (auth.body as Obj).token.catalog as { type: string; endpoints: { interface: string; url: string; region_id?: string }[] }[];
  endpoints = Object.fromEntries(catalog.map((c) => [c.type, c.endpoints.find((e) => e.interface === 'public' && (e.region_id ?? 'RegionOne') === 'RegionOne')?.url ?? '']));
  privateNet = findNetwork(cloud.core, 'private', seedProjectId('demo'))!.id;
});

const DEFS: AnyDefinition[] = [serverDefinition, volumeDefinition, stackDefinition, zoneDefinition, loadBalancerDefinition];

/** A `get` as the proxy answers it (the service's endpoint, its default microversion, the definition's headers), recording each path. */
function recorder(token: () => string) {
  const paths: string[] = [];
  const get: Get = async (target, path) => {
    paths.push(`${target.service} ${path}`);
    const base = endpoints[target.service];
    if (!base) throw new Error(`no ${target.service} in the catalog`);
    const r = await fetch(`${base.replace(/\/$/, '')}/${path}`, { headers: { 'X-Auth-Token': token(), ...DEFAULT_MICROVERSION_HEADERS[target.service], ...target.headers } });
    if (!r.ok) throw new Error(`${r.status} ${await r.text()}`);
    return r.json();
  };
  return { get, paths };
}

const userId = async (token: string) => ((await call(tc.cloud, 'GET', '/identity/v3/auth/tokens', { token, headers: { 'X-Subject-Token': token } })).body as Obj).token.user.id as string;

describe('pollActivity on the demo cloud', () => {
  it('shows a teammate deleting a server, with who, and bounded calls', async () => {
    const { get, paths } = recorder(() => tc.demo);
    let state: PollState = newPollState(clock.now());
    state = await pollActivity(state, DEFS, get);
    expect(state.errors).toEqual(new Map());

    const created = await call(tc.cloud, 'POST', '/compute/v2.1/servers', {
      token: tc.demo, headers: serverDefinition.headers,
      body: { server: { name: 'act-web', imageRef: stableUuid('image', 'cirros'), flavorRef: '1', networks: [{ uuid: privateNet }] } },
    });
    expect(created.status).toBe(202);
    const id = (created.body as Obj).server.id as string;
    clock.advance(15);
    state = await pollActivity(state, DEFS, get);
    const demoId = await userId(tc.demo);
    expect(state.entries.filter((e) => e.resourceId === id).map((e) => [e.action, e.userId, e.slug, e.resourceName])).toEqual([['create', demoId, `instances/${id}`, 'act-web']]);

    // The admin (a teammate here) deletes it.
    clock.advance(2);
    expect((await call(tc.cloud, 'DELETE', `/compute/v2.1/servers/${id}`, { token: tc.admin })).status).toBe(204);
    clock.advance(5);
    paths.length = 0;
    state = await pollActivity(state, DEFS, get);
    const adminId = await userId(tc.admin);
    const del = state.entries.find((e) => e.resourceId === id && e.action === 'delete');
    expect(del).toMatchObject({ kind: 'server', resourceName: 'act-web', userId: adminId, outcome: 'ok' });
    expect(del?.slug).toBeUndefined();
    expect(state.entries[0]).toBe(del);

    // Every list is bounded; the servers are asked only for what changed since the service's last answer.
    for (const p of paths.filter((x) => !x.includes('os-instance-actions') && !x.includes('/events'))) expect(p).toMatch(new RegExp(`[?&]limit=${OBJECTS_PER_POLL}(&|$)`));
    const actions = paths.filter((x) => x.includes('os-instance-actions'));
    expect(actions).toEqual([expect.stringMatching(new RegExp(`^compute servers/${id}/os-instance-actions\\?changes-since=[^&]+&limit=${ITEMS_PER_OBJECT}$`))]);
    expect(paths.find((x) => x.startsWith('compute servers/detail'))).toMatch(/changes-since=\d{4}-\d\d-\d\dT\d\d%3A\d\d%3A\d\dZ&sort_key=updated_at&sort_dir=desc/);

    // Nothing new: no instance actions are read again, and the entries stay the same array.
    paths.length = 0;
    const before = state.entries;
    state = await pollActivity(state, DEFS, get);
    expect(paths.filter((x) => x.includes('os-instance-actions'))).toEqual([]);
    expect(state.entries).toBe(before);
  });

  it('words a failed volume from Cinder\'s messages, linked to the volume', async () => {
    const { get } = recorder(() => tc.demo);
    let state = await pollActivity(newPollState(clock.now()), DEFS, get);
    const r = await call(tc.cloud, 'POST', `/volume/v3/${seedProjectId('demo')}/volumes`, { token: tc.demo, body: { volume: { size: 1, name: 'fail-act' } }, headers: { 'OpenStack-API-Version': 'volume 3.60' } });
    expect(r.status).toBe(202);
    const vol = (r.body as Obj).volume.id as string;
    clock.advance(30);
    await call(tc.cloud, 'GET', `/volume/v3/${seedProjectId('demo')}/volumes/${vol}`, { token: tc.demo });
    state = await pollActivity(state, DEFS, get);
    const e = state.entries.find((x) => x.resourceId === vol);
    expect(e).toMatchObject({ kind: 'volume', outcome: 'error', slug: `volumes/${vol}` });
    expect(typeof e?.action).toBe('string');
  });

  it('words a zone\'s changes from its status (Designate keeps no history)', async () => {
    const { get } = recorder(() => tc.demo);
    let state = await pollActivity(newPollState(clock.now()), DEFS, get);
    clock.advance(2);
    const r = await call(tc.cloud, 'POST', '/dns/v2/zones', { token: tc.demo, body: { name: 'activity.example.org.', email: 'ops@example.org' } });
    expect(r.status).toBe(202);
    const zone = (r.body as Obj).id as string;
    state = await pollActivity(state, DEFS, get);
    expect(state.entries.filter((x) => x.resourceId === zone).map((x) => [x.action, x.outcome])).toEqual([['PENDING CREATE', 'busy']]);
    clock.advance(30);
    state = await pollActivity(state, DEFS, get);
    expect(state.entries.filter((x) => x.resourceId === zone).map((x) => x.outcome)).toEqual(['ok', 'busy']);
  });

  it('keeps polling the other kinds when one fails, and says which', async () => {
    const { get } = recorder(() => 'not-a-token');
    const state = await pollActivity(newPollState(clock.now()), [serverDefinition], get);
    expect([...state.errors.keys()]).toEqual(['server']);
    expect(state.cursors.size).toBe(0);
  });

  it('stops asking for a kind the policy refuses (403), without an error', async () => {
    const paths: string[] = [];
    const refuse: Get = async (target, path) => {
      paths.push(path);
      throw Object.assign(new Error('Policy does not allow this request to be performed.'), { status: 403 });
    };
    const once = await pollActivity(newPollState(clock.now()), [loadBalancerDefinition], refuse);
    expect(once.errors).toEqual(new Map());
    expect([...once.refused]).toEqual([loadBalancerDefinition.kind]);
    await pollActivity(once, [loadBalancerDefinition], refuse);
    expect(paths).toHaveLength(1);
  });
});

describe('pollActivity: an object seen gone later', () => {
  it('unlinks its entries even when its own history did not change again', async () => {
    // Real Nova can finish a delete's last event before it marks the server deleted: the poll that reads the delete
    // still sees the server, and the one that sees it DELETED finds no action changed since.
    const id = '8d5ed2a0-6f3c-4b1b-9a7e-3c2f1e0d9b8a';
    const server = (status: string, updated: string) => ({ id, name: 'act-web', status, updated, created: '2026-12-07T10:00:00Z', tenant_id: 'p', user_id: 'u', addresses: {}, flavor: { original_name: 'm1.tiny' }, image: '', metadata: {}, links: [] });
    const action = { action: 'delete', request_id: 'req-1', user_id: 'u', project_id: 'p', instance_uuid: id, start_time: '2026-12-07T10:00:05.000000', updated_at: '2026-12-07T10:00:06.000000', message: null };
    let row = server('ACTIVE', '2026-12-07T10:00:07Z');
    let actions = [action];
    const get: Get = async (_target, path) => (path.includes('os-instance-actions') ? { instanceActions: actions } : { servers: [row] });
    let state = newPollState(Date.parse('2026-12-07T10:00:10Z'));
    state = await pollActivity(state, [serverDefinition], get);
    expect(state.entries.map((e) => [e.action, e.slug])).toEqual([['delete', `instances/${id}`]]);

    row = server('DELETED', '2026-12-07T10:00:12Z');
    actions = [];
    state = await pollActivity(state, [serverDefinition], get);
    expect(state.entries.map((e) => [e.action, e.slug])).toEqual([['delete', undefined]]);
  });
});
