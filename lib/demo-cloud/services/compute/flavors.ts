import { stableUuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import type { RequestContext } from '../../core/context';
import { HttpError } from '../../core/errors';
import { invalidInput, pyRepr, links, novaBadRequest, novaConflict, novaNotFound, objectBody, policyDenied, type ComputeDeps } from './common';
import { novaRoute, type Version } from './microversion';
import type { ComputeState, Flavor, FlavorSnapshot } from './model';

const SEED: Array<[id: string, name: string, vcpus: number, ram: number, disk: number]> = [
  ['1', 'm1.tiny', 1, 512, 1],
  ['2', 'm1.small', 1, 2048, 20],
  ['3', 'm1.medium', 2, 4096, 40],
  ['4', 'm1.large', 4, 8192, 80],
  ['5', 'm1.xlarge', 8, 16384, 160],
];
/** With --failure-fixtures only: servers of this flavor end in ERROR. */
const FAILING: typeof SEED = [[stableUuid('flavor', 'fail-flavor'), 'fail-flavor', 1, 256, 1]];

export function seedFlavors(failureFixtures: boolean): Record<string, Flavor> {
  const out: Record<string, Flavor> = {};
  (failureFixtures ? [...SEED, ...FAILING] : SEED).forEach(([id, name, vcpus, ram, disk], i) => {
    out[id] = {
      id, name, vcpus, ram, disk, ephemeral: 0, swap: 0, rxtx_factor: 1.0, is_public: true, disabled: false,
      description: null, extra_specs: {}, access: [], created_seq: i,
    };
  });
  return out;
}

export function flavorVisible(f: Flavor, projectId: string, isAdmin: boolean): boolean {
  return isAdmin || f.is_public || f.access.includes(projectId);
}

/** By id first, then by name (what findFlavor in api.ts offers other services). */
export function lookupFlavor(s: ComputeState, idOrName: string): Flavor | undefined {
  return s.flavors[idOrName] ?? Object.values(s.flavors).find((f) => f.name === idOrName);
}

export function snapshotOf(f: Flavor): FlavorSnapshot {
  return { id: f.id, name: f.name, vcpus: f.vcpus, ram: f.ram, disk: f.disk, ephemeral: f.ephemeral, swap: f.swap, extra_specs: { ...f.extra_specs } };
}

export function renderFlavor(ctx: RequestContext, v: Version, f: Flavor, detail = true) {
  const base: Record<string, unknown> = { id: f.id, name: f.name };
  if (detail) {
    Object.assign(base, {
      ram: f.ram,
      disk: f.disk,
      swap: v.ge('2.75') ? f.swap : f.swap === 0 ? '' : f.swap,
      'OS-FLV-EXT-DATA:ephemeral': f.ephemeral,
      'OS-FLV-DISABLED:disabled': f.disabled,
      vcpus: f.vcpus,
      'os-flavor-access:is_public': f.is_public,
      rxtx_factor: f.rxtx_factor,
    });
  }
  base.links = links(ctx, 'flavors', f.id);
  if (v.ge('2.55')) base.description = f.description;
  if (detail && v.ge('2.61')) base.extra_specs = { ...f.extra_specs };
  return base;
}

const num = (x: unknown) => (typeof x === 'number' ? x : typeof x === 'string' && x.trim() !== '' ? Number(x) : NaN);

export function flavorRoutes(router: Router, { s }: ComputeDeps): void {
  const visible = (ctx: RequestContext, id: string): Flavor => {
    const auth = ctx.authProject();
    const f = s.flavors[id];
    if (!f || !flavorVisible(f, auth.project.id, auth.isAdmin)) throw novaNotFound(`Flavor ${id} could not be found.`);
    return f;
  };

  const list = (detail: boolean) =>
    novaRoute(router, 'GET', detail ? '/flavors/detail' : '/flavors', ({ ctx, v }) => {
      const auth = ctx.authProject();
      const q = ctx.query;
      let isPublic: boolean | null = true;
      const raw = q.get('is_public');
      if (raw !== null) {
        const l = raw.toLowerCase();
        if (l === 'none') isPublic = auth.isAdmin ? null : true;
        else if (['true', 't', '1', 'yes', 'y', 'on'].includes(l)) isPublic = true;
        else if (['false', 'f', '0', 'no', 'n', 'off'].includes(l)) isPublic = false;
        else throw novaBadRequest(`Invalid is_public filter [${raw}]`);
      }
      let items = Object.values(s.flavors).filter((f) => {
        if (auth.isAdmin) return isPublic === null || f.is_public === isPublic;
        return f.is_public || f.access.includes(auth.project.id);
      });
      for (const [param, field] of [['minDisk', 'disk'], ['minRam', 'ram']] as const) {
        const m = q.get(param);
        if (m === null) continue;
        const n = Number(m);
        if (!Number.isInteger(n) || n < 0) throw novaBadRequest(`Invalid ${param} filter [${m}]`);
        items = items.filter((f) => f[field] >= n);
      }
      const sortKey = q.get('sort_key') ?? 'flavorid';
      const dir = (q.get('sort_dir') ?? 'asc') === 'desc' ? -1 : 1;
      const keyOf = (f: Flavor): string | number => {
        switch (sortKey) {
          case 'name': return f.name;
          case 'memory_mb': return f.ram;
          case 'vcpus': return f.vcpus;
          case 'root_gb': return f.disk;
          case 'created_at': case 'id': return f.created_seq;
          default: return f.id;
        }
      };
      items.sort((a, b) => {
        const x = keyOf(a), y = keyOf(b);
        return (x < y ? -1 : x > y ? 1 : 0) * dir;
      });
      let start = 0;
      const marker = q.get('marker');
      if (marker !== null) {
        const i = items.findIndex((f) => f.id === marker);
        if (i < 0) throw novaBadRequest(`marker [${marker}] not found`);
        start = i + 1;
      }
      let limit = 1000;
      const rawLimit = q.get('limit');
      if (rawLimit !== null) {
        limit = Number(rawLimit);
        if (!Number.isInteger(limit) || limit < 0) throw invalidInput('limit', rawLimit, `'${rawLimit}' does not match '^[0-9]*$'`);
        limit = Math.min(limit, 1000);
      }
      const page = items.slice(start, start + limit);
      const body: Record<string, unknown> = { flavors: page.map((f) => renderFlavor(ctx, v, f, detail)) };
      if (rawLimit !== null && page.length === limit && page.length > 0) {
        const url = new URL(`${ctx.serviceUrl}/v2.1/flavors${detail ? '/detail' : ''}`);
        url.searchParams.set('limit', String(limit));
        url.searchParams.set('marker', page[page.length - 1].id);
        body.flavors_links = [{ rel: 'next', href: url.toString() }];
      }
      return json(200, body);
    });
  list(false);
  list(true);

  novaRoute(router, 'GET', '/flavors/{flavor_id}', ({ ctx, v }) => json(200, { flavor: renderFlavor(ctx, v, visible(ctx, ctx.params.flavor_id)) }));

  novaRoute(router, 'POST', '/flavors', async ({ ctx, v }) => {
    const auth = ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-flavor-manage:create');
    const body = await objectBody(ctx);
    const f = body.flavor as Record<string, unknown> | undefined;
    if (!f || typeof f !== 'object') throw invalidInput('flavor', body, "'flavor' is a required property");
    for (const req of ['name', 'ram', 'vcpus', 'disk']) {
      if (f[req] === undefined) throw invalidInput('flavor', f, `'${req}' is a required property`);
    }
    const name = String(f.name).trim();
    if (!name || name.length > 255) throw invalidInput('name', f.name, `'${String(f.name)}' does not match`);
    const ints: Record<string, number> = {};
    for (const [k, min] of [['ram', 1], ['vcpus', 1], ['disk', 0], ['OS-FLV-EXT-DATA:ephemeral', 0], ['swap', 0]] as const) {
      const raw = f[k] ?? (k === 'disk' ? 0 : k === 'ram' || k === 'vcpus' ? undefined : 0);
      const n = num(raw === '' ? 0 : raw);
      if (!Number.isInteger(n) || n < min) throw invalidInput(k, raw, `${pyRepr(raw)} is less than the minimum of ${min}`);
      ints[k] = n;
    }
    const id = f.id === undefined || f.id === null ? crypto.randomUUID() : String(f.id);
    if (s.flavors[id]) throw novaConflict(`Flavor with ID ${id} already exists.`);
    if (Object.values(s.flavors).some((x) => x.name === name)) throw novaConflict(`Flavor with name ${name} already exists.`);
    const isPublic = f['os-flavor-access:is_public'] === undefined ? true : Boolean(f['os-flavor-access:is_public']);
    s.seq.flavor += 1;
    const flavor: Flavor = {
      id, name, vcpus: ints.vcpus, ram: ints.ram, disk: ints.disk, ephemeral: ints['OS-FLV-EXT-DATA:ephemeral'], swap: ints.swap,
      rxtx_factor: f.rxtx_factor === undefined ? 1.0 : Number(f.rxtx_factor), is_public: isPublic, disabled: false,
      description: v.ge('2.55') && typeof f.description === 'string' ? f.description : null, extra_specs: {},
      access: [], created_seq: 100 + s.seq.flavor,
    };
    s.flavors[id] = flavor;
    return json(200, { flavor: renderFlavor(ctx, v, flavor) });
  });

  novaRoute(router, 'PUT', '/flavors/{flavor_id}', async ({ ctx, v }) => {
    const auth = ctx.authProject();
    if (v.lt('2.55')) throw new HttpError(405, 'The method PUT is not allowed for the requested URL.');
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-flavor-manage:update');
    const f = visible(ctx, ctx.params.flavor_id);
    const body = await objectBody(ctx);
    const upd = body.flavor as Record<string, unknown> | undefined;
    if (!upd || !('description' in upd)) throw invalidInput('flavor', upd ?? body, "'description' is a required property");
    f.description = upd.description === null ? null : String(upd.description);
    return json(200, { flavor: renderFlavor(ctx, v, f) });
  });

  novaRoute(router, 'DELETE', '/flavors/{flavor_id}', ({ ctx }) => {
    const auth = ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-flavor-manage:delete');
    const id = ctx.params.flavor_id;
    if (!s.flavors[id]) throw novaNotFound(`Flavor ${id} could not be found.`);
    delete s.flavors[id];
    return { status: 202 };
  });

  // Flavor access (private flavors).
  const accessList = (f: Flavor) => ({ flavor_access: f.access.map((tenant_id) => ({ flavor_id: f.id, tenant_id })) });
  novaRoute(router, 'GET', '/flavors/{flavor_id}/os-flavor-access', ({ ctx }) => {
    const f = visible(ctx, ctx.params.flavor_id);
    if (f.is_public) throw novaNotFound('Access list not available for public flavors.');
    return json(200, accessList(f));
  });
  novaRoute(router, 'POST', '/flavors/{flavor_id}/action', async ({ ctx }) => {
    const auth = ctx.authProject();
    const body = await objectBody(ctx);
    const key = Object.keys(body)[0];
    if (key !== 'addTenantAccess' && key !== 'removeTenantAccess') throw novaBadRequest(`There is no such action: ${key}`);
    if (!auth.isAdmin) throw policyDenied(`os_compute_api:os-flavor-access:${key === 'addTenantAccess' ? 'add_tenant_access' : 'remove_tenant_access'}`);
    const f = visible(ctx, ctx.params.flavor_id);
    const tenant = (body[key] as { tenant?: unknown } | null)?.tenant;
    if (typeof tenant !== 'string' || !tenant) throw invalidInput(key, body[key], "'tenant' is a required property");
    if (f.is_public) throw novaConflict('Can not add access to a public flavor.');
    if (key === 'addTenantAccess') {
      if (f.access.includes(tenant)) throw novaConflict(`Flavor access already exists for flavor ${f.id} and project ${tenant} combination.`);
      f.access.push(tenant);
    } else {
      if (!f.access.includes(tenant)) throw novaNotFound(`Flavor access not found for ${f.id} / ${tenant} combination.`);
      f.access = f.access.filter((t) => t !== tenant);
    }
    return json(200, accessList(f));
  });

  // Extra specs.
  novaRoute(router, 'GET', '/flavors/{flavor_id}/os-extra_specs', ({ ctx }) => json(200, { extra_specs: { ...visible(ctx, ctx.params.flavor_id).extra_specs } }));
  novaRoute(router, 'POST', '/flavors/{flavor_id}/os-extra_specs', async ({ ctx }) => {
    const auth = ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-flavor-extra-specs:create');
    const f = visible(ctx, ctx.params.flavor_id);
    const body = await objectBody(ctx);
    const specs = body.extra_specs;
    if (!specs || typeof specs !== 'object' || Array.isArray(specs)) throw invalidInput('extra_specs', body, "'extra_specs' is a required property");
    for (const [k, val] of Object.entries(specs as Record<string, unknown>)) {
      if (typeof val !== 'string' && typeof val !== 'number' && typeof val !== 'boolean') throw invalidInput(k, val, `${pyRepr(val)} is not of type 'string'`);
      f.extra_specs[k] = String(val);
    }
    return json(200, { extra_specs: specs });
  });
  novaRoute(router, 'GET', '/flavors/{flavor_id}/os-extra_specs/{key}', ({ ctx }) => {
    const f = visible(ctx, ctx.params.flavor_id);
    const k = ctx.params.key;
    if (!(k in f.extra_specs)) throw novaNotFound(`Flavor ${f.id} has no extra specs with key ${k}.`);
    return json(200, { [k]: f.extra_specs[k] });
  });
  novaRoute(router, 'PUT', '/flavors/{flavor_id}/os-extra_specs/{key}', async ({ ctx }) => {
    const auth = ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-flavor-extra-specs:update');
    const f = visible(ctx, ctx.params.flavor_id);
    const body = await objectBody(ctx);
    const k = ctx.params.key;
    if (!(k in body)) throw novaBadRequest('Request body and URI mismatch');
    if (Object.keys(body).length > 1) throw novaBadRequest('Request body contains too many items');
    f.extra_specs[k] = String(body[k]);
    return json(200, { [k]: f.extra_specs[k] });
  });
  novaRoute(router, 'DELETE', '/flavors/{flavor_id}/os-extra_specs/{key}', ({ ctx }) => {
    const auth = ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-flavor-extra-specs:delete');
    const f = visible(ctx, ctx.params.flavor_id);
    const k = ctx.params.key;
    if (!(k in f.extra_specs)) throw novaNotFound(`Flavor ${f.id} has no extra specs with key ${k}.`);
    delete f.extra_specs[k];
    return { status: 202 };
  });
}
