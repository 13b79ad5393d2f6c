// What a deleted server leaves for usage reports (os-simple-tenant-usage): its own module so the delete path (ops.ts)
// and the usage routes (usage.ts) share it without importing each other.
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
