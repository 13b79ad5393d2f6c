import { createHash, randomBytes } from 'node:crypto';
import type { CloudCore } from '../../core/cloud';
import { settle } from '../../core/transitions';
import { conflict } from '../../core/errors';
import type { RequestContext } from '../../core/context';
import { isoDb, isoZ, novaNotFound } from './common';
import * as x from './deps';
import { dropServer, serverIndex } from './order';
import { keepDeleted, recordTermination } from './terminations';
import { invalidateRenderCache } from './render-cache';
import { DEFAULT_QUOTAS, type ComputeState, type InstanceAction, type QuotaLimits, type Server } from './model';

// Server life cycle shared by the routes and api.ts: settling lazy transitions (with the side
// effects Nova performs when a build finishes), status mapping, usage and instance actions.

const REBOOT = ['rebooting', 'reboot_pending', 'reboot_started'];
const HARD_REBOOT = ['rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard'];
const RESIZE = ['resize_prep', 'resize_migrating', 'resize_migrated', 'resize_finish'];

/** nova.api.openstack.common.status_from_state */
export function statusOf(vm: string, task: string | null): string {
  switch (vm) {
    case 'building': return 'BUILD';
    case 'active':
      if (task && REBOOT.includes(task)) return 'REBOOT';
      if (task && HARD_REBOOT.includes(task)) return 'HARD_REBOOT';
      if (task && RESIZE.includes(task)) return 'RESIZE';
      if (task === 'rebuilding' || task === 'rebuild_block_device_mapping' || task === 'rebuild_spawning') return 'REBUILD';
      if (task === 'migrating') return 'MIGRATING';
      return 'ACTIVE';
    case 'stopped':
      if (task && RESIZE.includes(task)) return 'RESIZE';
      return 'SHUTOFF';
    case 'resized': return task === 'resize_reverting' ? 'REVERT_RESIZE' : 'VERIFY_RESIZE';
    case 'paused': return 'PAUSED';
    case 'suspended': return 'SUSPENDED';
    case 'error': return 'ERROR';
    case 'rescued': return 'RESCUE';
    case 'shelved': return 'SHELVED';
    case 'shelved_offloaded': return 'SHELVED_OFFLOADED';
    case 'soft-delete': return 'SOFT_DELETED';
    case 'deleted': return 'DELETED';
    default: return 'UNKNOWN';
  }
}

const hostIds = new Map<string, string>();
export function hostIdOf(projectId: string, host: string): string {
  if (!host) return '';
  const key = `${projectId}\u0000${host}`;
  let h = hostIds.get(key);
  if (h === undefined) {
    h = createHash('sha224').update(projectId + host).digest('hex');
    hostIds.set(key, h);
  }
  return h;
}

export function adminPass(): string {
  const chars = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  return [...randomBytes(12)].map((b) => chars[b % chars.length]).join('');
}

/**
 * Applies due transitions. Returns undefined when the server is gone (deleted) and drops it.
 * Side effects due after a transition (attaching boot volumes once the build ends) run here.
 */
export function settleServer(core: CloudCore, s: ComputeState, server: Server | undefined): Server | undefined {
  if (!server) return undefined;
  // When the delete transition is due: the instance's terminated_at, for usage reports.
  const deletedAt = server._pending?.find((step) => step.patch.deleted)?.at;
  if (server._pending) {
    const changed = settle(server, core.clock);
    if (changed) {
      core.state.markDirty();
      invalidateRenderCache(core, server);
    }
  }
  if (server.deleted) {
    recordTermination(s, server, deletedAt ?? core.clock.now());
    keepDeleted(s, server, deletedAt ?? core.clock.now());
    dropServer(s, server.id);
    return undefined;
  }
  if (server.pending_volumes && server.pending_volumes.length > 0 && server.vm_state !== 'building') {
    const todo = server.pending_volumes;
    delete server.pending_volumes;
    invalidateRenderCache(core, server);
    if (server.vm_state === 'active') {
      for (const p of todo) {
        try {
          const att = x.attachVolume(core, { volumeId: p.volumeId, serverId: server.id, projectId: server.project_id, device: p.device });
          server.volumes.push({ volumeId: p.volumeId, device: att.device, deleteOnTermination: p.deleteOnTermination, attachmentId: att.attachmentId, tag: null, bdmId: p.bdmId });
        } catch (err) {
          server.vm_state = 'error';
          server.task_state = null;
          server.power_state = 0;
          server.fault = { code: 500, message: `Build of instance ${server.id} aborted: ${(err as Error).message}`, created: isoZ(core.clock.now()) };
        }
      }
    }
    core.state.markDirty();
  }
  return server;
}

