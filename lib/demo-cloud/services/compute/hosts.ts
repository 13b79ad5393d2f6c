import type { CloudCore } from '../../core/cloud';
import { HOSTS, type ComputeHostState, type ComputeState, type Server } from './model';
import { projectServers } from './ops';

// The compute hosts' service state (disabled, forced down) and a scheduler that places servers on
// them as Nova's filter scheduler does with the default filters: enabled and up hosts only, server
// group policies enforced (anti-affinity with max_server_per_host, affinity), then the host with
// the fewest instances.

const UP: ComputeHostState = { disabled: false, disabled_reason: null, forced_down: false };

export const hostExists = (host: string) => HOSTS.includes(host);

export function hostState(s: ComputeState, host: string): ComputeHostState {
  return s.hosts?.[host] ?? UP;
}

export function setHostState(s: ComputeState, host: string, patch: Partial<ComputeHostState>): ComputeHostState {
  const next = { ...hostState(s, host), ...patch };
  (s.hosts ??= {})[host] = next;
  return next;
}

/** The host a server is on, or is being built on. */
export const hostOf = (srv: Server) => srv.host || srv.planned_host || '';

/**
 * The host for `srv` (a new build, an unshelve or a migration), or null when no host passes the
 * filters (Nova's NoValidHost). `exclude` is the source host of a migration.
 */
export function pickHost(core: CloudCore, s: ComputeState, srv: Server, exclude: string[] = []): string | null {
  const all = projectServers(core, s, null).filter((v) => v.id !== srv.id);
  const load = (h: string) => all.filter((v) => hostOf(v) === h).length;
  let candidates = HOSTS.filter((h) => !exclude.includes(h) && !hostState(s, h).disabled && !hostState(s, h).forced_down);
  for (const gid of srv.server_groups) {
    const g = s.serverGroups[gid];
    if (!g) continue;
    const peers = all.filter((v) => g.members.includes(v.id) && hostOf(v)).map(hostOf);
    if (g.policy === 'anti-affinity') {
      const max = g.rules.max_server_per_host ?? 1;
      candidates = candidates.filter((h) => peers.filter((p) => p === h).length < max);
    } else if (g.policy === 'affinity' && peers.length > 0) {
      candidates = candidates.filter((h) => h === peers[0]);
    } else if (g.policy === 'soft-anti-affinity') {
      // A weigher, not a filter: the least shared host first.
      candidates.sort((a, b) => peers.filter((p) => p === a).length - peers.filter((p) => p === b).length);
      return candidates[0] ?? null;
    } else if (g.policy === 'soft-affinity' && peers.length > 0 && candidates.includes(peers[0])) {
      return peers[0];
    }
  }
  if (candidates.length === 0) return null;
  return candidates.reduce((best, h) => (load(h) < load(best) ? h : best));
}
