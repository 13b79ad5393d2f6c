import { sealData } from 'iron-session';
import { describe, expect, it, vi } from 'vitest';
import { sealLoginFailure, unsealLoginFailure } from './login-failure';

process.env.SESSION_SECRET = 'login-failure-test-secret-0123456789-abcdefgh';

const refused = { status: 401, message: 'Invalid username or password', text: 'server.errors.invalidCredentials' as const };

describe('login failure seal', () => {
  it('carries the error and the username back to the login page', async () => {
    const sealed = await sealLoginFailure(refused, 'demo');
    expect(sealed).not.toContain('demo');
    expect(await unsealLoginFailure(sealed)).toEqual({ username: 'demo', error: refused });
  });

  it('keeps field issues with their catalog text, and shortens what a service may have said at length', async () => {
    const long = 'x'.repeat(2000);
    const failure = await unsealLoginFailure(
      await sealLoginFailure({ status: 400, message: long, issues: [{ path: 'cloud', message: 'Choose one of: a', text: { key: 'server.errors.chooseOneOf', values: { choices: 'a' } } }] }, undefined),
    );
    expect(failure?.username).toBeUndefined();
    expect(failure?.error.message).toHaveLength(500);
    expect(failure?.error.issues).toEqual([{ path: 'cloud', message: 'Choose one of: a', text: { key: 'server.errors.chooseOneOf', values: { choices: 'a' } } }]);
  });

  it('refuses what it did not seal: tampered, written by hand, sealed with the session key, or expired', async () => {
    const sealed = await sealLoginFailure(refused, 'demo');
    expect(await unsealLoginFailure(`${sealed.slice(0, -2)}xx`)).toBeUndefined();
    expect(await unsealLoginFailure('Your account is locked, call +1 555 0100')).toBeUndefined();
    expect(await unsealLoginFailure(undefined)).toBeUndefined();
    const withSessionKey = await sealData({ kind: 'login-failure', error: refused }, { password: process.env.SESSION_SECRET!, ttl: 600 });
    expect(await unsealLoginFailure(withSessionKey)).toBeUndefined();
    vi.useFakeTimers({ now: Date.now() + 11 * 60_000 });
    try {
      expect(await unsealLoginFailure(sealed)).toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
  });
});
