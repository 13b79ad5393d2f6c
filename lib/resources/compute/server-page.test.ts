// What the instances list's row menu offers and what the instance page's overview says, in English.
import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { cellText } from '@/lib/resources/cells';
import { overviewLinks } from '../overview-links';
import { offeredRowItems, rowMenuTarget } from '../row-menu';
import type { CellValue } from '../types';
import { serverDefinition, serverDefinitionFor, type Server } from './server';

const shown = (v: CellValue) => cellText(v, (t) => en(t)!);
const server = (over: Partial<Server> = {}) => ({ id: 'srv-1', name: 'web-1', status: 'ACTIVE', flavor: {}, image: '', addresses: {}, created: '', ...over }) as Server;
const ctx = { lookups: {} };

describe('instance row menu', () => {
  const items = (s: Server) => offeredRowItems(serverDefinition, s).map((i) => en(i.label));
  it("offers Horizon's row items the state allows", () => {
    // Then the definition's forms (issue 19), without the admins' migrations, which only the instance page offers.
    const forms = ['Rebuild', 'Rescue', 'Lock', 'Attach interface', 'Edit tags'];
    expect(items(server())).toEqual(['Create snapshot', 'Associate floating IP', 'Edit instance', 'Resize instance', ...forms]);
    // A paused instance can be snapshotted, not resized, rebuilt or rescued; one busy with a task neither.
    expect(items(server({ status: 'PAUSED' }))).toEqual(['Create snapshot', 'Associate floating IP', 'Edit instance', 'Lock', 'Attach interface', 'Edit tags']);
    expect(items(server({ 'OS-EXT-STS:task_state': 'image_snapshot' }))).toEqual(['Associate floating IP', 'Edit instance', 'Lock', 'Edit tags']);
  });
  it("opens the instance page's panels", () => {
    const targets = offeredRowItems(serverDefinition, server({ id: 'a b' })).map((i) => rowMenuTarget(serverDefinition, i, server({ id: 'a b' })));
    expect(targets.map((t) => t.query)).toEqual(['open=snapshot', 'open=associate-fip', 'open=edit', 'open=resize', 'open=rebuild', 'open=rescue', 'open=lock', 'open=attach-interface', 'open=tags']);
    expect(targets[0]).toMatchObject({ slug: 'instances', rest: 'a%20b' });
  });
});

describe('instance overview and list words', () => {
  const userField = (def: typeof serverDefinition) => def.overview!.find((f) => f.label === 'kinds.server.overview.user')!;
  const me = { id: 'u-me', name: 'alice' };
  it("names the logged-in user as the server's creator, anyone else by id", () => {
    const field = userField(serverDefinitionFor(me));
    expect(en(field.label)).toBe('User');
    expect(overviewLinks(field, server({ user_id: 'u-me' }), ctx)).toEqual([{ name: 'alice' }]);
    expect(shown(field.value(server({ user_id: 'u-me' }), ctx))).toBe('alice');
    expect(shown(field.value(server({ user_id: 'u-other' }), ctx))).toBe('u-other');
    // Without a session (or without the field in Nova's answer): the id, or nothing.
    expect(shown(userField(serverDefinitionFor(undefined)).value(server({ user_id: 'u-me' }), ctx))).toBe('u-me');
    expect(overviewLinks(field, server(), ctx)).toBeUndefined();
  });
  it('marks floating addresses in the IP list', () => {
    const ips = serverDefinition.columns.find((c) => c.id === 'ips')!;
    const s = server({ addresses: { private: [{ addr: '10.0.0.5', 'OS-EXT-IPS:type': 'fixed' }, { addr: '203.0.113.7', 'OS-EXT-IPS:type': 'floating' }] } });
    expect(shown(ips.value(s, ctx))).toBe('10.0.0.5, 203.0.113.7 (floating)');
  });
});
