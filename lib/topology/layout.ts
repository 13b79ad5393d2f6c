// Positions for the topology (pure): dagre lays out the top level left to right (external networks -> routers ->
// networks -> instance groups), and each network's instances sit in a grid inside their group box, so 200
// instances make 10 boxes, not a 200-wide rank. A group with more than COLLAPSE_AT instances starts collapsed
// to one summary box (the user can expand it), which keeps the picture small enough to take in at a readable
// zoom (viewport.ts).
import dagre from '@dagrejs/dagre';
import type { Tone } from '@/lib/resources/types';
import type { EdgeKind, Topology, TopoNode } from './graph';

export const COLLAPSE_AT = 12;
export const SIZE = {
  network: { w: 220, h: 56, line: 16 },
  router: { w: 190, h: 62 },
  floating: { w: 184, h: 40 },
  card: { w: 184, h: 62 },
  pill: { h: 26 },
  gap: 10,
  groupHeader: 34,
  groupPad: 10,
  collapsed: { w: 240, h: 84 },
  maxCols: 5,
};

export interface Point {
  x: number;
  y: number;
}
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}
export interface PlacedNode extends Box {
  node: TopoNode;
}
export interface PlacedGroup extends Box {
  key: string;
  /** The network node key the instances sit on ('' for instances without a network). */
  network: string;
  members: string[];
  collapsed: boolean;
  counts: Partial<Record<Tone, number>>;
}
export interface PlacedEdge {
  key: string;
  kind: EdgeKind;
  points: Point[];
  label: string;
}
export interface TopologyLayout {
  width: number;
  height: number;
  nodes: PlacedNode[];
  groups: PlacedGroup[];
  edges: PlacedEdge[];
}

export function groupKey(network: string): string {
  return `group:${network}`;
}

/** Whether a group is collapsed: the user's choice if any, else collapsed above COLLAPSE_AT members. */
export function isCollapsed(key: string, members: number, expanded: Readonly<Record<string, boolean>>): boolean {
  const choice = expanded[key];
  return choice === undefined ? members > COLLAPSE_AT : !choice;
}

function columns(n: number): number {
  return Math.max(1, Math.min(SIZE.maxCols, Math.ceil(Math.sqrt(n))));
}

function nodeSize(n: TopoNode): { w: number; h: number } {
  if (n.kind === 'router' || n.kind === 'loadbalancer') return SIZE.router;
  if (n.kind === 'floatingip') return SIZE.floating;
  return { w: SIZE.network.w, h: SIZE.network.h + SIZE.network.line * Math.min(3, n.lines.length) };
}

/** Grid cells of an expanded group: each instance card with its floating IPs stacked under it. */
function gridOf(topo: Topology, members: string[]) {
  const cols = columns(members.length);
  const cellH = members.map((m) => SIZE.card.h + (topo.floatingOnInstance.get(m)?.length ?? 0) * (SIZE.pill.h + 4));
  const rows: number[] = [];
  members.forEach((_, i) => {
    const r = Math.floor(i / cols);
    rows[r] = Math.max(rows[r] ?? 0, cellH[i]);
  });
  const w = cols * SIZE.card.w + (cols - 1) * SIZE.gap + 2 * SIZE.groupPad;
  const h = SIZE.groupHeader + rows.reduce((a, b) => a + b, 0) + (rows.length - 1) * SIZE.gap + SIZE.groupPad;
  return { cols, rows, w, h };
}

const center = (b: Box): Point => ({ x: b.x + b.w / 2, y: b.y + b.h / 2 });

/** A smooth left-to-right connection from the right side of `a` to the left side of `b`. */
function link(a: Box, b: Box): Point[] {
  const from = { x: a.x + a.w, y: a.y + a.h / 2 };
  const to = { x: b.x, y: b.y + b.h / 2 };
  if (to.x < from.x) return [{ x: a.x + a.w / 2, y: a.y + a.h }, { x: b.x + b.w / 2, y: b.y }];
  return [from, to];
}

