import type { Router } from '../../core/router';
import { idFromRef, invalidInput, novaBadRequest, policyDenied, type ComputeDeps } from './common';
import * as x from './deps';
import { novaRoute } from './microversion';
import type { Server } from './model';
import { needsSettle, settleServer, statusOf } from './ops';
import { serverIndex } from './order';
import { renderBrief, renderServerList } from './render';
import { deletedServers } from './terminations';

// GET /servers and /servers/detail: Nova's filters, sort keys, marker/limit pagination and
// next links, walking the ordered index (order.ts) so a page touches only its own servers.

export function serverListRoutes(router: Router, { core, s }: ComputeDeps): void {

  const list = (detail: boolean) =>
    novaRoute(router, 'GET', detail ? '/servers/detail' : '/servers', ({ ctx, v }) => {
      const auth = ctx.authProject();
      const q = ctx.query;
      const allTenants = q.has('all_tenants') && ctx.flag('all_tenants');
      if (allTenants && !auth.isAdmin) throw policyDenied('os_compute_api:servers:index:get_all_tenants');
      let scope: string | null = auth.project.id;
      if (auth.isAdmin && allTenants) scope = q.get('project_id') ?? q.get('tenant_id') ?? null;
      else if (auth.isAdmin && (q.get('project_id') || q.get('tenant_id'))) scope = q.get('project_id') ?? q.get('tenant_id');
      const filters: Array<(srv: Server) => boolean> = [];

      const name = q.get('name');
      if (name) {
        let re: RegExp;
        try {
          re = new RegExp(name);
        } catch {
          re = new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        }
        filters.push((srv) => re.test(srv.name));
      }
      const statuses = q.getAll('status').map((st) => st.toUpperCase());
      if (statuses.length) {
        const known = ['ACTIVE', 'BUILD', 'DELETED', 'ERROR', 'HARD_REBOOT', 'MIGRATING', 'PASSWORD', 'PAUSED', 'REBOOT', 'REBUILD', 'RESCUE', 'RESIZE', 'REVERT_RESIZE', 'SHELVED', 'SHELVED_OFFLOADED', 'SHUTOFF', 'SOFT_DELETED', 'SUSPENDED', 'UNKNOWN', 'VERIFY_RESIZE'];
        for (const st of statuses) if (!known.includes(st)) throw novaBadRequest(`Invalid status value`);
        filters.push((srv) => statuses.includes(statusOf(srv.vm_state, srv.task_state)));
      }
      const image = q.get('image');
      if (image) {
        const id = idFromRef(image);
        filters.push((srv) => srv.image_id === id);
      }
      const flavorQ = q.get('flavor');
      if (flavorQ) {
        const id = idFromRef(flavorQ);
        filters.push((srv) => srv.flavor.id === id);
      }
      const changes = q.get('changes-since') ?? q.get('changes_since');
      if (changes) {
        const t = Date.parse(changes);
        if (Number.isNaN(t)) throw invalidInput('changes-since', changes, `'${changes}' is not a 'date-time'`);
        filters.push((srv) => Date.parse(srv.updated) >= t - 999);
      }
      for (const key of ['key_name', 'availability_zone', 'user_id', 'reservation_id'] as const) {
        const val = q.get(key);
        if (!val) continue;
        filters.push((srv) => String(srv[key] ?? '') === val);
      }
      const ip = q.get('ip') ?? q.get('ip6');
      if (ip) {
        let re: RegExp;
        try {
          re = new RegExp(ip);
        } catch {
          re = new RegExp(ip.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        }
        filters.push((srv) => {
          if (!srv.has_ports) return false;
          const addrs = x.serverAddresses(core, srv.id);
          return Object.values(addrs).some((list) => list.some((a) => re.test(a.addr)));
        });
      }
      const matches = (srv: Server) => {
        for (const f of filters) if (!f(srv)) return false;
        return true;
      };

      // Sort (default created_at desc, then Nova's row id: creation order).
      const sortKeys = q.getAll('sort_key');
      const sortDirs = q.getAll('sort_dir');
      const keyFns: Record<string, (srv: Server) => string | number> = {
        // Nova's DATETIME column keeps whole seconds: the servers of one batch share it, and the keys after it order them.
        created_at: (srv) => srv.created,
        updated_at: (srv) => srv.updated,
        display_name: (srv) => srv.name,
        uuid: (srv) => srv.id,
        vm_state: (srv) => srv.vm_state,
        task_state: (srv) => srv.task_state ?? '',
        power_state: (srv) => srv.power_state,
        launched_at: (srv) => srv.launched_at ?? '',
        key_name: (srv) => srv.key_name ?? '',
        availability_zone: (srv) => srv.availability_zone,
        hostname: (srv) => srv.hostname,
        image_ref: (srv) => srv.image_id,
        project_id: (srv) => srv.project_id,
        user_id: (srv) => srv.user_id,
        display_description: (srv) => srv.description ?? '',
        instance_type_id: (srv) => srv.flavor.id,
        progress: () => 0,
      };
      const keys = sortKeys.length ? sortKeys : ['created_at'];
      for (const k of keys) {
        if (!keyFns[k]) throw invalidInput('sort_key', k, `'${k}' is not one of [${Object.keys(keyFns).map((n) => `'${n}'`).join(', ')}]`);
      }
      for (const d of sortDirs) if (d !== 'asc' && d !== 'desc') throw invalidInput('sort_dir', d, `'${d}' is not one of ['asc', 'desc']`);

      let limit = 1000;
      const rawLimit = q.get('limit');
      if (rawLimit !== null) {
        const n = Number(rawLimit);
        if (!Number.isInteger(n) || n < 0) throw invalidInput('limit', rawLimit, `'${rawLimit}' does not match '^[0-9]*$'`);
        limit = Math.min(n, 1000);
      }
      const marker = q.get('marker');
      const markerNotFound = () => novaBadRequest(`marker [${marker}] not found`);

      const ordered = serverIndex(s).scope(scope);
      const page: Server[] = [];
      // Settles a candidate; false when it vanished (its delete finished) or is filtered out.
      const take = (srv: Server) => (!needsSettle(srv) || settleServer(core, s, srv) !== undefined) && matches(srv);
      // changes-since answers deleted servers too (Nova's servers.py: no `deleted=False` filter then), so its pages
      // merge them in by the sort below.
      const defaultOrder = !changes && ((sortKeys.length === 0 && sortDirs.length === 0) || (keys.length === 1 && keys[0] === 'created_at' && (sortDirs[0] ?? 'desc') === 'desc'));
      if (defaultOrder) {
        // Walk the ordered index from the marker (newest first), touching only the page's servers.
        let i = ordered.list.length - 1;
        if (marker !== null) {
          const at = ordered.pos.get(marker);
          if (at === undefined) throw markerNotFound();
          const m = ordered.list[at];
          if (needsSettle(m) && !settleServer(core, s, m)) throw markerNotFound();
          i = at - 1;
        }
        for (; i >= 0 && page.length < limit; i--) {
          const srv = ordered.list[i];
          if (take(srv)) page.push(srv);
        }
      } else {
        const dirOf = (d: string | undefined) => (d === 'asc' ? 1 : -1);
        const specs = keys.map((k, i) => ({ fn: keyFns[k], dir: dirOf(sortDirs[i] ?? sortDirs[0]) }));
        // Nova's process_sort_params appends its default keys, created_at then the row id (creation order), in the
        // first direction asked for.
        const first = dirOf(sortDirs[0]);
        if (!keys.includes('created_at')) specs.push({ fn: keyFns.created_at, dir: first });
        specs.push({ fn: (srv) => srv.seq, dir: first });
        const items = ordered.list.filter(take);
        if (changes) items.push(...deletedServers(s, scope).filter(matches));
        items.sort((a, b) => {
          for (const { fn, dir } of specs) {
            const x1 = fn(a), y1 = fn(b);
            if (x1 < y1) return -dir;
            if (x1 > y1) return dir;
          }
          return 0;
        });
        let start = 0;
        if (marker !== null) {
          const i = items.findIndex((srv) => srv.id === marker);
          if (i < 0) throw markerNotFound();
          start = i + 1;
        }
        page.push(...items.slice(start, start + limit));
      }

      // Nova's _get_collection_links: a next link whenever the page is full; the request's
      // parameters sorted, marker replaced or appended.
      let nextLinks: Array<{ rel: string; href: string }> | undefined;
      if (limit > 0 && page.length === limit) {
        const params = new Map<string, string>();
        for (const [k, val] of [...q.entries()].sort(([a, b], [c, d]) => (a < c ? -1 : a > c ? 1 : b < d ? -1 : b > d ? 1 : 0))) params.set(k, val);
        params.set('marker', page[page.length - 1].id);
        const base = `${ctx.serviceUrl}/v2.1/servers${detail ? '/detail' : ''}`;
        nextLinks = [{ rel: 'next', href: `${base}?${new URLSearchParams([...params]).toString()}` }];
      }
      // Bytes built here (cached per server for the detail view): the server then neither rescans a
      // string for its length nor encodes it again.
      const bytes = detail
        ? renderServerList(core, ctx, v, page, { isAdmin: auth.isAdmin }, nextLinks)
        : Buffer.from(JSON.stringify({ servers: page.map((srv) => renderBrief(ctx, srv)), ...(nextLinks ? { servers_links: nextLinks } : {}) }));
      return { status: 200, raw: bytes, contentType: 'application/json' };
    });
  list(false);
  list(true);
}
