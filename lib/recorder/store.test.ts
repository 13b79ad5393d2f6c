import { beforeEach, describe, expect, it } from 'vitest';
import { beginMutation, clearRecording, getRecorder, MAX_CALLS, parseStored, setDryRun, setNameSource, startRecording, stopRecording } from './store';

const IMG = '0a1b2c3d-0000-4000-8000-000000000001';

describe('parseStored', () => {
  it.each([
    ['nothing', null, { recording: false, dryRun: false, calls: [] }],
    ['not JSON', '{', { recording: false, dryRun: false, calls: [] }],
    ['dry run implies recording', '{"dryRun":true}', { recording: true, dryRun: true, calls: [] }],
    ['calls that are not ours are dropped', '{"recording":true,"calls":[1,{"method":"POST"},{"method":"POST","path":"servers","service":"compute","outcome":"sent","at":1}]}', { recording: true, dryRun: false, calls: [{ method: 'POST', path: 'servers', service: 'compute', outcome: 'sent', at: 1 }] }],
  ])('%s', (_what, raw, want) => expect(parseStored(raw)).toEqual(want));
  it('keeps the newest calls only', () => {
    const calls = Array.from({ length: MAX_CALLS + 5 }, (_, i) => ({ method: 'POST', path: String(i), service: 'compute', outcome: 'sent', at: i }));
    const s = parseStored(JSON.stringify({ recording: true, calls }));
    expect(s.calls).toHaveLength(MAX_CALLS);
    expect(s.calls[0].path).toBe('5');
  });
});

describe('beginMutation', () => {
  beforeEach(() => {
    stopRecording();
    clearRecording();
    setNameSource(undefined);
  });
  it('does nothing while not recording, for reads, or outside the proxy', () => {
    expect(beginMutation({ method: 'POST', path: '/api/os/compute/servers' })).toBeUndefined();
    startRecording();
    expect(beginMutation({ method: 'GET', path: '/api/os/compute/servers' })).toBeUndefined();
    expect(beginMutation({ method: 'POST', path: '/api/auth/logout' })).toBeUndefined();
    // Console output is read with a POST, polled by the console tail: never recorded, never held back.
    expect(beginMutation({ method: 'POST', path: '/api/os/compute/servers/s/action', body: { 'os-getConsoleOutput': {} } })).toBeUndefined();
    setDryRun(true);
    expect(beginMutation({ method: 'POST', path: '/api/os/orchestration/validate', body: {} })).toBeUndefined();
    expect(getRecorder().calls).toEqual([]);
  });
  it('records a sent call when it ends, with the names the page knew', () => {
    startRecording();
    setNameSource(() => [{ kind: 'image', id: IMG, name: 'cirros' }]);
    const end = beginMutation({ method: 'POST', path: '/api/os/compute/servers', body: { server: { name: 'web', imageRef: IMG } }, cli: `openstack server create --image ${IMG} web` });
    expect(typeof end).toBe('function');
    if (typeof end === 'function') end({ status: 202, answer: { server: { id: 's1' } } });
    expect(getRecorder().calls).toMatchObject([{ outcome: 'sent', status: 202, created: { key: 'server', id: 's1', name: 'web' }, names: { [IMG]: { kind: 'image', name: 'cirros' } } }]);
  });
  it('in a dry run answers dry-run and records the call as not sent', () => {
    setDryRun(true);
    expect(getRecorder().recording).toBe(true);
    expect(beginMutation({ method: 'DELETE', path: '/api/os/volumev3/volumes/v', cli: 'openstack volume delete v', region: 'RegionTwo' })).toBe('dry-run');
    expect(getRecorder().calls).toMatchObject([{ method: 'DELETE', service: 'volumev3', path: 'volumes/v', region: 'RegionTwo', outcome: 'dry-run' }]);
    stopRecording();
    expect(getRecorder()).toMatchObject({ recording: false, dryRun: false });
    expect(getRecorder().calls).toHaveLength(1);
  });
  it('a refused call is recorded as failed', () => {
    startRecording();
    const end = beginMutation({ method: 'POST', path: '/api/os/compute/servers' });
    if (typeof end === 'function') end({ status: 409 });
    expect(getRecorder().calls).toMatchObject([{ outcome: 'failed', status: 409 }]);
  });
});
