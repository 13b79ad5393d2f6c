import { describe, expect, it } from 'vitest';
import {
  actorLabel, apiTime, changedSince, fromCinderMessages, fromHeatEvents, fromInstanceActions, fromStatusChanges, heatTone, isoSince, mergeActivity, unlinkGone,
  nextCursor, type ActivityEntry,
} from './feed';

// Fixtures as Zed answered them (`openstack server event list`, `volume message list`, `stack event list` --debug).
const T = (s: string) => Date.parse(s);

describe('apiTime', () => {
  it.each([
    ['2026-12-07T09:19:16.000000', T('2026-12-07T09:19:16Z')],
    ['2026-12-07T09:19:17Z', T('2026-12-07T09:19:17Z')],
    ['2026-12-07T10:19:17+01:00', T('2026-12-07T09:19:17Z')],
    ['not a time', undefined],
    [null, undefined],
    ['', undefined],
  ])('%s', (s, want) => expect(apiTime(s)).toBe(want));

  it('isoSince is UTC to the second, as changes-since takes it', () => {
    expect(isoSince(T('2026-12-07T09:19:16.789Z'))).toBe('2026-12-07T09:19:16Z');
  });
});

describe('fromInstanceActions', () => {
  const actions = [
    { action: 'delete', request_id: 'req-559f', user_id: '5402a7670d3945de8e56c27bc1120669', start_time: '2026-12-07T09:19:16.000000', updated_at: '2026-12-07T09:19:17.000000', message: null },
    { action: 'create', request_id: 'req-026b', user_id: '105ec2d3980e4730b7bb7b993c09be31', start_time: '2026-12-07T09:19:08.000000', updated_at: '2026-12-07T09:19:10.000000', message: null },
  ];

  it('says who did what to which server; a deleted server has no link', () => {
    const out = fromInstanceActions({ kind: 'server', id: '8bbd', name: 'act-probe-1', busy: false }, actions);
    expect(out).toEqual([
      { key: 'nova:req-559f:8bbd', at: T('2026-12-07T09:19:16Z'), kind: 'server', resourceId: '8bbd', resourceName: 'act-probe-1', action: 'delete', outcome: 'ok', userId: '5402a7670d3945de8e56c27bc1120669' },
      { key: 'nova:req-026b:8bbd', at: T('2026-12-07T09:19:08Z'), kind: 'server', resourceId: '8bbd', resourceName: 'act-probe-1', action: 'create', outcome: 'ok', userId: '105ec2d3980e4730b7bb7b993c09be31' },
    ]);
  });

  it('an action with a message failed; the newest action of a busy server is under way', () => {
    const out = fromInstanceActions({ kind: 'server', id: 's1', name: '', slug: 'instances/s1', busy: true }, [
      { ...actions[1], start_time: '2026-12-07T09:00:00.000000', request_id: 'req-a' },
      { ...actions[1], start_time: '2026-12-07T09:10:00.000000', request_id: 'req-b', action: 'reboot' },
      { ...actions[1], start_time: '2026-12-07T09:05:00.000000', request_id: 'req-c', action: 'resize', message: 'Error' },
    ]);
    expect(out.map((e) => [e.action, e.outcome, e.detail, e.resourceName, e.slug])).toEqual([
      ['create', 'ok', undefined, 's1', 'instances/s1'],
      ['reboot', 'busy', undefined, 's1', 'instances/s1'],
      ['resize', 'error', 'Error', 's1', 'instances/s1'],
    ]);
  });

  it('skips an action without a readable time', () => {
    expect(fromInstanceActions({ kind: 'server', id: 's', name: 's', busy: false }, [{ ...actions[0], start_time: 'soon' }])).toEqual([]);
  });
});

describe('fromCinderMessages', () => {
  it('an ERROR message is a failure on the resource it names', () => {
    const m = {
      id: 'fdc9', event_id: 'VOLUME_VOLUME_BACKUP_013_024', user_message: 'create backup:Backup failed to schedule. Service not found for creating backup.',
      message_level: 'ERROR', created_at: '2026-12-07T02:25:18.000000', resource_type: 'VOLUME_BACKUP', resource_uuid: '8998',
    };
    const out = fromCinderMessages([m], (x) => ({ kind: 'volume-backup', id: x.resource_uuid!, name: x.resource_uuid!, slug: `volume-backups/${x.resource_uuid}` }));
    expect(out).toEqual([
      { key: 'cinder:fdc9', at: T('2026-12-07T02:25:18Z'), kind: 'volume-backup', resourceId: '8998', resourceName: '8998', slug: 'volume-backups/8998', action: m.user_message, outcome: 'error' },
    ]);
  });
});

describe('fromHeatEvents', () => {
  it.each([
    ['CREATE_COMPLETE', 'ok'],
    ['DELETE_IN_PROGRESS', 'busy'],
    ['UPDATE_FAILED', 'error'],
    ['INIT_COMPLETE', 'ok'],
    ['SIGNAL', 'unknown'],
  ])('%s is %s', (s, tone) => expect(heatTone(s)).toBe(tone));

  it('names the resource inside the stack, the stack itself by its name', () => {
    const stack = { kind: 'stack', id: 'web/1', name: 'web', slug: 'stacks/web%2F1' };
    const out = fromHeatEvents(stack, [
      { id: 'e2', event_time: '2026-12-07T07:31:40Z', resource_name: 'web', resource_status: 'CREATE_COMPLETE', resource_status_reason: 'Stack CREATE completed successfully' },
      { id: 'e1', event_time: '2026-12-07T07:31:31Z', resource_name: 'server', resource_status: 'CREATE_FAILED', resource_status_reason: 'Quota exceeded' },
    ]);
    expect(out.map((e) => [e.key, e.resourceName, e.action, e.outcome, e.detail])).toEqual([
      ['heat:e2', 'web', 'CREATE_COMPLETE', 'ok', 'Stack CREATE completed successfully'],
      ['heat:e1', 'web/server', 'CREATE_FAILED', 'error', 'Quota exceeded'],
    ]);
  });
});

