// The guest's logs (GET/POST /instances/{id}/log), as Trove 18's guest agent keeps them for MySQL: `general` and
// `slow_query` are USER logs (off until enabled, exposed to the project), `guest` and `error` SYS logs (always on,
// admins only). Publishing copies what is pending to Swift's database_logs container; discarding drops it.
import type { RequestContext } from '../../core/context';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { badRequest, troveError, unprocessable } from './errors';
import type { DbInstance, GuestLog } from './model';
import { getInstance, instanceRoute, readJson, type TroveDeps } from './request';

const LOGS: Array<{ name: string; type: 'USER' | 'SYS' }> = [
  { name: 'general', type: 'USER' },
  { name: 'slow_query', type: 'USER' },
  { name: 'guest', type: 'SYS' },
  { name: 'error', type: 'SYS' },
];
/** guest_log_exposed_logs for MySQL: what a non-admin may see and act on. */
const EXPOSED = ['general', 'slow_query'];
/** Bytes a log gains between two looks (the demo's datastore is never idle). */
const GROWTH = 4096;

function logsOf(inst: DbInstance): Record<string, GuestLog> {
  inst.logs ??= Object.fromEntries(LOGS.map((l) => [l.name, { enabled: l.type === 'SYS', size: l.type === 'SYS' ? GROWTH : 0, published: 0 }]));
  return inst.logs;
}

function show(inst: DbInstance, name: string) {
  const type = LOGS.find((l) => l.name === name)!.type;
  const log = logsOf(inst)[name];
  const prefix = `${inst.id}/${inst.datastore}-${name}/`;
  const pending = log.size - log.published;
  const status = !log.enabled ? 'Disabled' : log.published === 0 ? (pending > 0 ? 'Ready' : 'Enabled') : pending > 0 ? 'Partial' : 'Published';
  return {
    name,
    type,
    status,
    published: log.published,
    pending,
    container: log.published ? 'database_logs' : 'None',
    prefix: log.published ? prefix : 'None',
    metafile: `${prefix.replace(/\/$/, '')}_metafile`,
  };
}

export function logRoutes(router: Router, { core }: TroveDeps): void {
  /** The instance with a running guest; its enabled logs have grown since the last look. */
  const running = (ctx: RequestContext) => {
    const inst = getInstance(core, ctx.authProject(), ctx.params.id);
    if (inst.operating_status !== 'HEALTHY') throw unprocessable(`Instance ${inst.id} is not ready, status: ${inst.status.toLowerCase()}.`);
    for (const log of Object.values(logsOf(inst))) if (log.enabled) log.size += GROWTH;
    core.state.markDirty();
    return inst;
  };

  instanceRoute(router, core, 'GET', '/v1.0/{tenant_id}/instances/{id}/log', (ctx) => {
    const isAdmin = ctx.authProject().isAdmin;
    const inst = running(ctx);
    return json(200, { logs: LOGS.filter((l) => isAdmin || EXPOSED.includes(l.name)).map((l) => show(inst, l.name)) });
  });

  instanceRoute(router, core, 'POST', '/v1.0/{tenant_id}/instances/{id}/log', async (ctx) => {
    const isAdmin = ctx.authProject().isAdmin;
    const body = await readJson(ctx);
    const name = body.name;
    if (typeof name !== 'string') throw badRequest("Validation error: body 'name' is a required property");
    const { enable, disable, publish, discard } = body;
    if (enable && disable) throw badRequest('Cannot enable and disable log.');
    const inst = running(ctx);
    const def = LOGS.find((l) => l.name === name);
    if (!def) throw troveError(404, `Log '${name}' is not defined.`);
    const action = publish ? 'publish' : discard ? 'discard' : 'show';
    if (!isAdmin && !EXPOSED.includes(name)) throw troveError(403, `You must be admin to ${action} log '${name}'.`);
    if (def.type === 'SYS' && !publish && (enable || disable)) throw badRequest(`Cannot ${enable ? 'enable' : 'disable'} a SYSTEM log ('${name}').`);
    const log = logsOf(inst)[name];
    // Publishing switches a USER log on unless told to switch it off (the guest agent's rule).
    if (def.type === 'USER' && (enable || (publish && !disable))) log.enabled = true;
    if (def.type === 'USER' && disable) log.enabled = false;
    if (discard) log.published = 0;
    if (publish) log.published = log.size;
    core.state.markDirty();
    return json(200, { log: show(inst, name) });
  });
}
