// Accounts (/v1/AUTH_<project>) and containers: listings, metadata, ACLs.
import type { CloudCore } from '../../core/cloud';
import type { Router } from '../../core/router';
import type { SwiftAccess } from './access';
import { applyMeta, fail, HTML, listingTime, swift, swiftPage202 } from './http';
import { listingReply, listNames, type Listing } from './listing';
import type { SwiftContainer, SwiftObject } from './model';

export function accountRoutes(core: CloudCore, r: Router, { authorize, account, peekContainer, findContainer, containerStats, accountHeaders, containerHeaders }: SwiftAccess): void {
  // Account -----------------------------------------------------------------------------------
  r.get('/v1/{account}', swift((ctx) => {
    authorize(ctx);
    const a = account(ctx);
    const rows = listNames(ctx, Object.values(a.containers)) as Array<SwiftContainer | { subdir: string }>;
    const json = rows.map((c) => ('subdir' in c ? c : { name: c.name, count: containerStats(c).count, bytes: containerStats(c).bytes, last_modified: listingTime(c.modified) }));
    return listingReply(ctx, rows as Listing[], json, accountHeaders(a));
  }));
  r.head('/v1/{account}', swift((ctx) => {
    authorize(ctx);
    return { status: 204, headers: { ...accountHeaders(account(ctx)), 'Content-Type': 'text/plain; charset=utf-8' } };
  }));
  r.post('/v1/{account}', swift((ctx) => {
    authorize(ctx);
    const a = account(ctx);
    a.meta = applyMeta(ctx, 'Account', a.meta);
    return { status: 204, headers: { 'Content-Type': HTML } };
  }));

  // Containers --------------------------------------------------------------------------------
  r.put('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx);
    const name = ctx.params.container;
    if (name.length > 256 || name.includes('/')) throw fail(400);
    const a = account(ctx);
    const existing = a.containers[name];
    const now = core.clock.now();
    const c: SwiftContainer = existing ?? { name, created: now, modified: now, meta: {}, read: null, write: null, objects: {} };
    c.meta = applyMeta(ctx, 'Container', c.meta);
    const read = ctx.header('x-container-read');
    const write = ctx.header('x-container-write');
    if (read !== undefined) c.read = read || null;
    if (write !== undefined) c.write = write || null;
    c.modified = now;
    a.containers[name] = c;
    // Real Swift: an empty 201 for a new container, its "Accepted" page for an existing one.
    return { status: existing ? 202 : 201, raw: existing ? swiftPage202 : '', contentType: HTML };
  }));
  r.get('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx, peekContainer(ctx), true);
    const c = findContainer(ctx);
    const rows = listNames(ctx, Object.values(c.objects)) as Array<SwiftObject | { subdir: string }>;
    const json = rows.map((o) => ('subdir' in o ? o : { bytes: o.bytes, hash: o.hash, name: o.name, content_type: o.content_type, last_modified: listingTime(o.modified) }));
    return listingReply(ctx, rows as Listing[], json, containerHeaders(c));
  }));
  r.head('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx, peekContainer(ctx), true);
    return { status: 204, headers: { ...containerHeaders(findContainer(ctx)), 'Content-Type': 'text/plain; charset=utf-8' } };
  }));
  r.post('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx);
    const c = findContainer(ctx);
    c.meta = applyMeta(ctx, 'Container', c.meta);
    const read = ctx.header('x-container-read');
    const write = ctx.header('x-container-write');
    if (read !== undefined) c.read = read || null;
    if (write !== undefined) c.write = write || null;
    if (ctx.header('x-remove-container-read') !== undefined) c.read = null;
    if (ctx.header('x-remove-container-write') !== undefined) c.write = null;
    return { status: 204, headers: { 'Content-Type': HTML } };
  }));
  r.delete('/v1/{account}/{container}', swift((ctx) => {
    authorize(ctx);
    const a = account(ctx);
    const c = findContainer(ctx);
    if (Object.keys(c.objects).length > 0) throw fail(409);
    delete a.containers[c.name];
    return { status: 204, headers: { 'Content-Type': HTML } };
  }));
}
