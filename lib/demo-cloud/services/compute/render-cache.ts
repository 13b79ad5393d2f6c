// Kept apart from render.ts so that ops.ts (settling) and microversion.ts (every write) can drop
// cached views without importing the renderer, which itself needs ops.ts.
import type { CloudCore } from '../../core/cloud';
import type { Server } from './model';

// Rendered JSON of servers, per request shape (base URL, microversion features, admin), kept
// until the server changes. Everything that changes a server's view goes through compute:
// every non-GET compute request clears the cache (novaRoute), and settling a transition drops
// that server's entry (ops.settleServer). Servers with ports are never cached: their
// addresses and security groups live in the network service.
interface RenderCache {
  shapes: Map<string, WeakMap<Server, Buffer>>;
}
const caches = new WeakMap<CloudCore, RenderCache>();
const MAX_SHAPES = 4;

export function invalidateRenderCache(core: CloudCore, srv?: Server): void {
  const c = caches.get(core);
  if (!c) return;
  if (srv) for (const m of c.shapes.values()) m.delete(srv);
  else c.shapes.clear();
}

export function shapeCache(core: CloudCore, shape: string): WeakMap<Server, Buffer> {
  let c = caches.get(core);
  if (!c) caches.set(core, (c = { shapes: new Map() }));
  let m = c.shapes.get(shape);
  if (!m) {
    if (c.shapes.size >= MAX_SHAPES) c.shapes.delete(c.shapes.keys().next().value as string);
    c.shapes.set(shape, (m = new WeakMap()));
  }
  return m;
}
