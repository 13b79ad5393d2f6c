import { afterAll, beforeAll, expect, it } from 'vitest';
import type { DemoCloud } from '../server';
import { call, login, startTestCloud } from '../test-helpers';
import { seedProjectId } from './identity/seed';

// Admin quota updates refused with the texts real Cinder 21 and Neutron 21 send (checked on Zed).

let cloud: DemoCloud;
let admin: string;
const demo = seedProjectId('demo');
beforeAll(async () => {
  cloud = await startTestCloud();
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(async () => {
  await cloud.close();
});

it.each([
  [-5, 'volumes must be >= -1'],
  ['abc', 'volumes must be an integer'],
  [1.5, 'volumes must be an integer'],
])('Cinder refuses volumes=%j', async (v, message) => {
  const r = await call(cloud, 'PUT', `/volume/v3/${demo}/os-quota-sets/${demo}`, { token: admin, body: { quota_set: { volumes: v } } });
  expect(r.body).toEqual({ badRequest: { code: 400, message } });
});

it.each([
  [-5, 'HTTPBadRequest', "Invalid input for port. Reason: '-5' is too small - must be at least '-1'."],
  ['abc', 'InvalidInput', "Invalid input for operation: 'abc' is not an integer."],
])('Neutron refuses port=%j', async (v, type, message) => {
  const r = await call(cloud, 'PUT', `/network/v2.0/quotas/${demo}`, { token: admin, body: { quota: { port: v } } });
  expect(r.body).toEqual({ NeutronError: { type, message, detail: '' } });
});

it('Neutron truncates 1.5 to 1 as Python int() does', async () => {
  const r = await call(cloud, 'PUT', `/network/v2.0/quotas/${demo}`, { token: admin, body: { quota: { port: 1.5 } } });
  expect((r.body as { quota: { port: number } }).quota.port).toBe(1);
});
