import { uuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { HttpError } from '../../core/errors';
import { invalidInput, novaBadRequest, novaConflict, novaNotFound, objectBody, policyDenied, type ComputeDeps } from './common';
import * as x from './deps';
import { novaRoute, type NovaRequest } from './microversion';
import { DEFAULT_QUOTAS, HOST, type QuotaLimits, type Server } from './model';
import { checkLock, quotaOf, recordAction, settleServer, usageOf, requestServer } from './ops';
import { deletedServer } from './terminations';


export function miscRoutes(router: Router, { core, s }: ComputeDeps): void {
  const getServer = (r: NovaRequest): Server => requestServer(core, s, r.ctx);

  // Limits.
  novaRoute(router, 'GET', '/limits', ({ ctx, v }) => {
    const auth = ctx.authProject();
    let projectId = auth.project.id;
    const wanted = ctx.query.get('tenant_id');
    if (wanted && wanted !== projectId) {
      if (!auth.isAdmin) throw policyDenied('os_compute_api:limits:other_project');
      projectId = wanted;
    }
    const q = quotaOf(s, projectId);
    const u = usageOf(core, s, projectId);
    const abs: Record<string, number> = {
      maxTotalInstances: q.instances, maxTotalCores: q.cores, maxTotalRAMSize: q.ram, maxServerMeta: q.metadata_items,
    };
    if (v.lt('2.39')) abs.maxImageMeta = q.metadata_items;
    if (v.lt('2.57')) Object.assign(abs, { maxPersonality: 5, maxPersonalitySize: 10240 });
    Object.assign(abs, { maxTotalKeypairs: q.key_pairs, maxServerGroups: q.server_groups, maxServerGroupMembers: q.server_group_members });
    if (v.lt('2.36')) Object.assign(abs, { maxTotalFloatingIps: -1, maxSecurityGroups: -1, maxSecurityGroupRules: -1 });
    Object.assign(abs, { totalRAMUsed: u.ram, totalCoresUsed: u.cores, totalInstancesUsed: u.instances });
    if (v.lt('2.36')) Object.assign(abs, { totalFloatingIpsUsed: 0, totalSecurityGroupsUsed: 0 });
    abs.totalServerGroupsUsed = u.server_groups;
    return json(200, { limits: { rate: [], absolute: abs } });
  });

  // Quota sets.
  const quotaBody = (v: NovaRequest['v'], q: QuotaLimits) => {
    const out: Record<string, number> = { cores: q.cores, instances: q.instances, key_pairs: q.key_pairs, metadata_items: q.metadata_items, ram: q.ram, server_group_members: q.server_group_members, server_groups: q.server_groups };
    if (v.lt('2.57')) Object.assign(out, { injected_file_content_bytes: 10240, injected_file_path_bytes: 255, injected_files: 5 });
    if (v.lt('2.36')) Object.assign(out, { fixed_ips: -1, floating_ips: -1, security_group_rules: -1, security_groups: -1 });
    return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
  };
  const quotaTarget = (r: NovaRequest, rule: string): string => {
    const auth = r.ctx.authProject();
    const id = r.ctx.params.project_id;
    if (id !== auth.project.id && !auth.isAdmin) throw policyDenied(rule);
    return id;
  };
  novaRoute(router, 'GET', '/os-quota-sets/{project_id}', (r) => {
    const id = quotaTarget(r, 'os_compute_api:os-quota-sets:show');
    return json(200, { quota_set: { id, ...quotaBody(r.v, quotaOf(s, id)) } });
  });
  novaRoute(router, 'GET', '/os-quota-sets/{project_id}/defaults', (r) => {
    r.ctx.authProject();
    return json(200, { quota_set: { id: r.ctx.params.project_id, ...quotaBody(r.v, DEFAULT_QUOTAS) } });
  });
  novaRoute(router, 'GET', '/os-quota-sets/{project_id}/detail', (r) => {
    const id = quotaTarget(r, 'os_compute_api:os-quota-sets:detail');
    const q = quotaBody(r.v, quotaOf(s, id));
    const u = usageOf(core, s, id);
    const keypairs = Object.values(s.keypairs).reduce((n, m) => n + Object.keys(m).length, 0);
    const inUse: Record<string, number> = { cores: u.cores, instances: u.instances, ram: u.ram, server_groups: u.server_groups, key_pairs: r.ctx.authProject().project.id === id ? Object.keys(s.keypairs[r.ctx.authProject().user.id] ?? {}).length : 0 };
    void keypairs;
    const out: Record<string, unknown> = { id };
    for (const [k, lim] of Object.entries(q)) out[k] = { limit: lim, in_use: inUse[k] ?? 0, reserved: 0 };
    return json(200, { quota_set: out });
  });
  novaRoute(router, 'PUT', '/os-quota-sets/{project_id}', async (r) => {
    const auth = r.ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-quota-sets:update');
    const body = await objectBody(r.ctx);
    const qs = body.quota_set as Record<string, unknown> | undefined;
    if (!qs || typeof qs !== 'object') throw invalidInput('quota_set', body, "'quota_set' is a required property");
    const id = r.ctx.params.project_id;
    const cur = (s.quotas[id] ??= {});
    for (const [k, val] of Object.entries(qs)) {
      if (k === 'force') continue;
      if (!(k in DEFAULT_QUOTAS)) {
        if (['injected_file_content_bytes', 'injected_file_path_bytes', 'injected_files', 'fixed_ips', 'floating_ips', 'security_group_rules', 'security_groups'].includes(k)) continue;
        throw novaBadRequest(`Invalid input for field/attribute quota_set. Value: ${JSON.stringify(qs)}. Additional properties are not allowed ('${k}' was unexpected)`);
      }
      const n = Number(val);
      if (!Number.isInteger(n) || n < -1) throw invalidInput(k, val, `${String(val)} is less than the minimum of -1`);
      cur[k as keyof QuotaLimits] = n;
    }
    return json(200, { quota_set: quotaBody(r.v, quotaOf(s, id)) });
  });
  novaRoute(router, 'DELETE', '/os-quota-sets/{project_id}', (r) => {
    const auth = r.ctx.authProject();
    if (!auth.isAdmin) throw policyDenied('os_compute_api:os-quota-sets:delete');
    delete s.quotas[r.ctx.params.project_id];
    return { status: 202 };
  });

  // Instance actions.
  const renderAction = (a: Server['actions'][number], srvId: string, isAdmin: boolean, withEvents: boolean) => {
    const now = core.clock.now();
    const done = (t: string | null) => (t && Date.parse(`${t}Z`) <= now ? t : null);
    const out: Record<string, unknown> = {
      action: a.action, instance_uuid: srvId, request_id: a.request_id, user_id: a.user_id, project_id: a.project_id,
      start_time: a.start_time, message: a.message, updated_at: done(a.updated_at) ?? a.start_time,
    };
    if (withEvents) {
      out.events = a.events.map((e) => ({
        event: e.event, start_time: e.start_time, finish_time: done(e.finish_time), result: done(e.finish_time) ? e.result : null,
        ...(isAdmin ? { traceback: e.traceback, host: HOST } : {}), hostId: stableHost(a.project_id),
      }));
    }
    return out;
  };
  const stableHost = (projectId: string) => hostIdOf(projectId, HOST);
  // From 2.21 a deleted server's actions are readable (read_deleted='yes'); from 2.58 the list takes changes-since
  // (actions updated since then), limit and marker (newest first), and answers updated_at.
  const actionServer = (r: NovaRequest): Server => {
    // Settling first moves a server whose delete is due to the deleted records.
    const live = settleServer(core, s, s.servers[r.ctx.params.server_id]);
    const gone = !live && r.v.ge('2.21') ? deletedServer(s, r.ctx.params.server_id) : undefined;
    const auth = r.ctx.authProject();
    if (gone && (auth.isAdmin || gone.project_id === auth.project.id)) return gone;
    return getServer(r);
  };
  novaRoute(router, 'GET', '/servers/{server_id}/os-instance-actions', (r) => {
    const srv = actionServer(r);
    const isAdmin = r.ctx.authProject().isAdmin;
    let list = [...srv.actions].reverse();
    if (r.v.ge('2.58')) {
      const q = r.ctx.query;
      const since = q.get('changes-since');
      if (since !== null) {
        const t = Date.parse(/[zZ]|[+-]\d\d:?\d\d$/.test(since) ? since : `${since}Z`);
        if (Number.isNaN(t)) throw invalidInput('changes-since', since, `'${since}' is not a 'date-time'`);
        // Against the updated_at the answer shows (the start until the action's last event is done).
        const now = core.clock.now();
        const shown = (a: Server['actions'][number]) => (Date.parse(`${a.updated_at}Z`) <= now ? a.updated_at : a.start_time);
        list = list.filter((a) => Date.parse(`${shown(a)}Z`) >= t);
      }
      const marker = q.get('marker');
      if (marker !== null) {
        const at = list.findIndex((a) => a.request_id === marker);
        if (at < 0) throw novaBadRequest(`Marker ${marker} could not be found.`);
        list = list.slice(at + 1);
      }
      const rawLimit = q.get('limit');
      if (rawLimit !== null) {
        const n = Number(rawLimit);
        if (!Number.isInteger(n) || n < 0) throw invalidInput('limit', rawLimit, `'${rawLimit}' does not match '^[0-9]*$'`);
        list = list.slice(0, Math.min(n, 1000));
      }
    }
    return json(200, { instanceActions: list.map((a) => renderAction(a, srv.id, isAdmin, false)) });
  });
  novaRoute(router, 'GET', '/servers/{server_id}/os-instance-actions/{request_id}', (r) => {
    const srv = actionServer(r);
    const a = srv.actions.find((y) => y.request_id === r.ctx.params.request_id);
    if (!a) throw novaNotFound(`Action for request_id ${r.ctx.params.request_id} on instance ${srv.id} not found`);
    return json(200, { instanceAction: renderAction(a, srv.id, r.ctx.authProject().isAdmin, true) });
  });

  // Server groups.
  const renderGroup = (r: NovaRequest, g: (typeof s.serverGroups)[string]) => {
    const out: Record<string, unknown> = { id: g.id, name: g.name };
    if (r.v.ge('2.64')) Object.assign(out, { policy: g.policy, rules: g.rules, members: [...g.members] });
    else Object.assign(out, { policies: [g.policy], members: [...g.members], metadata: {} });
    out.project_id = g.project_id;
    out.user_id = g.user_id;
    return out;
  };
  novaRoute(router, 'GET', '/os-server-groups', (r) => {
    const auth = r.ctx.authProject();
    const all = auth.isAdmin && r.ctx.flag('all_projects');
    const groups = Object.values(s.serverGroups).filter((g) => all || g.project_id === auth.project.id);
    return json(200, { server_groups: groups.map((g) => renderGroup(r, g)) });
  });
  novaRoute(router, 'POST', '/os-server-groups', async (r) => {
    const auth = r.ctx.authProject();
    const body = await objectBody(r.ctx);
    const sg = body.server_group as Record<string, unknown> | undefined;
    if (!sg || typeof sg !== 'object') throw invalidInput('server_group', body, "'server_group' is a required property");
    if (typeof sg.name !== 'string' || !sg.name.trim()) throw invalidInput('server_group', sg, "'name' is a required property");
    const allowed = ['anti-affinity', 'affinity', 'soft-anti-affinity', 'soft-affinity'];
    let policy: string;
    if (r.v.ge('2.64')) {
      if (typeof sg.policy !== 'string') throw invalidInput('server_group', sg, "'policy' is a required property");
      policy = sg.policy;
    } else {
      if (!Array.isArray(sg.policies) || sg.policies.length !== 1) throw invalidInput('server_group', sg, "'policies' is a required property");
      policy = String(sg.policies[0]);
    }
    if (!allowed.includes(policy)) throw invalidInput('policy', policy, `'${policy}' is not one of ${JSON.stringify(allowed).replace(/"/g, "'")}`);
    const q = quotaOf(s, auth.project.id);
    if (q.server_groups >= 0 && usageOf(core, s, auth.project.id).server_groups >= q.server_groups) {
      throw new HttpError(403, 'Quota exceeded, too many server groups.');
    }
    const rules: Record<string, number> = {};
    if (r.v.ge('2.64') && sg.rules && typeof sg.rules === 'object') {
      const mx = (sg.rules as Record<string, unknown>).max_server_per_host;
      if (mx !== undefined) {
        if (policy !== 'anti-affinity') throw novaBadRequest("Only anti-affinity policy supports max_server_per_host rule.");
        rules.max_server_per_host = Number(mx);
      }
    }
    const g = { id: uuid(), name: sg.name, policy, rules, project_id: auth.project.id, user_id: auth.user.id, members: [] };
    s.serverGroups[g.id] = g;
    return json(200, { server_group: renderGroup(r, g) });
  });
  const getGroup = (r: NovaRequest) => {
    const auth = r.ctx.authProject();
    const g = s.serverGroups[r.ctx.params.group_id];
    if (!g || (!auth.isAdmin && g.project_id !== auth.project.id)) throw novaNotFound(`Instance group ${r.ctx.params.group_id} could not be found.`);
    return g;
  };
  novaRoute(router, 'GET', '/os-server-groups/{group_id}', (r) => {
    const g = getGroup(r);
    g.members = g.members.filter((m) => settleServer(core, s, s.servers[m]));
    return json(200, { server_group: renderGroup(r, g) });
  });
  novaRoute(router, 'DELETE', '/os-server-groups/{group_id}', (r) => {
    const g = getGroup(r);
    for (const m of g.members) {
      const srv = s.servers[m];
      if (srv) srv.server_groups = srv.server_groups.filter((id) => id !== g.id);
    }
    delete s.serverGroups[g.id];
    return { status: 204 };
  });

  // Volume attachments (through the volumev3 contract).
  const renderAttachment = (r: NovaRequest, srv: Server, a: Server['volumes'][number]) => {
    const out: Record<string, unknown> = {};
    if (r.v.lt('2.89')) out.id = a.volumeId;
    Object.assign(out, { serverId: srv.id, volumeId: a.volumeId, device: a.device });
    if (r.v.ge('2.70')) out.tag = a.tag;
    if (r.v.ge('2.79')) out.delete_on_termination = a.deleteOnTermination;
    if (r.v.ge('2.89')) Object.assign(out, { attachment_id: a.attachmentId, bdm_uuid: a.bdmId });
    return out;
  };
  novaRoute(router, 'GET', '/servers/{server_id}/os-volume_attachments', (r) => {
    const srv = getServer(r);
    return json(200, { volumeAttachments: srv.volumes.map((a) => renderAttachment(r, srv, a)) });
  });
  novaRoute(router, 'GET', '/servers/{server_id}/os-volume_attachments/{volume_id}', (r) => {
    const srv = getServer(r);
    const a = srv.volumes.find((y) => y.volumeId === r.ctx.params.volume_id);
    if (!a) throw novaNotFound(`Instance ${srv.id} is not attached to volume ${r.ctx.params.volume_id}`);
    return json(200, { volumeAttachment: renderAttachment(r, srv, a) });
  });
  novaRoute(router, 'POST', '/servers/{server_id}/os-volume_attachments', async (r) => {
    const auth = r.ctx.authProject();
    const srv = getServer(r);
    const body = await objectBody(r.ctx);
    const va = body.volumeAttachment as Record<string, unknown> | undefined;
    if (!va || typeof va !== 'object') throw invalidInput('volumeAttachment', body, "'volumeAttachment' is a required property");
    if (typeof va.volumeId !== 'string') throw invalidInput('volumeAttachment', va, "'volumeId' is a required property");
    if (va.delete_on_termination !== undefined && r.v.lt('2.79')) throw novaBadRequest("Invalid input for field/attribute volumeAttachment. Additional properties are not allowed ('delete_on_termination' was unexpected)");
    checkLock(srv, auth.isAdmin);
    if (!['active', 'paused', 'stopped', 'suspended', 'resized', 'soft-delete', 'shelved', 'shelved_offloaded'].includes(srv.vm_state)) {
      throw novaConflict(`Cannot 'attach_volume' instance ${srv.id} while it is in vm_state ${srv.vm_state}`);
    }
    if (srv.task_state !== null) throw novaConflict(`Cannot 'attach_volume' instance ${srv.id} while it is in task_state ${srv.task_state}`);
    const vol = x.findVolume(core, va.volumeId);
    if (!vol || (!auth.isAdmin && vol.project_id !== srv.project_id)) throw novaNotFound(`Volume ${va.volumeId} could not be found.`);
    if (srv.volumes.some((a) => a.volumeId === va.volumeId)) throw novaBadRequest(`Invalid volume: volume ${va.volumeId} already attached`);
    const letters = 'bcdefghijklmnopqrstuvwxyz';
    const usedDevices = new Set(srv.volumes.map((a) => a.device));
    const device = typeof va.device === 'string' && va.device ? va.device : `/dev/vd${[...letters].find((l) => !usedDevices.has(`/dev/vd${l}`)) ?? 'z'}`;
    let att: { device: string; attachmentId: string };
    try {
      att = x.attachVolume(core, { volumeId: va.volumeId, serverId: srv.id, projectId: srv.project_id, device });
    } catch (err) {
      if (err instanceof HttpError) throw new HttpError(err.status >= 500 ? 400 : err.status, err.message);
      throw err;
    }
    const rec = { volumeId: va.volumeId, device: att.device || device, deleteOnTermination: va.delete_on_termination === true, attachmentId: att.attachmentId, tag: typeof va.tag === 'string' ? va.tag : null, bdmId: uuid() };
    srv.volumes.push(rec);
    recordAction(core, srv, 'attach_volume', r.requestId, auth.user.id, auth.project.id, 'compute_attach_volume', 1);
    return json(200, { volumeAttachment: renderAttachment(r, srv, rec) });
  });
  novaRoute(router, 'DELETE', '/servers/{server_id}/os-volume_attachments/{volume_id}', (r) => {
    const auth = r.ctx.authProject();
    const srv = getServer(r);
    checkLock(srv, auth.isAdmin);
    const a = srv.volumes.find((y) => y.volumeId === r.ctx.params.volume_id);
    if (!a) throw novaNotFound(`Instance ${srv.id} is not attached to volume ${r.ctx.params.volume_id}`);
    if (srv.task_state !== null) throw novaConflict(`Cannot 'detach_volume' instance ${srv.id} while it is in task_state ${srv.task_state}`);
    try {
      x.detachVolume(core, { volumeId: a.volumeId, serverId: srv.id });
    } catch (err) {
      if (err instanceof HttpError) throw new HttpError(err.status >= 500 ? 400 : err.status, err.message);
      throw err;
    }
    srv.volumes = srv.volumes.filter((y) => y !== a);
    recordAction(core, srv, 'detach_volume', r.requestId, auth.user.id, auth.project.id, 'compute_detach_volume', 1);
    return { status: 202 };
  });
}

import { hostIdOf } from './ops';

