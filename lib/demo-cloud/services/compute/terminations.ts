// What a deleted server leaves: billing history for usage reports (os-simple-tenant-usage) and the record Nova keeps
// of it. Its own module so the delete path (ops.ts), the usage routes (usage.ts) and the lists share it without
// importing each other.
import { isoDb, isoZ } from './common';
import type { ComputeState, Server } from './model';

/** Called when a deleted server is dropped: a server that ever ran keeps billing history. */
export function recordTermination(s: ComputeState, srv: Server, at: number): void {
  if (!srv.launched_at) return;
  const f = srv.flavor;
  (s.terminated ??= {})[srv.id] = {
    id: srv.id,
    name: srv.name,
    project_id: srv.project_id,
    flavor: { name: f.name, vcpus: f.vcpus, ram: f.ram, disk: f.disk, ephemeral: f.ephemeral },
    launched_at: srv.launched_at,
    terminated_at: at,
  };
}

/**
 * Nova soft-deletes an instance: its row stays (until an operator archives it) and answers `GET /servers?changes-since`
 * as DELETED, and its instance actions from 2.21 (read_deleted='yes'), which is how a dashboard learns who deleted it.
 * The demo keeps the newest MAX_DELETED such records (Nova's archive, done by count instead of by a cron job).
 */
export const MAX_DELETED = 200;

export function keepDeleted(s: ComputeState, srv: Server, at: number): void {
  const gone: Server = {
    ...srv, vm_state: 'deleted', task_state: null, power_state: 0, updated: isoZ(at), terminated_at: isoDb(at),
    volumes: [], has_ports: false, pending_volumes: undefined, deleted: undefined, _pending: undefined,
  };
  const kept = (s.deleted ??= {});
  delete kept[srv.id];
  kept[srv.id] = gone;
  const ids = Object.keys(kept);
  for (const id of ids.slice(0, Math.max(0, ids.length - MAX_DELETED))) delete kept[id];
}

/** The deleted servers of a project (all with null) that a `changes-since` list may answer. */
export function deletedServers(s: ComputeState, projectId: string | null): Server[] {
  return Object.values(s.deleted ?? {}).filter((srv) => projectId === null || srv.project_id === projectId);
}

/** A deleted server by id, for the instance actions from 2.21. */
export function deletedServer(s: ComputeState, id: string): Server | undefined {
  return s.deleted?.[id];
}
