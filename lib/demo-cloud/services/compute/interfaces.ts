import { HttpError } from '../../core/errors';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import type { Port } from '../network/api';
import { invalidInput, isoZ, novaBadRequest, novaConflict, novaNotFound, objectBody, pyRepr, type ComputeDeps } from './common';
import * as x from './deps';
import { novaRoute, type NovaRequest } from './microversion';
import type { Server } from './model';
import { checkLock, checkState, requestServer } from './ops';

// /servers/{id}/os-interface (Zed's attach_interfaces.py): list, show, attach (a new port on a
// network, or a port the project made) and detach, through the network service's contract.

/** attach_interface / detach_interface: ACTIVE, PAUSED or SHUTOFF with no task running. */
const ATTACHABLE = ['active', 'paused', 'stopped'];

export function interfaceRoutes(router: Router, { core, s }: ComputeDeps): void {
  const getServer = (r: NovaRequest): Server => requestServer(core, s, r.ctx);
  const render = (r: NovaRequest, p: Port) => ({
    net_id: p.network_id,
    port_id: p.id,
    mac_addr: p.mac_address,
    port_state: p.status,
    fixed_ips: p.fixed_ips.map((f) => ({ subnet_id: f.subnet_id, ip_address: f.ip_address })),
    ...(r.v.ge('2.70') ? { tag: null } : {}),
  });
  const portsOf = (srv: Server) => (srv.has_ports ? x.portsOfServer(core, srv.id) : []);

  novaRoute(router, 'GET', '/servers/{server_id}/os-interface', (r) => {
    const srv = getServer(r);
    return json(200, { interfaceAttachments: portsOf(srv).map((p) => render(r, p)) });
  });

  novaRoute(router, 'GET', '/servers/{server_id}/os-interface/{port_id}', (r) => {
    const srv = getServer(r);
    const id = r.ctx.params.port_id;
    const port = portsOf(srv).find((p) => p.id === id);
    if (port) return json(200, { interfaceAttachment: render(r, port) });
    const auth = r.ctx.authProject();
    if (!x.visiblePort(core, id, auth.project.id, auth.isAdmin)) throw novaNotFound(`Port id ${id} could not be found.`);
    throw novaNotFound(`Instance ${srv.id} does not have a port with id ${id}`);
  });

  novaRoute(router, 'POST', '/servers/{server_id}/os-interface', async (r) => {
    const auth = r.ctx.authProject();
    const srv = getServer(r);
    const body = await objectBody(r.ctx);
    const extra = Object.keys(body).find((k) => k !== 'interfaceAttachment');
    if (extra) throw invalidInput('', body, `Additional properties are not allowed ('${extra}' was unexpected)`);
    const att = (body.interfaceAttachment ?? {}) as Record<string, unknown>;
    if (typeof att !== 'object' || Array.isArray(att)) throw invalidInput('interfaceAttachment', att, `${pyRepr(att)} is not of type 'object'`);
    const allowed = ['net_id', 'port_id', 'fixed_ips', ...(r.v.ge('2.49') ? ['tag'] : [])];
    const bad = Object.keys(att).find((k) => !allowed.includes(k));
    if (bad) throw invalidInput('interfaceAttachment', att, `Additional properties are not allowed ('${bad}' was unexpected)`);
    const netId = typeof att.net_id === 'string' ? att.net_id : undefined;
    const portId = typeof att.port_id === 'string' ? att.port_id : undefined;
    const fixed = Array.isArray(att.fixed_ips) ? (att.fixed_ips as Array<{ ip_address?: unknown }>) : [];
    if (netId && portId) throw novaBadRequest('Must not input both network_id and port_id');
    if (fixed.length > 0 && !netId) throw novaBadRequest('Must input network_id when request IP address');
    checkLock(srv, auth.isAdmin);
    checkState(srv, 'attach_interface', ATTACHABLE);
    // Nova refuses any port with a device_id, this server's own included.
    if (portId && portsOf(srv).some((p) => p.id === portId)) throw novaConflict(`Port ${portId} is still in use.`);
    let port: Port;
    try {
      port = x.allocateServerPort(core, {
        projectId: srv.project_id,
        serverId: srv.id,
        networkId: netId,
        portId,
        fixedIp: fixed[0] && typeof fixed[0].ip_address === 'string' ? fixed[0].ip_address : undefined,
        securityGroups: portId ? undefined : ['default'],
      });
    } catch (err) {
      throw novaError(err, netId, portId);
    }
    srv.has_ports = true;
    srv.updated = isoZ(core.clock.now());
    core.state.markDirty();
    return json(200, { interfaceAttachment: render(r, port) });
  });

  novaRoute(router, 'DELETE', '/servers/{server_id}/os-interface/{port_id}', (r) => {
    const auth = r.ctx.authProject();
    const srv = getServer(r);
    const id = r.ctx.params.port_id;
    checkLock(srv, auth.isAdmin);
    checkState(srv, 'detach_interface', ATTACHABLE);
    if (!portsOf(srv).some((p) => p.id === id)) throw novaNotFound(`Port id ${id} could not be found.`);
    x.releaseServerPort(core, srv.id, id);
    srv.updated = isoZ(core.clock.now());
    return { status: 202 };
  });
}

/** Neutron's errors, worded as Nova words them (NetworkNotFound, PortNotFound, PortInUse, ...). */
function novaError(err: unknown, netId?: string, portId?: string): unknown {
  if (!(err instanceof HttpError)) return err;
  if (err.type === 'NetworkNotFound' && netId) return novaNotFound(`Network ${netId} could not be found.`);
  if (err.type === 'PortNotFound' && portId) return novaNotFound(`Port id ${portId} could not be found.`);
  return new HttpError(err.status >= 500 ? 400 : err.status, err.message);
}
