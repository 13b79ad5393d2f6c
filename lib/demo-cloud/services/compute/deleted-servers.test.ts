import { describe, expect, it } from 'vitest';
import { stableUuid } from '../../core/ids';
import { call, testClock, sharedTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';
import { findNetwork } from '../network/api';

// What a deleted server leaves, as real Nova (Zed) answered it to a member (`openstack server list --changes-since`,
// `openstack server event list` with --debug): DELETED in changes-since lists, its instance actions readable from 2.21
// with the deleting user's id; 2.58's changes-since, limit and marker on the actions.

type Obj = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const clock = testClock();
let privateNet: string;
const tc = sharedTestCloud({ now: clock.now }, async ({ cloud }) => {
  privateNet = findNetwork(cloud.core, 'private', seedProjectId('demo'))!.id;
});
const mv = (v: string) => ({ 'OpenStack-API-Version': `compute ${v}` });
const req = async (method: string, path: string, token: string, v = '2.90', body?: unknown) => {
  const r = await call(tc.cloud, method, `/compute/v2.1${path}`, { token, body, headers: mv(v) });
  return { status: r.status, body: r.body as Obj };
};
const iso = (ms: number) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');

async function deletedByAdmin(name: string): Promise<{ id: string; before: number }> {
  const r = await req('POST', '/servers', tc.demo, '2.90', { server: { name, imageRef: stableUuid('image', 'cirros'), flavorRef: '1', networks: [{ uuid: privateNet }] } });
  expect(r.status, JSON.stringify(r.body)).toBe(202);
  clock.advance(10);
  const before = clock.now();
  clock.advance(1);
  expect((await req('DELETE', `/servers/${r.body.server.id}`, tc.admin)).status).toBe(204);
  clock.advance(5);
  return { id: r.body.server.id as string, before };
}

describe('deleted servers', () => {
  it('answer changes-since lists as DELETED (a member sees them), and no plain list', async () => {
    const { id, before } = await deletedByAdmin('del-list');
    const since = await req('GET', `/servers/detail?changes-since=${iso(before)}`, tc.demo);
    expect(since.status).toBe(200);
    const row = (since.body.servers as Obj[]).find((s) => s.id === id);
    expect(row).toMatchObject({ name: 'del-list', status: 'DELETED', 'OS-EXT-STS:vm_state': 'deleted', 'OS-EXT-STS:task_state': null, 'OS-EXT-STS:power_state': 0, addresses: {} });
    expect(row!['OS-SRV-USG:terminated_at']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000000$/);
    expect(Date.parse(`${row!.updated}`)).toBeGreaterThanOrEqual(before);
    expect(((await req('GET', '/servers/detail', tc.demo)).body.servers as Obj[]).some((s) => s.id === id)).toBe(false);
    // Another project's member does not see it.
    expect(((await req('GET', `/servers/detail?changes-since=${iso(before)}`, tc.team)).body.servers as Obj[]).some((s) => s.id === id)).toBe(false);
    // Nor does a changes-since after the delete.
    clock.advance(5);
    expect(((await req('GET', `/servers?changes-since=${iso(clock.now())}`, tc.demo)).body.servers as Obj[]).some((s) => s.id === id)).toBe(false);
  });

  it('keep their instance actions from 2.21, with who deleted them; 404 before', async () => {
    const { id } = await deletedByAdmin('del-actions');
    const r = await req('GET', `/servers/${id}/os-instance-actions`, tc.demo);
    expect(r.status).toBe(200);
    const adminId = (await call(tc.cloud, 'GET', '/identity/v3/auth/tokens', { token: tc.admin, headers: { 'X-Subject-Token': tc.admin } })).body as Obj;
    expect(r.body.instanceActions.map((a: Obj) => a.action)).toEqual(['delete', 'create']);
    expect(r.body.instanceActions[0]).toMatchObject({ instance_uuid: id, user_id: adminId.token.user.id, project_id: seedProjectId('admin'), message: null });
    const one = await req('GET', `/servers/${id}/os-instance-actions/${r.body.instanceActions[0].request_id}`, tc.demo);
    expect(one.body.instanceAction.events[0]).toMatchObject({ event: 'compute_terminate_instance', result: 'Success' });
    const old = await req('GET', `/servers/${id}/os-instance-actions`, tc.demo, '2.20');
    expect(old.status).toBe(404);
    expect(old.body.itemNotFound.message).toBe(`Instance ${id} could not be found.`);
    expect((await req('GET', `/servers/${id}/os-instance-actions`, tc.team)).status).toBe(404);
  });
});

describe('instance actions from 2.58', () => {
  it('take changes-since, limit and marker, newest first', async () => {
    const { id, before } = await deletedByAdmin('del-since');
    const since = await req('GET', `/servers/${id}/os-instance-actions?changes-since=${iso(before)}`, tc.demo);
    expect(since.body.instanceActions.map((a: Obj) => a.action)).toEqual(['delete']);
    const all = await req('GET', `/servers/${id}/os-instance-actions?limit=1`, tc.demo);
    expect(all.body.instanceActions.map((a: Obj) => a.action)).toEqual(['delete']);
    const next = await req('GET', `/servers/${id}/os-instance-actions?marker=${all.body.instanceActions[0].request_id}`, tc.demo);
    expect(next.body.instanceActions.map((a: Obj) => a.action)).toEqual(['create']);
    const bad = await req('GET', `/servers/${id}/os-instance-actions?marker=req-nope`, tc.demo);
    expect(bad.status).toBe(400);
    expect(bad.body.badRequest.message).toBe('Marker req-nope could not be found.');
    expect((await req('GET', `/servers/${id}/os-instance-actions?changes-since=yesterday`, tc.demo)).status).toBe(400);
  });
});
