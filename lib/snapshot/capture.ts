// What a page gives the "Share a snapshot" dialog: the text a list or detail page shows now, read from the same
// definition the generic views render (columns and overview fields, cellText), never from the DOM.
import { cellText } from '@/lib/resources/cells';
import type { Column, MaskKind, ResourceDefinition, RowContext, Text, Tone } from '@/lib/resources/types';
import { msg } from '@/lib/i18n/msg';
import { KIND_LABEL, type Topology } from '@/lib/topology/graph';
import type { TopologyLayout } from '@/lib/topology/layout';
import { MAX_ROWS, type SnapshotCreate, type TopologySnapshot } from './schema';

export type SnapshotCapture = Omit<SnapshotCreate, 'expiresIn' | 'removeIps'>;

type TableColumn = { id: string; label: string; sensitive?: MaskKind };

/** A table a page draws itself (Swift's containers and objects): its heading, columns and cells as shown. */
export function tableCapture(heading: string, slug: string, columns: readonly TableColumn[], rows: readonly (readonly string[])[]): SnapshotCapture {
  return {
    title: heading,
    slug,
    kindLabel: heading,
    view: { type: 'list', columns: [...columns], rows: rows.slice(0, MAX_ROWS).map((r) => [...r]) },
  };
}

/** The table as displayed: its visible columns and rows (the first MAX_ROWS). */
export function listCapture<T>(def: ResourceDefinition<T>, columns: readonly Column<T>[], rows: readonly T[], ctx: RowContext, m: (t: Text) => string): SnapshotCapture {
  return tableCapture(
    m(def.label.plural),
    def.slug,
    columns.map((c) => ({ id: c.id, label: m(c.label), ...(c.sensitive ? { sensitive: c.sensitive } : {}) })),
    rows.slice(0, MAX_ROWS).map((r) => columns.map((c) => cellText(c.value(r, ctx), m))),
  );
}

/** An object's page: its status and the overview fields the user sees (admin-only ones for admins). */
export function detailCapture<T>(def: ResourceDefinition<T>, row: T, ctx: RowContext, m: (t: Text) => string, opts: { isAdmin: boolean; statusLabel: string }): SnapshotCapture {
  const fields = (def.overview ?? [])
    .filter((f) => !f.adminOnly || opts.isAdmin)
    .map((f) => ({
      ...(typeof f.label === 'string' ? { key: f.label } : {}),
      label: m(f.label),
      value: cellText(f.value(row, ctx), m),
      ...(f.sensitive ? { sensitive: f.sensitive } : {}),
    }));
  // The page's badge beside the heading, unless the overview has a status field of its own.
  const status = fields.some((f) => f.label === opts.statusLabel) ? undefined : def.status?.(row);
  return {
    title: def.name(row) || def.id(row),
    slug: def.slug,
    kindLabel: m(def.label.singular),
    view: {
      type: 'detail',
      fields: [...(status ? [{ key: 'common.status', label: opts.statusLabel, value: m(status.label) }] : []), ...fields],
    },
  };
}

const TONE_COUNT = {
  ok: 'topology.group.tone.ok',
  busy: 'topology.group.tone.busy',
  error: 'topology.group.tone.error',
  unknown: 'topology.group.tone.unknown',
} as const satisfies Record<Tone, string>;

/**
 * The topology as drawn now (groups collapsed or not, as the user left them): boxes, edge points and the connection
 * sentences, as data the snapshot page draws again. Never the page's own markup.
 */
export function topologyCapture(topo: Topology, layout: TopologyLayout, heading: string, m: (t: Text) => string): SnapshotCapture {
  const groups: TopologySnapshot['nodes'] = layout.groups.map((g) => {
    const network = topo.nodes.get(g.network)?.label;
    const values = { count: g.members.length, network: network ?? '' };
    return {
      kind: 'group',
      kindLabel: '',
      label: m(msg(network !== undefined ? 'topology.group.title' : 'topology.group.titleNoNetwork', values)),
      status: '',
      tone: 'unknown',
      lines: g.collapsed ? [(Object.entries(g.counts) as [Tone, number][]).map(([tone, count]) => m(msg(TONE_COUNT[tone], { count }))).join(' · ')] : [],
      x: g.x,
      y: g.y,
      w: g.w,
      h: g.h,
    };
  });
  const nodes: TopologySnapshot['nodes'] = layout.nodes.map((p) => ({
    kind: p.node.kind,
    kindLabel: m(KIND_LABEL[p.node.kind]),
    label: p.node.label,
    status: m(p.node.status.label),
    tone: p.node.status.tone,
    lines: p.node.lines.slice(0, 3),
    x: p.x,
    y: p.y,
    w: p.w,
    h: p.h,
  }));
  return {
    title: heading,
    slug: '',
    kindLabel: heading,
    view: {
      type: 'topology',
      width: layout.width,
      height: layout.height,
      nodes: [...groups, ...nodes],
      edges: layout.edges.map((e) => ({ kind: e.kind, label: e.label, points: e.points })),
      connections: topo.connections.map((c) => m(c)),
    },
  };
}