/** True when reading the server may change it (pending transitions or side effects). */
export const needsSettle = (srv: Server) => !!(srv._pending || srv.deleted || srv.pending_volumes);

/** The project's servers (all with null), settled, ascending creation order. */
export function projectServers(core: CloudCore, s: ComputeState, projectId: string | null): Server[] {
  const out: Server[] = [];
  for (const srv of serverIndex(s).scope(projectId).list) {
    // Only records with pending transitions or side effects need settling (fast path at scale).
    if (!needsSettle(srv) || settleServer(core, s, srv)) out.push(srv);
  }
  return out;
}

export function quotaOf(s: ComputeState, projectId: string): QuotaLimits {
  return { ...DEFAULT_QUOTAS, ...s.quotas[projectId] };
}

export interface Usage {
  instances: number;
  cores: number;
  ram: number;
  server_groups: number;
}

export function usageOf(core: CloudCore, s: ComputeState, projectId: string): Usage {
  const u: Usage = { instances: 0, cores: 0, ram: 0, server_groups: 0 };
  for (const srv of projectServers(core, s, projectId)) {
    u.instances += 1;
    u.cores += srv.flavor.vcpus;
    u.ram += srv.flavor.ram;
  }
  for (const g of Object.values(s.serverGroups)) if (g.project_id === projectId) u.server_groups += 1;
  return u;
}

export function recordAction(
  core: CloudCore,
  server: Server,
  action: string,
  requestId: string,
  userId: string,
  projectId: string,
  event: string,
  durationSeconds: number,
  message: string | null = null,
  result = 'Success',
): InstanceAction {
  const now = core.clock.now();
  const end = core.clock.after(durationSeconds);
  const a: InstanceAction = {
    action,
    request_id: requestId,
    user_id: userId,
    project_id: projectId,
    start_time: isoDb(now),
    updated_at: isoDb(end),
    message,
    events: [{ event, start_time: isoDb(now), finish_time: isoDb(end), result, traceback: null }],
  };
  server.actions.push(a);
  return a;
}

/** "Cannot 'stop' instance X while it is in vm_state stopped" (409), Nova's InstanceInvalidState. */
export function checkState(server: Server, method: string, vmStates: string[] | null, taskStates: Array<string | null> = [null]): void {
  if (vmStates && !vmStates.includes(server.vm_state)) {
    throw conflict(`Cannot '${method}' instance ${server.id} while it is in vm_state ${server.vm_state}`);
  }
  if (!taskStates.includes(server.task_state)) {
    throw conflict(`Cannot '${method}' instance ${server.id} while it is in task_state ${server.task_state}`);
  }
}

export function checkLock(server: Server, isAdmin: boolean): void {
  if (server.locked && !isAdmin) throw conflict(`Instance ${server.id} is locked`);
}

/** Releases what the server holds in other services (ports, volumes) and leaves its server groups. */
export function releaseResources(core: CloudCore, s: ComputeState, server: Server): void {
  if (server.has_ports) {
    try {
      x.releaseServerPorts(core, server.id);
    } catch {
      /* the network service may already have dropped the ports */
    }
  }
  for (const vol of server.volumes) {
    try {
      x.detachVolume(core, { volumeId: vol.volumeId, serverId: server.id });
      if (vol.deleteOnTermination) x.deleteVolumeForServer(core, vol.volumeId);
    } catch {
      /* already detached or deleted */
    }
  }
  server.volumes = [];
  for (const g of Object.values(s.serverGroups)) g.members = g.members.filter((m) => m !== server.id);
}

/** The server `{server_id}` names, settled: 404 unless it is the caller's project's or the caller is an admin. */
export function requestServer(core: CloudCore, s: ComputeState, ctx: RequestContext): Server {
  const auth = ctx.authProject();
  const id = ctx.params.server_id;
  const srv = settleServer(core, s, s.servers[id]);
  if (!srv || (!auth.isAdmin && srv.project_id !== auth.project.id)) throw novaNotFound(`Instance ${id} could not be found.`);
  return srv;
}
