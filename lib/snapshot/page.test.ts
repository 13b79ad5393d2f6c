import { describe, expect, it } from 'vitest';
import { escapeHtml, html } from './html';
import { SNAPSHOT_CSP, snapshotGonePage, snapshotPage, type PageText } from './page';
import type { StoredSnapshot } from './schema';

const text: PageText = {
  locale: 'en',
  t: (key, values) => (values ? `${key}${JSON.stringify(values)}` : key),
  date: (ms) => new Date(ms).toISOString(),
  list: (items) => items.join(' & '),
};

const EVIL = `<script>alert(1)</script><img src=x onerror="alert(2)">'`;

function snapshot(view: StoredSnapshot['view'], over: Partial<StoredSnapshot> = {}): StoredSnapshot {
  return {
    v: 1,
    id: 'x'.repeat(32),
    owner: { cloud: 'demo', userId: 'u' },
    sharedBy: EVIL,
    createdAt: 0,
    expiresAt: 3600_000,
    title: EVIL,
    kindLabel: 'Instances',
    removed: ['email', 'ip'],
    view,
    ...over,
  };
}

describe('html', () => {
  it('escapes every interpolated value, arrays included, and keeps its own markup', () => {
    expect(escapeHtml(EVIL)).not.toMatch(/[<>"']/);
    expect(html`<p title="${'"x"'}">${['<b>', html`<i>${'&'}</i>`]}</p>`.value).toBe('<p title="&quot;x&quot;">&lt;b&gt;<i>&amp;</i></p>');
  });
});

describe('snapshotPage', () => {
  it('renders a list as an escaped table with who, when and what was removed', () => {
    const page = snapshotPage(snapshot({ type: 'list', columns: [{ id: 'name', label: EVIL }], rows: [[EVIL], ['web-2']] }), text);
    expect(page.startsWith('<!DOCTYPE html><html lang="en">')).toBe(true);
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    expect(page).toContain('<th scope="col">&lt;script&gt;');
    expect(page).toContain('<td>web-2</td>');
    expect(page).toContain('1970-01-01T01:00:00.000Z');
    expect(page).toContain('removedList{&quot;list&quot;:&quot;removed.email &amp; removed.ip&quot;}');
    expect(page).toContain('caption{&quot;kind&quot;:&quot;Instances&quot;,&quot;count&quot;:2}');
  });

  it('renders detail fields and a topology from data only', () => {
    const detail = snapshotPage(snapshot({ type: 'detail', fields: [{ label: 'Flavor', value: EVIL }] }, { title: '' }), text);
    expect(detail).toContain('<dt>Flavor</dt><dd>&lt;script&gt;');
    expect(detail).toContain('<h1>Instances</h1>');
    const topo = snapshotPage(
      snapshot({
        type: 'topology',
        width: 200,
        height: 100,
        nodes: [{ kind: 'network', kindLabel: 'Network', label: EVIL, status: 'ACTIVE', tone: 'ok', lines: ['10.0.0.0/24'], x: 1.234, y: 2, w: 100, h: 60 }],
        edges: [{ kind: 'nic', label: '', points: [{ x: 0, y: 0 }, { x: 10, y: 10 }] }],
        connections: [EVIL],
      }),
      text,
    );
    expect(topo).not.toContain('<script');
    expect(topo).toContain('<svg x="1.2" y="2" width="100" height="60"><rect class="node"');
    expect(topo).toContain('points="0,0 10,10"');
    expect(topo).toContain('<li>&lt;script&gt;');
  });

  it('words a gone and an unknown link', () => {
    expect(snapshotGonePage('gone', text)).toContain('<h1>gone.title</h1>');
    expect(snapshotGonePage('missing', text)).toContain('<h1>missing.title</h1>');
  });

  it('allows no script and only its own stylesheet', () => {
    expect(SNAPSHOT_CSP).toMatch(/^default-src 'none'; style-src 'sha256-[A-Za-z0-9+/=]+'/);
    expect(SNAPSHOT_CSP).not.toContain('script-src');
  });
});
