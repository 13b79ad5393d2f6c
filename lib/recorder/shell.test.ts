import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { LAUNCH_AND_ATTACH, VOLUME } from './fixtures';
import type { RecordedCall } from './recording';
import { shellScript } from './shell';

const CTX = { cloud: 'demo', project: "demo's", region: 'RegionOne', at: '2026-12-07T09:00:00.000Z' };

/** bash -n: the script parses (quoting included). */
const parses = (script: string) => execFileSync('bash', ['-n'], { input: script, encoding: 'utf8' });

describe('shellScript', () => {
  const script = shellScript(LAUNCH_AND_ATTACH, CTX);
  it('starts like a strict bash script and names the cloud to export', () => {
    const lines = script.split('\n');
    expect(lines[0]).toBe('#!/usr/bin/env bash');
    expect(lines).toContain('set -euo pipefail');
    expect(lines).toContain('# export OS_CLOUD=demo');
    expect(lines).toContain('# Recorded with Stratus in project demo\'s, region RegionOne, at 2026-12-07T09:00:00.000Z.');
  });
  it('replays with names instead of ids, waiting for what the next command needs', () => {
    expect(script).toContain("openstack server create --wait --image cirros --flavor m1.tiny --network private --security-group default 'web 1'\n");
    expect(script).toContain(`openstack volume create --size 1 'data'\\''s'\nwait_for volume 'data'\\''s' available\n`);
    expect(script).toContain(`openstack server add volume 'web 1' 'data'\\''s'\nwait_for volume 'data'\\''s' in-use\n`);
    expect(script).not.toContain(VOLUME);
    expect(() => parses(script)).not.toThrow();
  });
  it("names another region on the command of a call sent there (a row of an 'All regions' list)", () => {
    const calls: RecordedCall[] = [
      { at: 1, method: 'DELETE', service: 'volumev3', path: 'volumes/a', cli: 'openstack volume delete a', outcome: 'sent' },
      { at: 2, method: 'DELETE', service: 'volumev3', path: 'volumes/b', cli: 'openstack volume delete b', region: 'RegionTwo', outcome: 'sent' },
      { at: 3, method: 'DELETE', service: 'volumev3', path: 'volumes/c', cli: 'openstack volume delete c', region: 'RegionOne', outcome: 'sent' },
    ];
    const s = shellScript(calls, CTX);
    expect(s).toContain('\nopenstack volume delete a\n');
    expect(s).toContain('\nopenstack --os-region-name RegionTwo volume delete b\n');
    expect(s).toContain('\nopenstack volume delete c\n');
  });
  it('comments out what it cannot run: placeholders, redacted values, calls without a command, refused calls', () => {
    const calls: RecordedCall[] = [
      { at: 1, method: 'POST', service: 'compute', path: 'servers', cli: 'openstack server create --user-data <file> web', outcome: 'sent' },
      { at: 2, method: 'POST', service: 'compute', path: 'servers/x/action', cli: 'openstack server rescue --password <redacted> web', outcome: 'sent' },
      { at: 3, method: 'PUT', service: 'network', path: 'v2.0/ports/p', outcome: 'sent' },
      { at: 6, method: 'PUT', service: 'network', path: 'v2.0/floatingips/f', cli: "openstack floating ip set --port p '<new address>'", outcome: 'sent' },
      { at: 4, method: 'DELETE', service: 'volumev3', path: 'volumes/v', cli: 'openstack volume delete v', outcome: 'failed', status: 400 },
      { at: 5, method: 'DELETE', service: 'volumev3', path: 'volumes/w', cli: 'openstack volume delete w', outcome: 'dry-run' },
    ];
    const s = shellScript(calls, CTX);
    expect(s).toContain('# openstack server create --wait --user-data <file> web');
    expect(s).toContain('# openstack server rescue --password <redacted> web');
    expect(s).toContain('# 3. PUT network /v2.0/ports/p\n# The page showed no openstack command for this call; not replayed.');
    expect(s).toContain("# openstack floating ip set --port p '<new address>'");
    expect(s).not.toContain('volume delete v\n');
    expect(s).toContain('# 5. DELETE volumev3 /volumes/w (dry run: not sent when recorded)\nopenstack volume delete w\n');
    expect(() => parses(s)).not.toThrow();
  });
  it('a project name with a newline stays in comments', () => {
    const s = shellScript([], { ...CTX, project: 'a\nrm -rf /' });
    expect(s).toContain('# rm -rf /');
    expect(() => parses(s)).not.toThrow();
  });
});
