import { randomBytes } from 'node:crypto';
import { conflict, HttpError } from '../../core/errors';
import { json, type Reply } from '../../core/reply';
import type { Router } from '../../core/router';
import { schedule } from '../../core/transitions';
import type { ProjectAuthInfo } from '../../core/auth';
import { invalidInput, isoZ, novaBadRequest, novaNotFound, objectBody, policyDenied, type ComputeDeps } from './common';
import * as x from './deps';
import { flavorVisible, snapshotOf } from './flavors';
import { novaRoute, type NovaRequest } from './microversion';
import type { Server } from './model';
import { runTask, type ActionFn } from './action-kit';
import { lifecycleActions } from './lifecycle';
import { migrationActions } from './migration';
import { checkLock, checkState, recordAction, requestServer } from './ops';
import { bootLog } from './console';

// POST /servers/{id}/action with Nova's 202/409 semantics, and remote consoles.

export function actionRoutes(router: Router, deps: ComputeDeps): void {
  const { core, s } = deps;
  const getServer = (r: NovaRequest): Server => requestServer(core, s, r.ctx);

  /** A power action: state check, task state now, the final state after `seconds` nominal. */
  const transition = (
    srv: Server, r: NovaRequest, auth: ProjectAuthInfo, action: string, event: string,
    task: string, seconds: number, final: Partial<Server>,
  ): Reply => {
    runTask(core, { r, srv, auth }, action, event, task, [[seconds, final]]);
    return { status: 202 };
  };

  const actions: Record<string, ActionFn> = {
    'os-start': ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'start', ['stopped']);
      return transition(srv, r, auth, 'start', 'compute_start_instance', 'powering-on', 1.5, { vm_state: 'active', power_state: 1 });
    },
    'os-stop': ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'stop', ['active', 'error']);
      return transition(srv, r, auth, 'stop', 'compute_stop_instance', 'powering-off', 1.5, { vm_state: 'stopped', power_state: 4 });
    },
    reboot: ({ r, srv, auth, arg }) => {
      const type = (arg as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !['SOFT', 'HARD', 'soft', 'hard'].includes(type)) {
        throw invalidInput('reboot', arg, type === undefined ? "'type' is a required property" : `'${String(type)}' is not one of ['HARD', 'Hard', 'hard', 'SOFT', 'Soft', 'soft']`);
      }
      checkLock(srv, auth.isAdmin);
      const hard = type.toUpperCase() === 'HARD';
      const okTasks = [null, 'rebooting', 'reboot_pending', 'reboot_started', 'rebooting_hard', 'reboot_pending_hard', 'reboot_started_hard', 'resuming', 'unpausing', 'pausing', 'suspending'];
      checkState(srv, 'reboot', ['active', 'stopped', 'paused', 'suspended', 'error'], okTasks);
      if (!hard && srv.vm_state !== 'active') throw conflict(`Cannot 'soft reboot' instance ${srv.id} while it is in vm_state ${srv.vm_state}`);
      if (!hard && srv.task_state !== null) throw conflict(`Cannot 'soft reboot' instance ${srv.id} while it is in task_state ${srv.task_state}`);
      return transition(srv, r, auth, 'reboot', 'compute_reboot_instance', hard ? 'reboot_started_hard' : 'reboot_started', hard ? 2 : 3, { vm_state: 'active', power_state: 1 });
    },
    pause: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'pause', ['active']);
      return transition(srv, r, auth, 'pause', 'compute_pause_instance', 'pausing', 1, { vm_state: 'paused', power_state: 3 });
    },
    unpause: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'unpause', ['paused']);
      return transition(srv, r, auth, 'unpause', 'compute_unpause_instance', 'unpausing', 1, { vm_state: 'active', power_state: 1 });
    },
    suspend: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'suspend', ['active']);
      return transition(srv, r, auth, 'suspend', 'compute_suspend_instance', 'suspending', 1.5, { vm_state: 'suspended', power_state: 4 });
    },
    resume: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'resume', ['suspended']);
      return transition(srv, r, auth, 'resume', 'compute_resume_instance', 'resuming', 1.5, { vm_state: 'active', power_state: 1 });
    },
    lock: ({ r, srv, auth, arg }) => {
      const reason = (arg as { locked_reason?: unknown } | null)?.locked_reason;
      if (reason !== undefined && r.v.lt('2.73')) throw novaBadRequest("Invalid input for field/attribute lock. Value: {'locked_reason': '...'}. Additional properties are not allowed ('locked_reason' was unexpected)");
      srv.locked = true;
      srv.locked_reason = typeof reason === 'string' ? reason : null;
      srv.locked_by = auth.isAdmin && srv.project_id !== auth.project.id ? 'admin' : 'owner';
      recordAction(core, srv, 'lock', r.requestId, auth.user.id, auth.project.id, 'api_lock', 0);
      return { status: 202 };
    },
    unlock: ({ r, srv, auth }) => {
      // What an admin of another project locked, only an admin unlocks (unlock_override).
      if (srv.locked && srv.locked_by === 'admin' && !auth.isAdmin) throw policyDenied('os_compute_api:os-lock-server:unlock:unlock_override');
      srv.locked = false;
      srv.locked_reason = null;
      srv.locked_by = null;
      recordAction(core, srv, 'unlock', r.requestId, auth.user.id, auth.project.id, 'api_unlock', 0);
      return { status: 202 };
    },
    createImage: ({ r, srv, auth, arg }) => {
      const a = arg as { name?: unknown; metadata?: unknown } | null;
      if (!a || typeof a !== 'object' || typeof a.name !== 'string') throw invalidInput('createImage', arg, "'name' is a required property");
      if (!a.name.trim()) throw invalidInput('name', a.name, `'${a.name}' does not match`);
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'createImage', ['active', 'stopped', 'paused', 'suspended']);
      const meta: Record<string, string> = {};
      if (a.metadata && typeof a.metadata === 'object') for (const [k, val] of Object.entries(a.metadata)) meta[k] = String(val);
      const image = x.createImageFromServer(core, {
        name: a.name,
        projectId: srv.project_id,
        ownerUserId: auth.user.id,
        serverId: srv.id,
        metadata: meta,
        minDisk: srv.flavor.disk,
        minRam: 0,
        diskFormat: 'qcow2',
        containerFormat: 'bare',
      });
      const reply = transition(srv, r, auth, 'createImage', 'compute_snapshot_instance', 'image_snapshot', 3, {});
      if (r.v.ge('2.45')) return json(202, { image_id: image.id });
      return { ...reply, headers: { Location: `${r.ctx.baseUrl}/image/v2/images/${image.id}` } };
    },
    resize: ({ r, srv, auth, arg }) => {
      const ref = (arg as { flavorRef?: unknown } | null)?.flavorRef;
      if (ref === undefined || ref === null || ref === '') throw invalidInput('resize', arg, "'flavorRef' is a required property");
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'resize', ['active', 'stopped']);
      const id = String(ref).split('/').pop() ?? '';
      const flavor = s.flavors[id];
      if (!flavor || !flavorVisible(flavor, auth.project.id, auth.isAdmin)) throw novaBadRequest('Unable to locate requested flavor.');
      if (flavor.id === srv.flavor.id) throw novaBadRequest('When resizing, instances must change flavor!');
      if (flavor.disk < srv.flavor.disk && srv.image_id) throw novaBadRequest('Resize error: Unable to resize disk down.');
      const from = srv.vm_state;
      srv.old_flavor = srv.flavor;
      srv.resize_from_state = from;
      srv.task_state = 'resize_prep';
      srv.updated = isoZ(core.clock.now());
      recordAction(core, srv, 'resize', r.requestId, auth.user.id, auth.project.id, 'compute_finish_resize', 4);
      const snap = snapshotOf(flavor);
      schedule(srv, core.clock, [
        [1, { task_state: 'resize_migrating' }],
        [1, { task_state: 'resize_migrated' }],
        [1, { task_state: 'resize_finish', flavor: snap }],
        [1, { vm_state: 'resized', task_state: null, power_state: from === 'stopped' ? 4 : 1, updated: isoZ(core.clock.after(4)) }],
      ]);
      return { status: 202 };
    },
    confirmResize: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'confirmResize', ['resized']);
      srv.vm_state = srv.resize_from_state === 'stopped' ? 'stopped' : 'active';
      srv.old_flavor = null;
      srv.resize_from_state = null;
      srv.migration_source_host = null;
      srv.updated = isoZ(core.clock.now());
      recordAction(core, srv, 'confirmResize', r.requestId, auth.user.id, auth.project.id, 'compute_confirm_resize', 0);
      return { status: 204 };
    },
    revertResize: ({ r, srv, auth }) => {
      checkLock(srv, auth.isAdmin);
      checkState(srv, 'revertResize', ['resized']);
      const back = srv.resize_from_state === 'stopped' ? 'stopped' : 'active';
      const old = srv.old_flavor ?? srv.flavor;
      srv.task_state = 'resize_reverting';
      srv.updated = isoZ(core.clock.now());
      recordAction(core, srv, 'revertResize', r.requestId, auth.user.id, auth.project.id, 'compute_finish_revert_resize', 2);
      // A reverted cold migration goes back to the host it left.
      const host = srv.migration_source_host || srv.host;
      schedule(srv, core.clock, [[2, { vm_state: back, task_state: null, flavor: old, old_flavor: null, resize_from_state: null, migration_source_host: null, host, power_state: back === 'stopped' ? 4 : 1, updated: isoZ(core.clock.after(2)) }]]);
      return { status: 202 };
    },
    'os-getConsoleOutput': ({ srv, arg }) => {
      const raw = (arg as { length?: unknown } | null)?.length;
      let length: number | null = null;
      if (raw !== undefined && raw !== null) {
        const n = typeof raw === 'number' ? raw : Number(raw);
        if (!Number.isInteger(n) || n < -1) throw invalidInput('length', raw, `${String(raw)} is not valid`);
        length = n === -1 ? null : n;
      }
      if (srv.vm_state === 'building') throw conflict(`Instance ${srv.id} has not been created yet.`);
      const lines = bootLog(srv).split('\n');
      const out = length === null ? lines : length === 0 ? [] : lines.slice(-length);
      return json(200, { output: out.join('\n') });
    },
    'os-getVNCConsole': ({ r, srv, arg }) => {
      const type = (arg as { type?: unknown } | null)?.type;
      if (type !== 'novnc' && type !== 'xvpvnc') throw invalidInput('type', type, `'${String(type)}' is not one of ['novnc', 'xvpvnc']`);
      if (srv.vm_state !== 'active') throw conflict(`Instance ${srv.id} is not ready`);
      return json(200, { console: { type, url: consoleUrl(r, srv) } });
    },
    // Nova changes the ports' groups through Neutron (security_group_api.add_to_instance /
    // remove_from_instance); the server view then reads them back from the ports.
    addSecurityGroup: ({ srv, auth, arg }) => securityGroupAction(srv, auth, arg, 'add'),
    removeSecurityGroup: ({ srv, auth, arg }) => securityGroupAction(srv, auth, arg, 'remove'),
    ...lifecycleActions(deps),
    ...migrationActions(deps),
  };

  /** SecurityGroupActionController._parse and the add/remove calls (Zed). */
  function securityGroupAction(srv: Server, auth: ProjectAuthInfo, arg: unknown, action: 'add' | 'remove'): Reply {
    if (!arg || typeof arg !== 'object' || Array.isArray(arg)) throw novaBadRequest('Missing parameter dict');
    const name = (arg as { name?: unknown }).name;
    if (name === undefined) throw novaBadRequest('Security group not specified');
    if (!name || (typeof name === 'string' && name.trim() === '')) throw novaBadRequest('Security group name cannot be empty');
    try {
      x.changeServerSecurityGroup(core, { serverId: srv.id, projectId: auth.project.id, group: String(name), action });
    } catch (err) {
      if (err instanceof HttpError) throw new HttpError(err.status >= 500 ? 400 : err.status, err.message);
      throw err;
    }
    if (action === 'add' && !srv.requested_security_groups.includes(String(name))) srv.requested_security_groups.push(String(name));
    if (action === 'remove') srv.requested_security_groups = srv.requested_security_groups.filter((g) => g !== String(name));
    return { status: 202 };
  }

  novaRoute(router, 'POST', '/servers/{server_id}/action', async (r) => {
    const auth = r.ctx.authProject();
    const body = await objectBody(r.ctx);
    const srv = getServer(r);
    const name = Object.keys(body)[0];
    const fn = name === undefined ? undefined : actions[name];
    if (!fn) throw novaBadRequest(`There is no such action: ${name ?? ''}`);
    return fn({ r, srv, auth, arg: body[name] });
  });

  novaRoute(router, 'POST', '/servers/{server_id}/remote-consoles', async (r) => {
    if (r.v.lt('2.6')) throw novaNotFound('The resource could not be found.');
    const srv = getServer(r);
    const body = await objectBody(r.ctx);
    const rc = body.remote_console as { protocol?: unknown; type?: unknown } | undefined;
    if (!rc || typeof rc !== 'object') throw invalidInput('remote_console', body, "'remote_console' is a required property");
    const protocols: Record<string, string[]> = { vnc: ['novnc', 'xvpvnc'], spice: ['spice-html5'], serial: ['serial'], rdp: ['rdp-html5'], mks: ['webmks'] };
    if (typeof rc.protocol !== 'string' || !protocols[rc.protocol]) throw invalidInput('protocol', rc.protocol, `'${String(rc.protocol)}' is not one of ['vnc', 'spice', 'rdp', 'serial', 'mks']`);
    if (typeof rc.type !== 'string' || !protocols[rc.protocol].includes(rc.type)) throw novaBadRequest(`Unavailable console type ${String(rc.type)}.`);
    if (srv.vm_state !== 'active') throw conflict(`Instance ${srv.id} is not ready`);
    return json(200, { remote_console: { protocol: rc.protocol, type: rc.type, url: consoleUrl(r, srv) } });
  });

  // The console page itself (a static boot log: there is no VM behind it).
  router.get('/vnc_lite.html', (ctx) => {
    const token = (ctx.query.get('path') ?? '').replace(/^.*token=/, '');
    const srv = Object.values(s.servers).find((v) => v.console_token === token);
    const title = srv ? `Console of ${srv.name}` : 'Console';
    const log = srv ? bootLog(srv) : 'The console token is invalid or has expired.';
    const esc = (t: string) => t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
    const html = `<!doctype html><html><head><meta charset="utf-8"><title>${esc(title)}</title></head><body style="background:#000;color:#ccc;font:13px monospace"><h1 style="font-size:14px">${esc(title)}</h1><pre>${esc(log)}</pre></body></html>`;
    return { status: srv ? 200 : 404, raw: html, contentType: 'text/html; charset=utf-8' };
  });

  function consoleUrl(r: NovaRequest, srv: Server): string {
    srv.console_token ??= randomBytes(16).toString('hex');
    return `${r.ctx.baseUrl}/compute/vnc_lite.html?path=${encodeURIComponent(`?token=${srv.console_token}`)}`;
  }
}
