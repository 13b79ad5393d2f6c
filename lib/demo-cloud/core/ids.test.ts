import { describe, expect, it } from 'vitest';
import { cliSafeToken } from './ids';

describe('cliSafeToken', () => {
  it('never starts with "-", so the openstack CLI takes it as an argument, not an option', () => {
    // One token in 64 would start with "-" if it were plain base64url; 2,000 draws miss that with odds of ~1e-14.
    const tokens = Array.from({ length: 2000 }, () => cliSafeToken());
    expect(tokens.filter((t) => !t.startsWith('g'))).toEqual([]);
    expect(new Set(tokens).size).toBe(tokens.length);
    expect(tokens[0]).toMatch(/^[A-Za-z0-9_-]{66}$/);
  });
});