describe('changedSince and fromStatusChanges (no history: Designate, Octavia)', () => {
  const since = T('2026-12-07T09:00:00Z');
  const zone = (status: string, updated: string | null, created = '2026-12-07T08:00:00.000000') => ({
    kind: 'zone', id: 'z1', name: 'example.org.', slug: 'zones/z1', updated: updated ?? created, status, tone: status === 'PENDING' ? ('busy' as const) : ('ok' as const),
  });

  it('a row first seen counts only when it changed after the start; then each change once', () => {
    const first = fromStatusChanges([zone('ACTIVE', null)], new Map(), since);
    expect(first.entries).toEqual([]);
    const again = fromStatusChanges([zone('ACTIVE', null)], first.memory, since);
    expect(again.entries).toEqual([]);
    const pending = fromStatusChanges([zone('PENDING', '2026-12-07T09:30:00.000000')], again.memory, since);
    expect(pending.entries).toEqual([
      expect.objectContaining({ kind: 'zone', resourceId: 'z1', action: 'PENDING', outcome: 'busy', at: T('2026-12-07T09:30:00Z'), slug: 'zones/z1' }),
    ]);
    const same = fromStatusChanges([zone('PENDING', '2026-12-07T09:30:00.000000')], pending.memory, since);
    expect(same.entries).toEqual([]);
    const active = fromStatusChanges([zone('ACTIVE', '2026-12-07T09:30:05.000000')], same.memory, since);
    expect(active.entries.map((e) => [e.action, e.outcome])).toEqual([['ACTIVE', 'ok']]);
  });

  it('a row created after the start counts at once', () => {
    expect(fromStatusChanges([zone('PENDING', null, '2026-12-07T09:10:00.000000')], new Map(), since).entries).toHaveLength(1);
  });

  it('changedSince keeps other keys of the memory', () => {
    const { changed, memory } = changedSince([{ key: 'server:a', sig: 'x', at: since + 1 }], new Map([['zone:z', 'y']]), since);
    expect([...changed]).toEqual(['server:a']);
    expect(Object.fromEntries(memory)).toEqual({ 'zone:z': 'y', 'server:a': 'x' });
  });
});

describe('mergeActivity', () => {
  const e = (key: string, at: number, more: Partial<ActivityEntry> = {}): ActivityEntry => ({ key, at, kind: 'server', resourceId: key, resourceName: key, action: 'delete', outcome: 'ok', ...more });

  it('newest first, one entry per key (the later reading wins), at most max', () => {
    const a = mergeActivity([], [e('a', 1), e('b', 3)]);
    expect(a.map((x) => x.key)).toEqual(['b', 'a']);
    const b = mergeActivity(a, [e('a', 1, { outcome: 'error' }), e('c', 2)]);
    expect(b.map((x) => [x.key, x.outcome])).toEqual([['b', 'ok'], ['c', 'ok'], ['a', 'error']]);
    expect(mergeActivity(b, [e('d', 9)], 2).map((x) => x.key)).toEqual(['d', 'b']);
  });

  it('answers the same array when nothing is new (no re-render)', () => {
    const a = mergeActivity([], [e('a', 1)]);
    expect(mergeActivity(a, [])).toBe(a);
    expect(mergeActivity(a, [e('a', 1)])).toBe(a);
  });
});

describe('unlinkGone', () => {
  const e = (key: string, kind: string, id: string, slug?: string): ActivityEntry => ({ key, at: 1, kind, resourceId: id, resourceName: id, action: 'delete', outcome: 'ok', ...(slug ? { slug } : {}) });

  it('drops the link of every entry about a gone object of that kind, and only theirs', () => {
    const current = [e('a', 'server', 's1', 'instances/s1'), e('b', 'server', 's1', 'instances/s1'), e('c', 'server', 's2', 'instances/s2'), e('d', 'volume', 's1', 'volumes/s1')];
    const out = unlinkGone(current, 'server', ['s1']);
    expect(out.map((x) => [x.key, x.slug])).toEqual([['a', undefined], ['b', undefined], ['c', 'instances/s2'], ['d', 'volumes/s1']]);
    expect('slug' in out[0]).toBe(false);
  });

  it('answers the same array when no linked entry is about a gone object (no re-render)', () => {
    const current = [e('a', 'server', 's1'), e('c', 'server', 's2', 'instances/s2')];
    expect(unlinkGone(current, 'server', ['s1'])).toBe(current);
    expect(unlinkGone(current, 'server', [])).toBe(current);
  });
});

describe('nextCursor', () => {
  it('moves to the newest time the service answered, never back', () => {
    expect(nextCursor(10, [5, undefined, 12, 11])).toBe(12);
    expect(nextCursor(10, [5])).toBe(10);
    expect(nextCursor(10, [])).toBe(10);
  });
});

describe('actorLabel', () => {
  it('the name when known (the id as the tooltip), else the id shortened', () => {
    expect(actorLabel('5402a7670d3945de8e56c27bc1120669', { '5402a7670d3945de8e56c27bc1120669': 'alice' })).toEqual({ text: 'alice', full: '5402a7670d3945de8e56c27bc1120669' });
    expect(actorLabel('5402a7670d3945de8e56c27bc1120669', {})).toEqual({ text: '5402a767', full: '5402a7670d3945de8e56c27bc1120669' });
    expect(actorLabel('bob', {})).toEqual({ text: 'bob', full: 'bob' });
  });
});
