import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { command, sh } from './cli';

describe('sh', () => {
  it.each([
    ['web-1', 'web-1'],
    ['', "''"],
    ['two words', "'two words'"],
    ["it's", "'it'\\''s'"],
    ['$(rm -rf /)', "'$(rm -rf /)'"],
    ['a;b', "'a;b'"],
    ['m1.tiny', 'm1.tiny'],
  ])('%j -> %s', (word, quoted) => {
    expect(sh(word)).toBe(quoted);
  });

  it('round-trips through a real shell', () => {
    for (const word of ["it's", 'a b', '$HOME', '`x`', 'back\\slash', '"dq"', 'tab\there', 'new\nline', '*']) {
      const out = spawnSync('sh', ['-c', `printf %s ${sh(word)}`], { encoding: 'utf8' });
      expect(out.stdout).toBe(word);
    }
  });
});

describe('command', () => {
  it('quotes every word but the program and drops empty ones', () => {
    expect(command('openstack', 'server', 'set', '--name', 'my server', undefined, false, '', 'abc')).toBe("openstack server set --name 'my server' abc");
  });
});
