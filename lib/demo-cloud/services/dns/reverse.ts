// PTR records for floating IPs (/v2/reverse/floatingips). The floating IPs come from the network
// service's `listFloatingIps(core, projectId)`; the PTR data lives in Designate's own state.
import type { CloudCore } from '../../core/cloud';
import type { RequestContext } from '../../core/context';
import type { Router } from '../../core/router';
import { publicView, schedule } from '../../core/transitions';
import * as network from '../network/api';
import { dnsError, invalidObject, valueError } from './errors';
import { settleAll, type DnsDeps } from './lifecycle';
import { isFqdn } from './records';
import { readJson } from './request';

interface FloatingIpLike {
  id: string;
  project_id: string;
  floating_ip_address: string;
}

/** The project's floating IPs, from the network service. */
async function floatingIps(core: CloudCore, projectId: string): Promise<FloatingIpLike[]> {
  return network.listFloatingIps(core, projectId);
}

export function reverseRoutes(r: Router, { core, s }: DnsDeps): void {
  const render = (ctx: RequestContext, region: string, fip: FloatingIpLike) => {
    const id = `${region}:${fip.id}`;
    const ptr = s.ptrs.find((p) => p.id === id);
    const view = ptr ? publicView(ptr) : null;
    const live = view && (view.ptrdname !== null || view.status === 'PENDING');
    return {
      id,
      description: live ? view.description : null,
      address: fip.floating_ip_address,
      ptrdname: live ? view.ptrdname : null,
      ttl: live ? view.ttl : null,
      action: live ? view.action : 'NONE',
      status: live ? view.status : 'INACTIVE',
      links: { self: `${ctx.serviceUrl}/v2/reverse/floatingips/${id}` },
    };
  };
  const find = async (ctx: RequestContext) => {
    const auth = ctx.authProject();
    settleAll(core, s);
    const key = ctx.params.fip_key;
    const [region, fipId] = key.split(':');
    if (!region || !fipId || key.split(':').length !== 2 || !/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(fipId)) {
      throw dnsError(400, 'bad_request', `Floating IP ${key} is not in the format of <region>:<uuid>`);
    }
    const fip = ['RegionOne', 'RegionTwo'].includes(region) ? (await floatingIps(core, auth.project.id)).find((f) => f.id === fipId) : undefined;
    if (!fip) throw dnsError(404, 'not_found', `FloatingIP ${fipId} in ${region} is not associated for project "${auth.project.id}"`);
    return { auth, region, fip };
  };

  r.get('/v2/reverse/floatingips', async (ctx) => {
    const auth = ctx.authProject();
    settleAll(core, s);
    const list = await floatingIps(core, auth.project.id);
    return { status: 200, body: { floatingips: list.map((f) => render(ctx, 'RegionOne', f)), links: { self: ctx.url.href } } };
  });

  r.get('/v2/reverse/floatingips/{fip_key}', async (ctx) => {
    const { region, fip } = await find(ctx);
    return { status: 200, body: render(ctx, region, fip) };
  });

  r.patch('/v2/reverse/floatingips/{fip_key}', async (ctx) => {
    const { auth, region, fip } = await find(ctx);
    const body = await readJson(ctx);
    if (!('ptrdname' in body)) {
      throw invalidObject([{ path: [], message: "'ptrdname' is a required property", validator: 'required', validator_value: ['ptrdname'] }]);
    }
    const ptrdname = body.ptrdname;
    if (ptrdname !== null && typeof ptrdname !== 'string') {
      throw invalidObject([{ path: ['ptrdname'], message: `${JSON.stringify(ptrdname)} is not of type 'string', 'null'`, validator: 'type', validator_value: ['string', 'null'] }]);
    }
    if (typeof ptrdname === 'string' && !ptrdname.endsWith('.')) throw valueError(`Domain ${ptrdname} does not end with a dot`);
    if (typeof ptrdname === 'string' && !isFqdn(ptrdname)) {
      throw invalidObject([{ path: ['ptrdname'], message: `'${ptrdname}' is not a 'domainname'`, validator: 'format', validator_value: 'domainname' }]);
    }
    const id = `${region}:${fip.id}`;
    let ptr = s.ptrs.find((p) => p.id === id);
    if (!ptr) {
      ptr = { id, project_id: auth.project.id, ptrdname: null, description: null, ttl: null, status: 'ACTIVE', action: 'NONE' };
      s.ptrs.push(ptr);
    }
    const action = ptrdname === null ? 'DELETE' : ptr.ptrdname ? 'UPDATE' : 'CREATE';
    ptr.ptrdname = ptrdname;
    if (typeof body.description === 'string' || body.description === null) ptr.description = body.description;
    if (Number.isInteger(body.ttl)) ptr.ttl = body.ttl as number;
    ptr.status = 'PENDING';
    ptr.action = action;
    if (ptrdname === null) {
      // Unsetting answers 202 with a JSON null, and the PTR record goes away.
      s.ptrs = s.ptrs.filter((p) => p !== ptr);
      return { status: 202, body: null };
    }
    schedule(ptr, core.clock, [[2, { status: 'ACTIVE', action: 'NONE' }]]);
    return { status: 202, body: render(ctx, region, fip) };
  });
}
