'use client';
// The six lists behind the topology (components/topology/topology-view.tsx), in one query polled by the app's rules (lib/resources/polling.ts): about
// every 2 s while anything is transitional (backing off), 30 s when idle, never in a hidden tab.
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useRef } from 'react';
import { z } from 'zod';
import { COMPUTE_HEADERS } from '../compute/server';
import { osCall, useProjectScope } from '../hooks';
import { pollInterval, trackChange, type ChangeTracker } from '../polling';
import { parseList } from '../schema';
import { buildTopology } from '@/lib/topology/graph';
import { TOPOLOGY_SOURCES, TopoLoadBalancerSchema, TopoMemberSchema, type TopoLoadBalancer, type TopologyInput, type TopoServer } from '@/lib/topology/schemas';

const SERVER_PAGE = 1000;
const MAX_SERVER_PAGES = 20;

async function list<K extends Exclude<keyof TopologyInput, 'servers' | 'loadbalancers'>>(name: K, signal: AbortSignal): Promise<TopologyInput[K]> {
  const src = TOPOLOGY_SOURCES[name];
  const body = await osCall({ service: src.service }, { method: 'GET', path: src.path }, signal);
  // The sources' schemas differ per name; the caller's K ties the answer to its own.
  return parseList(src.schema as z.ZodType<TopologyInput[K][number]>, body, src.key, `${src.service} ${src.path}`) as TopologyInput[K];
}

/** Nova pages servers (at most 1,000 per answer by default): follow the markers. */
async function servers(signal: AbortSignal): Promise<TopoServer[]> {
  const src = TOPOLOGY_SOURCES.servers;
  const out: TopoServer[] = [];
  let marker = '';
  for (let i = 0; i < MAX_SERVER_PAGES; i++) {
    const path = `${src.path}?limit=${SERVER_PAGE}${marker ? `&marker=${encodeURIComponent(marker)}` : ''}`;
    const body = await osCall({ service: src.service, headers: COMPUTE_HEADERS }, { method: 'GET', path }, signal);
    const page = parseList(src.schema, body, src.key, `${src.service} ${src.path}`);
    out.push(...page);
    if (page.length < SERVER_PAGE) break;
    marker = page[page.length - 1].id;
  }
  return out;
}

/**
 * Octavia's load balancers with their pools' members (one call per pool: Octavia lists members per pool only). A cloud
 * without Octavia, or a user it refuses, has none to draw: the rest of the picture stays.
 */
async function loadBalancers(signal: AbortSignal): Promise<TopoLoadBalancer[]> {
  const lbTarget = { service: 'load-balancer' };
  try {
    const lbs = parseList(TopoLoadBalancerSchema, await osCall(lbTarget, { method: 'GET', path: 'v2/lbaas/loadbalancers' }, signal), 'loadbalancers', 'load-balancer loadbalancers');
    if (!lbs.length) return [];
    const pools = parseList(TopoPoolSchema, await osCall(lbTarget, { method: 'GET', path: 'v2/lbaas/pools' }, signal), 'pools', 'load-balancer pools');
    const members = await Promise.all(
      pools.slice(0, MAX_POOLS).map(async (p) => ({ lb: p.loadbalancers?.[0]?.id ?? '', members: parseList(TopoMemberSchema, await osCall(lbTarget, { method: 'GET', path: `v2/lbaas/pools/${p.id}/members` }, signal), 'members', 'load-balancer members') })),
    );
    return lbs.map((lb) => ({ ...lb, members: members.filter((m) => m.lb === lb.id).flatMap((m) => m.members) }));
  } catch (e) {
    if (signal.aborted) throw e;
    return [];
  }
}

const MAX_POOLS = 50;
const TopoPoolSchema = z.looseObject({ id: z.string(), loadbalancers: z.array(z.looseObject({ id: z.string() })).optional() });

export async function fetchTopology(signal: AbortSignal): Promise<TopologyInput> {
  const [networks, subnets, ports, routers, floatingips, srv, loadbalancers] = await Promise.all([
    list('networks', signal),
    list('subnets', signal),
    list('ports', signal),
    list('routers', signal),
    list('floatingips', signal),
    servers(signal),
    loadBalancers(signal),
  ]);
  return { networks, subnets, ports, routers, floatingips, servers: srv, loadbalancers };
}

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

export function useTopology() {
  const { projectId } = useProjectScope();
  const tracker = useRef<ChangeTracker | undefined>(undefined);
  return useQuery({
    queryKey: ['os', projectId, 'topology'],
    queryFn: ({ signal }) => fetchTopology(signal),
    placeholderData: keepPreviousData,
    refetchOnWindowFocus: true,
    refetchInterval: (query) => {
      const data = query.state.data;
      if (data) tracker.current = trackChange(tracker.current, data, query.state.dataUpdatedAt);
      const busy = !!data && buildTopology(data).busy;
      return pollInterval({ hidden: hidden(), busy, unchanged: tracker.current?.unchanged ?? 0 });
    },
  });
}
