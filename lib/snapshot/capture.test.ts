import { describe, expect, it } from 'vitest';
import { msg } from '@/lib/i18n/msg';
import type { ResourceDefinition, Text } from '@/lib/resources/types';
import { buildTopology } from '@/lib/topology/graph';
import { layoutTopology } from '@/lib/topology/layout';
import { detailCapture, listCapture, topologyCapture } from './capture';
import { MAX_ROWS, SnapshotCreateSchema } from './schema';

type Row = { id: string; name: string; owner: string; enabled: boolean };
const m = (t: Text) => (typeof t === 'string' ? t : `${t.key}${JSON.stringify(t.values)}`);

const def = {
  kind: 'thing',
  slug: 'things',
  label: { singular: 'Thing', plural: 'Things', noun: 'kinds.thing.noun' },
  id: (r: Row) => r.id,
  name: (r: Row) => r.name,
  status: (r: Row) => ({ label: r.enabled ? 'ACTIVE' : 'DOWN', tone: 'ok' as const }),
  columns: [
    { id: 'name', label: 'common.name', value: (r: Row) => r.name },
    { id: 'owner', label: 'common.projectId', value: (r: Row) => r.owner, sensitive: 'projectId' as const },
    { id: 'enabled', label: 'x.enabled', value: (r: Row) => msg(r.enabled ? 'common.yes' : 'common.no', {}) },
  ],
  overview: [
    { label: 'common.projectId', value: (r: Row) => r.owner, sensitive: 'projectId' as const },
    { label: 'x.secretField', value: () => 'only admins', adminOnly: true },
  ],
} as unknown as ResourceDefinition<Row>;

const rows: Row[] = [{ id: '1', name: 'web-1', owner: 'p1', enabled: true }];

describe('listCapture', () => {
  it('takes the visible columns as the table words them, flags included, at most MAX_ROWS rows', () => {
    const shot = listCapture(def, def.columns, rows, { lookups: {} }, m);
    expect(shot).toEqual({
      title: 'Things',
      slug: 'things',
      kindLabel: 'Things',
      view: {
        type: 'list',
        columns: [
          { id: 'name', label: 'common.name' },
          { id: 'owner', label: 'common.projectId', sensitive: 'projectId' },
          { id: 'enabled', label: 'x.enabled' },
        ],
        rows: [['web-1', 'p1', 'common.yes{}']],
      },
    });
    const many = listCapture(def, def.columns, Array.from({ length: MAX_ROWS + 5 }, () => rows[0]), { lookups: {} }, m);
    expect(many.view.type === 'list' && many.view.rows.length).toBe(MAX_ROWS);
  });
});

describe('detailCapture', () => {
  it('takes the status and the fields the user sees, keyed by their label', () => {
    const member = detailCapture(def, rows[0], { lookups: {} }, m, { isAdmin: false, statusLabel: 'Status' });
    expect(member.view).toEqual({
      type: 'detail',
      fields: [
        { key: 'common.status', label: 'Status', value: 'ACTIVE' },
        { key: 'common.projectId', label: 'common.projectId', value: 'p1', sensitive: 'projectId' },
      ],
    });
    const admin = detailCapture(def, rows[0], { lookups: {} }, m, { isAdmin: true, statusLabel: 'Status' });
    expect(admin.view.type === 'detail' && admin.view.fields.length).toBe(3);
    // An overview with a status field of its own: no second one.
    const own = detailCapture(def, rows[0], { lookups: {} }, m, { isAdmin: false, statusLabel: 'common.projectId' });
    expect(own.view.type === 'detail' && own.view.fields.map((f) => f.label)).toEqual(['common.projectId']);
  });
});

describe('topologyCapture', () => {
  it('gives boxes, edge points and sentences the create schema accepts', () => {
    const topo = buildTopology({
      networks: [{ id: 'n1', name: 'private', status: 'ACTIVE', subnets: ['s1'], 'router:external': false }],
      subnets: [{ id: 's1', name: 'sub', cidr: '10.0.0.0/24', network_id: 'n1' }],
      ports: [{ id: 'p1', network_id: 'n1', device_id: 'vm1', device_owner: 'compute:nova', fixed_ips: [{ subnet_id: 's1', ip_address: '10.0.0.5' }] }],
      routers: [],
      floatingips: [],
      servers: [{ id: 'vm1', name: 'web-1', status: 'ACTIVE' }],
    } as unknown as Parameters<typeof buildTopology>[0]);
    const shot = topologyCapture(topo, layoutTopology(topo), 'Network topology', m);
    const parsed = SnapshotCreateSchema.parse({ ...shot, expiresIn: 3600, removeIps: true });
    expect(parsed.view.type).toBe('topology');
    const view = parsed.view.type === 'topology' ? parsed.view : undefined;
    expect(view?.nodes.map((n) => n.label)).toEqual(expect.arrayContaining(['private', 'web-1']));
    expect(view?.edges.length).toBeGreaterThan(0);
    expect(view?.connections.length).toBeGreaterThan(0);
  });
});