export function layoutTopology(topo: Topology, expanded: Readonly<Record<string, boolean>> = {}): TopologyLayout {
  const g = new dagre.graphlib.Graph({ multigraph: true });
  g.setGraph({ rankdir: 'LR', nodesep: 22, ranksep: 80, marginx: 16, marginy: 16 });
  g.setDefaultEdgeLabel(() => ({}));

  const inGroup = new Map<string, string>(); // instance key -> group key
  const floatingBeside = new Set([...topo.floatingOnInstance.values()].flat());
  for (const n of topo.nodes.values()) {
    if (n.kind === 'instance' || floatingBeside.has(n.key)) continue;
    const { w, h } = nodeSize(n);
    g.setNode(n.key, { width: w, height: h });
  }
  const groups: PlacedGroup[] = [];
  const grids = new Map<string, ReturnType<typeof gridOf>>();
  for (const [network, members] of topo.groups) {
    const key = groupKey(network);
    const collapsed = isCollapsed(key, members.length, expanded);
    const counts: Partial<Record<Tone, number>> = {};
    for (const m of members) {
      const t = topo.nodes.get(m)!.status.tone;
      counts[t] = (counts[t] ?? 0) + 1;
    }
    for (const m of members) inGroup.set(m, key);
    const grid = collapsed ? undefined : gridOf(topo, members);
    if (grid) grids.set(key, grid);
    const size = grid ? { w: grid.w, h: grid.h } : SIZE.collapsed;
    g.setNode(key, { width: size.w, height: size.h });
    groups.push({ key, network, members, collapsed, counts, x: 0, y: 0, ...size });
  }

  const groupNetwork = new Map(groups.map((x) => [x.key, x.network]));
  // Edges between top-level boxes. Instance NICs become network -> group edges (once per pair).
  const secondary: { key: string; kind: EdgeKind; from: string; to: string; label: string }[] = [];
  const seen = new Set<string>();
  for (const e of topo.edges) {
    if (e.kind === 'floating' && floatingBeside.has(e.from)) continue;
    if (e.kind === 'nic') {
      const group = inGroup.get(e.to)!;
      const home = groupNetwork.get(group) === e.from;
      const pair = `${e.from}|${group}`;
      if (!seen.has(pair)) {
        seen.add(pair);
        g.setEdge(e.from, group, { minlen: 1, weight: home ? 4 : 1 }, pair);
      }
      if (!home) secondary.push({ key: e.key, kind: 'nic', from: e.from, to: e.to, label: e.label });
      continue;
    }
    // A load balancer's member is an instance inside a group box: drawn over the layout, like a second NIC.
    if (e.kind === 'member') {
      secondary.push({ key: e.key, kind: 'member', from: e.from, to: e.to, label: e.label });
      continue;
    }
    g.setEdge(e.from, e.to, { weight: 2 }, e.key);
  }

  dagre.layout(g);

  const boxOf = new Map<string, Box>();
  const nodes: PlacedNode[] = [];
  for (const key of g.nodes()) {
    const d = g.node(key);
    const box = { x: d.x - d.width / 2, y: d.y - d.height / 2, w: d.width, h: d.height };
    boxOf.set(key, box);
    const node = topo.nodes.get(key);
    if (node) nodes.push({ node, ...box });
  }
  for (const grp of groups) {
    Object.assign(grp, boxOf.get(grp.key));
    const grid = grids.get(grp.key);
    if (!grid) continue;
    let y = grp.y + SIZE.groupHeader;
    grid.rows.forEach((rowH, r) => {
      for (let c = 0; c < grid.cols; c++) {
        const m = grp.members[r * grid.cols + c];
        if (!m) break;
        const x = grp.x + SIZE.groupPad + c * (SIZE.card.w + SIZE.gap);
        const card = { x, y, w: SIZE.card.w, h: SIZE.card.h };
        boxOf.set(m, card);
        nodes.push({ node: topo.nodes.get(m)!, ...card });
        (topo.floatingOnInstance.get(m) ?? []).forEach((f, i) => {
          const pill = { x: x + 12, y: y + SIZE.card.h + 4 + i * (SIZE.pill.h + 4), w: SIZE.card.w - 12, h: SIZE.pill.h };
          boxOf.set(f, pill);
          nodes.push({ node: topo.nodes.get(f)!, ...pill });
        });
      }
      y += rowH + SIZE.gap;
    });
  }

  const edges: PlacedEdge[] = [];
  const edgeByKey = new Map(topo.edges.map((e) => [e.key, e]));
  for (const e of g.edges()) {
    const d = g.edge(e);
    const key = e.name ?? `${e.v}|${e.w}`;
    const src = edgeByKey.get(key);
    edges.push({ key, kind: src?.kind ?? 'nic', points: d.points ?? [center(boxOf.get(e.v)!), center(boxOf.get(e.w)!)], label: src?.label ?? '' });
  }
  for (const s of secondary) {
    const target = boxOf.get(s.to) ?? boxOf.get(inGroup.get(s.to)!)!;
    edges.push({ key: s.key, kind: s.kind, points: link(boxOf.get(s.from)!, target), label: s.label });
  }

  const graph = g.graph();
  return { width: Math.ceil(graph.width ?? 0), height: Math.ceil(graph.height ?? 0), nodes, groups, edges };
}
