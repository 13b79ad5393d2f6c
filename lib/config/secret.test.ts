import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveSessionSecret, SessionSecretError } from './secret';

describe('resolveSessionSecret', () => {
  const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'stratus-secret-'));

  it('uses SESSION_SECRET when long enough', () => {
    expect(resolveSessionSecret({ SESSION_SECRET: 'x'.repeat(32) }, dir(), () => {})).toBe('x'.repeat(32));
  });

  it('stops on a too-short secret with a clear message', () => {
    expect(() => resolveSessionSecret({ SESSION_SECRET: 'short' }, dir(), () => {})).toThrow(SessionSecretError);
    expect(() => resolveSessionSecret({ SESSION_SECRET: 'short' }, dir(), () => {})).toThrow(/at least 32/);
  });

  it('generates a secret once, keeps it in a 0600 file and says so', () => {
    const d = dir();
    const logs: string[] = [];
    const first = resolveSessionSecret({}, d, (m) => logs.push(m));
    const second = resolveSessionSecret({}, d, (m) => logs.push(m));
    expect(first).toBe(second);
    expect(first.length).toBeGreaterThanOrEqual(32);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toContain('SESSION_SECRET is not set');
    expect(fs.statSync(path.join(d, 'session-secret')).mode & 0o777).toBe(0o600);
  });
});
