// Operating statuses as Octavia's health manager derives them from amphora heartbeats
// (amphorae/drivers/health/heartbeat_udp.py), with the demo cloud's Neutron standing in for HAProxy's checks:
// - until a load balancer first reaches ACTIVE there is no heartbeat: the stored values show (OFFLINE, and
//   members NO_MONITOR, or OFFLINE when their pool had a monitor), as on the real test cloud;
// - then the load balancer is ONLINE (OFFLINE when disabled), enabled listeners ONLINE, pools in use by an
//   enabled listener ONLINE (others OFFLINE);
// - members: disabled -> OFFLINE; no (working) health monitor -> NO_MONITOR; otherwise ONLINE when a server
//   holds the member's (monitor) address on an ACTIVE port, ERROR when nothing answers there;
// - a pool whose members are all down is ERROR (and so is the load balancer); some down -> DEGRADED (both).
// The real test cloud has no heartbeats: there everything stays OFFLINE and members NO_MONITOR.
import type { CloudCore } from '../../core/cloud';
import { addressIsLive } from './deps';
import type { LbState, LoadBalancer, Pool } from './model';
import { listenerPools, listenersOf, membersOf, monitorOf, poolsOf } from './tree';

const working = (r: { provisioning_status: string }) => r.provisioning_status !== 'PENDING_CREATE' && r.provisioning_status !== 'ERROR';

/** Operating status by object id for one load balancer's tree (ids absent keep their stored value). */
export function healthOf(core: CloudCore, s: LbState, lb: LoadBalancer): Map<string, string> {
  const out = new Map<string, string>();
  if (!lb._heartbeat) return out;
  if (!lb.admin_state_up) {
    out.set(lb.id, 'OFFLINE');
    for (const l of listenersOf(s, lb.id)) out.set(l.id, 'OFFLINE');
    for (const p of poolsOf(s, lb.id)) out.set(p.id, 'OFFLINE');
    return out;
  }
  let lbStatus = 'ONLINE';
  const served = new Set<Pool>();
  for (const l of listenersOf(s, lb.id)) {
    if (!working(l)) continue;
    out.set(l.id, l.admin_state_up ? 'ONLINE' : 'OFFLINE');
    if (l.admin_state_up) for (const p of listenerPools(s, l)) served.add(p);
  }
  for (const p of poolsOf(s, lb.id)) {
    if (!working(p)) continue;
    if (!served.has(p) || !p.admin_state_up) {
      out.set(p.id, 'OFFLINE');
      continue;
    }
    const hm = monitorOf(s, p.id);
    const checking = !!hm && hm.admin_state_up && working(hm);
    const members = membersOf(s, p.id).filter(working);
    let up = 0;
    let down = 0;
    for (const m of members) {
      let status: string;
      if (!m.admin_state_up) status = 'OFFLINE';
      else if (!checking) status = 'NO_MONITOR';
      else status = addressIsLive(core, m.monitor_address ?? m.address) ? 'ONLINE' : 'ERROR';
      out.set(m.id, status);
      if (status === 'ONLINE' || status === 'NO_MONITOR') up++;
      if (status === 'ERROR') down++;
    }
    // HAProxy: a backend is UP with a working server or with no servers at all.
    let poolStatus = members.length === 0 || up > 0 ? 'ONLINE' : 'ERROR';
    if (poolStatus === 'ERROR') lbStatus = 'ERROR';
    else if (down > 0) {
      poolStatus = 'DEGRADED';
      if (lbStatus === 'ONLINE') lbStatus = 'DEGRADED';
    }
    out.set(p.id, poolStatus);
  }
  out.set(lb.id, lbStatus);
  return out;
}
