import { describe, expect, it } from 'vitest';
import { getActivity, observeStatuses } from './activity';

const kind = { kind: 'server', label: 'Instance', slug: 'instances' };

describe('activity', () => {
  it('stays quiet on first sight and on steady states', () => {
    expect(observeStatuses('p', kind, [{ id: 'a', name: 'web', label: 'ACTIVE', tone: 'ok' }])).toEqual([]);
    expect(observeStatuses('p', kind, [{ id: 'a', name: 'web', label: 'ACTIVE', tone: 'ok' }])).toEqual([]);
  });
  it('reports a busy row settling, once', () => {
    observeStatuses('p', kind, [{ id: 'b', name: 'db', label: 'BUILD', tone: 'busy' }]);
    const out = observeStatuses('p', kind, [{ id: 'b', name: 'db', label: 'ACTIVE', tone: 'ok' }]);
    expect(out).toMatchObject([{ kind: 'Instance', name: 'db', from: 'BUILD', to: 'ACTIVE', tone: 'ok', slug: 'instances/b' }]);
    expect(observeStatuses('p', kind, [{ id: 'b', name: 'db', label: 'ACTIVE', tone: 'ok' }])).toEqual([]);
    expect(getActivity()[0]).toMatchObject({ name: 'db', to: 'ACTIVE' });
  });
  it('reports failures and ignores changes between busy states or from settled ones', () => {
    observeStatuses('p', kind, [{ id: 'c', name: 'c', label: 'BUILD', tone: 'busy' }]);
    expect(observeStatuses('p', kind, [{ id: 'c', name: 'c', label: 'BUILD (spawning)', tone: 'busy' }])).toEqual([]);
    expect(observeStatuses('p', kind, [{ id: 'c', name: 'c', label: 'ERROR', tone: 'error' }])).toMatchObject([{ to: 'ERROR', tone: 'error' }]);
    expect(observeStatuses('p', kind, [{ id: 'c', name: 'c', label: 'SHUTOFF', tone: 'ok' }])).toEqual([]);
  });
  it('compares status messages by key and values, not by the object each poll builds', () => {
    const status = () => ({ key: 'common.status' as const, values: { task: 'spawning' } });
    observeStatuses('p', kind, [{ id: 'e', name: 'e', label: status(), tone: 'busy' }]);
    expect(observeStatuses('p', kind, [{ id: 'e', name: 'e', label: status(), tone: 'ok' }])).toEqual([]);
    observeStatuses('p', kind, [{ id: 'f', name: 'f', label: status(), tone: 'busy' }]);
    expect(observeStatuses('p', kind, [{ id: 'f', name: 'f', label: { ...status(), values: { task: 'done' } }, tone: 'ok' }])).toHaveLength(1);
  });
  it('keeps projects apart', () => {
    observeStatuses('p1', kind, [{ id: 'd', name: 'd', label: 'BUILD', tone: 'busy' }]);
    expect(observeStatuses('p2', kind, [{ id: 'd', name: 'd', label: 'ACTIVE', tone: 'ok' }])).toEqual([]);
  });
});
