import { describe, expect, it } from 'vitest';
import { buildTopology } from './graph';
import { COLLAPSE_AT, groupKey, isCollapsed, layoutTopology, type Box } from './layout';
import { fitView } from './viewport';
import { syntheticTopology } from './synthetic';

const overlap = (a: Box, b: Box) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
const inside = (a: Box, outer: Box) => a.x >= outer.x && a.y >= outer.y && a.x + a.w <= outer.x + outer.w && a.y + a.h <= outer.y + outer.h;

describe('layoutTopology', () => {
  it('goes left to right: external network, router, networks, instance groups; no top-level boxes overlap', () => {
    const topo = buildTopology(syntheticTopology(3, 4, { floatingEvery: 2 }));
    const l = layoutTopology(topo);
    const x = (kind: string) => l.nodes.filter((n) => n.node.kind === kind).map((n) => n.x);
    expect(Math.max(...x('external'))).toBeLessThan(Math.min(...x('router')));
    expect(Math.max(...x('router'))).toBeLessThan(Math.min(...x('network')));
    expect(Math.max(...x('network'))).toBeLessThan(Math.min(...l.groups.map((g) => g.x)));
    const top: Box[] = [...l.nodes.filter((n) => n.node.kind !== 'instance' && n.node.kind !== 'floatingip'), ...l.groups];
    for (let i = 0; i < top.length; i++) for (let j = i + 1; j < top.length; j++) expect(overlap(top[i], top[j])).toBe(false);
    // Every instance card and its floating IPs sit inside their group, without overlapping.
    for (const g of l.groups) {
      const cards = l.nodes.filter((n) => g.members.includes(n.node.key) || topo.floatingOnInstance.get(g.members.find((m) => m === n.node.key) ?? '') !== undefined);
      for (const c of cards) expect(inside(c, g)).toBe(true);
    }
    const small = l.nodes.filter((n) => n.node.kind === 'instance' || n.node.kind === 'floatingip');
    expect(small).toHaveLength(12 + 6);
    for (let i = 0; i < small.length; i++) for (let j = i + 1; j < small.length; j++) expect(overlap(small[i], small[j])).toBe(false);
    expect(l.edges.filter((e) => e.kind === 'interface')).toHaveLength(3);
    for (const e of l.edges) expect(e.points.length).toBeGreaterThanOrEqual(2);
  });

  it('collapses groups above COLLAPSE_AT members unless expanded, so 200 instances on 10 networks stay legible', () => {
    const topo = buildTopology(syntheticTopology(10, 20));
    const l = layoutTopology(topo);
    expect(l.groups).toHaveLength(10);
    expect(l.groups.every((g) => g.collapsed && g.members.length === 20)).toBe(true);
    expect(l.groups[0].counts).toEqual({ ok: 19, error: 1 });
    expect(l.nodes.some((n) => n.node.kind === 'instance')).toBe(false);
    // At a 1280x720 viewport the whole picture fits above the legibility floor.
    expect(fitView(l, { width: 1280, height: 720 }).scale).toBeGreaterThan(0.55);

    const all = Object.fromEntries(l.groups.map((g) => [g.key, true]));
    const open = layoutTopology(topo, all);
    const cards = open.nodes.filter((n) => n.node.kind === 'instance');
    expect(cards).toHaveLength(200);
    for (const g of open.groups) for (const c of cards.filter((n) => g.members.includes(n.node.key))) expect(inside(c, g)).toBe(true);
  });

  it('draws a second network of an instance as its own edge to the card', () => {
    const input = syntheticTopology(2, 1);
    const extra = input.ports.find((p) => p.device_owner === 'compute:nova')!;
    input.ports.push({ ...extra, id: 'second', network_id: input.networks[2].id, fixed_ips: [] });
    const l = layoutTopology(buildTopology(input));
    expect(l.edges.some((e) => e.key === 'nic:second')).toBe(true);
  });
});

describe('isCollapsed', () => {
  it('follows the user choice, else the size rule', () => {
    const k = groupKey('network:x');
    expect(isCollapsed(k, COLLAPSE_AT, {})).toBe(false);
    expect(isCollapsed(k, COLLAPSE_AT + 1, {})).toBe(true);
    expect(isCollapsed(k, COLLAPSE_AT + 1, { [k]: true })).toBe(false);
    expect(isCollapsed(k, 1, { [k]: false })).toBe(true);
  });
});
