import { sealData } from 'iron-session';
import { expect, it } from 'vitest';
import type { SessionData } from './session';

// Real Fernet tokens are 180-250 characters; application-credential and federated ones can be longer.
const token = () => 'gAAAAA' + 'x'.repeat(260);

it('a full session seals far below the 4096-byte cookie limit', async () => {
  const data: SessionData = {
    sid: 'A'.repeat(22),
    cloud: 'production-cloud-eu-west',
    user: { id: 'a'.repeat(64), name: 'someone.with.a.long.name@example.com', domainId: 'b'.repeat(32) },
    project: { id: 'c'.repeat(32), name: 'a-project-with-a-rather-long-descriptive-name', domainId: 'd'.repeat(32) },
    region: 'RegionOne',
    roles: ['admin', 'member', 'reader', 'creator', 'load-balancer_member', 'heat_stack_owner'],
    expiresAt: Date.now() + 3600_000,
    authMethod: 'password',
    token: token(),
    unscopedToken: token(),
  };
  const sealed = await sealData(data, { password: 'p'.repeat(32) });
  expect(sealed.length).toBeLessThan(2500);
});
