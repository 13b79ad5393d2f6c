import { describe, expect, it } from 'vitest';
import { SnapshotCreateSchema, type SnapshotCreate } from './schema';
import { REMOVED, stripSnapshot, textStripper } from './strip';

const P = '0123456789abcdef0123456789abcdef';

describe('textStripper', () => {
  const ips = textStripper({ projectIds: [P], removeIps: true });
  const noIps = textStripper({ projectIds: [P], removeIps: false });
  it.each([
    ['alice@example.org', REMOVED],
    ['owner: bob.smith+x@mail.example.co.uk.', `owner: ${REMOVED}.`],
    [`project ${P}`, `project ${REMOVED}`],
    [`project ${P.toUpperCase()}`, `project ${REMOVED}`],
    ['01234567-89ab-cdef-0123-456789abcdef', REMOVED],
    ['private: 10.0.0.5, 172.24.4.10', `private: ${REMOVED}, ${REMOVED}`],
    ['192.168.0.0/24', REMOVED],
    ['fd00:1234::5', REMOVED],
    ['2001:db8:0:0:0:0:0:1/64', REMOVED],
    ['::ffff:10.0.0.1', REMOVED],
    // Not addresses: versions, times, MACs, ordinary words.
    ['v1.2.3.4000', 'v1.2.3.4000'],
    ['12:30:45', '12:30:45'],
    ['fa:16:3e:aa:bb:cc', 'fa:16:3e:aa:bb:cc'],
    ['m1.small', 'm1.small'],
    ['999.1.1.1', '999.1.1.1'],
  ])('%s', (input, out) => {
    expect(ips(input)).toBe(out);
  });
  it('keeps addresses unless asked', () => {
    expect(noIps('10.0.0.5 alice@example.org')).toBe(`10.0.0.5 ${REMOVED}`);
  });
  it('ignores empty project ids', () => {
    expect(textStripper({ projectIds: [''], removeIps: false })('abc')).toBe('abc');
  });
});

const base = { title: 'Users', slug: 'users', kindLabel: 'Users', expiresIn: 3600, removeIps: true } as const;

describe('stripSnapshot', () => {
  it('drops columns declared sensitive by the registry even when the browser does not say so', () => {
    const input: SnapshotCreate = {
      ...base,
      view: {
        type: 'list',
        columns: [
          { id: 'name', label: 'Name' },
          { id: 'email', label: 'E-mail' },
          { id: 'project', label: 'Project', sensitive: 'projectId' },
          { id: 'addr', label: 'Addresses' },
        ],
        rows: [['web-1', 'a@b.example', 'demo', 'net: 10.0.0.7']],
      },
    };
    const out = stripSnapshot(input, { projectIds: [P], removeIps: true, declared: { columns: new Map([['email', 'email']]), fields: new Map() } });
    expect(out.view).toEqual({
      type: 'list',
      columns: [
        { id: 'name', label: 'Name' },
        { id: 'addr', label: 'Addresses' },
      ],
      rows: [['web-1', `net: ${REMOVED}`]],
    });
    expect(JSON.stringify(out)).not.toContain('a@b.example');
    expect(out.removed).toEqual(['email', 'projectId', 'secretName', 'ip']);
  });

  it('drops declared detail fields and the title of a kind whose names are secret', () => {
    const input: SnapshotCreate = {
      ...base,
      title: 'db-password',
      view: {
        type: 'detail',
        fields: [
          { key: 'common.projectId', label: 'Project ID', value: P },
          { key: 'kinds.secret.fields.type', label: 'Type', value: 'opaque' },
          { label: 'Note', value: `for ${P}` },
        ],
      },
    };
    const out = stripSnapshot(input, {
      projectIds: [P],
      removeIps: false,
      declared: { columns: new Map(), fields: new Map([['common.projectId', 'projectId']]), sensitiveName: 'secretName' },
    });
    expect(out.title).toBe('');
    expect(out.view).toEqual({
      type: 'detail',
      fields: [
        { key: 'kinds.secret.fields.type', label: 'Type', value: 'opaque' },
        { label: 'Note', value: `for ${REMOVED}` },
      ],
    });
    expect(out.removed).not.toContain('ip');
  });

  it('cleans every text of a topology', () => {
    const input: SnapshotCreate = {
      ...base,
      view: {
        type: 'topology',
        width: 100,
        height: 100,
        nodes: [{ kind: 'network', kindLabel: 'Network', label: 'private', status: 'ACTIVE', tone: 'ok', lines: ['10.0.0.0/24'], x: 0, y: 0, w: 10, h: 10 }],
        edges: [{ kind: 'nic', label: '10.0.0.3', points: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }],
        connections: ['web-1 has 10.0.0.3 on private'],
      },
    };
    const out = stripSnapshot(input, { projectIds: [], removeIps: true });
    expect(JSON.stringify(out)).not.toMatch(/10\.0\.0/);
  });
});

describe('SnapshotCreateSchema', () => {
  it('refuses rows that do not fit the columns, and unknown expiries', () => {
    const bad = SnapshotCreateSchema.safeParse({ ...base, expiresIn: 60, view: { type: 'list', columns: [{ id: 'a', label: 'A' }], rows: [['1', '2']] } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues.map((i) => i.path.join('.')).sort()).toEqual(['expiresIn', 'view.rows']);
  });
});
