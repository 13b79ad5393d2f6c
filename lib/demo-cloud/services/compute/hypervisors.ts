import type { CloudCore } from '../../core/cloud';
import { stableUuid } from '../../core/ids';
import { json } from '../../core/reply';
import type { Router } from '../../core/router';
import { invalidInput, isoDb, novaBadRequest, novaNotFound, objectBody, policyDenied, type ComputeDeps } from './common';
import { hostOf, hostState, setHostState } from './hosts';
import { novaRoute, type NovaRequest } from './microversion';
import { AZ, HOST, HOSTS, type ComputeState } from './model';
import { projectServers } from './ops';

// Availability zones, hypervisors and services (admin) over the fake hosts: one nova-compute and one
// fake hypervisor per host, the conductor and scheduler on the first. An admin may disable a
// nova-compute or force it down (PUT /os-services/{id}, 2.53+), which the scheduler and evacuate read.

const HV = { vcpus: 1000, memory_mb: 800000, local_gb: 600000 };
/** [binary, zone, host, legacy integer id] */
const SERVICES: Array<[string, string, string, number]> = [
  ['nova-conductor', 'internal', HOST, 1],
  ['nova-scheduler', 'internal', HOST, 2],
  ...HOSTS.map((h, i): [string, string, string, number] => ['nova-compute', AZ, h, 3 + i]),
];

function used(core: CloudCore, s: ComputeState, host: string) {
  const all = projectServers(core, s, null).filter((v) => v.host === host);
  return {
    vcpus_used: all.reduce((n, v) => n + v.flavor.vcpus, 0),
    memory_mb_used: 512 + all.reduce((n, v) => n + v.flavor.ram, 0),
    local_gb_used: all.reduce((n, v) => n + v.flavor.disk, 0),
    running_vms: all.length,
  };
}

export function hypervisorRoutes(router: Router, { core, s }: ComputeDeps): void {
  const heartbeat = () => isoDb(core.clock.now() - 5000);
  const admin = (r: NovaRequest, rule: string) => {
    if (!r.ctx.authProject().isAdmin) throw policyDenied(rule);
  };

  novaRoute(router, 'GET', '/os-availability-zone', ({ ctx }) => {
    ctx.authProject();
    return json(200, { availabilityZoneInfo: [{ zoneName: AZ, zoneState: { available: true }, hosts: null }] });
  });
  novaRoute(router, 'GET', '/os-availability-zone/detail', ({ ctx }) => {
    if (!ctx.authProject().isAdmin) throw policyDenied('os_compute_api:os-availability-zone:detail');
    const svc = (b: string, h: string) => ({ [b]: { available: !hostState(s, h).disabled || b !== 'nova-compute', active: !hostState(s, h).forced_down || b !== 'nova-compute', updated_at: heartbeat() } });
    return json(200, {
      availabilityZoneInfo: [
        { zoneName: 'internal', zoneState: { available: true }, hosts: { [HOST]: { ...svc('nova-conductor', HOST), ...svc('nova-scheduler', HOST) } } },
        { zoneName: AZ, zoneState: { available: true }, hosts: Object.fromEntries(HOSTS.map((h) => [h, svc('nova-compute', h)])) },
      ],
    });
  });

  // Hypervisors.
  const hvId = (v: NovaRequest['v'], host: string) => (v.ge('2.53') ? stableUuid('hypervisor', host) : HOSTS.indexOf(host) + 1);
  const svcId = (v: NovaRequest['v'], n: number, binary: string, host: string) => (v.ge('2.53') ? serviceUuid(n, binary, host) : n);
  const hypervisor = (r: NovaRequest, host: string, detail: boolean) => {
    const st = hostState(s, host);
    const base: Record<string, unknown> = { id: hvId(r.v, host), hypervisor_hostname: host, state: st.forced_down ? 'down' : 'up', status: st.disabled ? 'disabled' : 'enabled' };
    if (!detail) return base;
    const n = 3 + HOSTS.indexOf(host);
    Object.assign(base, { hypervisor_type: 'fake', hypervisor_version: 1000, host_ip: '127.0.0.1', service: { id: svcId(r.v, n, 'nova-compute', host), host, disabled_reason: st.disabled_reason } });
    if (r.v.lt('2.88')) {
      const u = used(core, s, host);
      Object.assign(base, {
        vcpus: HV.vcpus, memory_mb: HV.memory_mb, local_gb: HV.local_gb, vcpus_used: u.vcpus_used, memory_mb_used: u.memory_mb_used,
        local_gb_used: u.local_gb_used, free_ram_mb: HV.memory_mb - u.memory_mb_used, free_disk_gb: HV.local_gb - u.local_gb_used,
        current_workload: 0, running_vms: u.running_vms, disk_available_least: 0,
        cpu_info: { arch: 'x86_64', model: 'Nehalem', vendor: 'Intel', features: ['pge', 'clflush'], topology: { cores: 1, threads: 1, sockets: 4 } },
      });
    } else {
      base.uptime = null;
    }
    return base;
  };
  novaRoute(router, 'GET', '/os-hypervisors', (r) => {
    admin(r, 'os_compute_api:os-hypervisors:list');
    return json(200, { hypervisors: HOSTS.map((h) => hypervisor(r, h, false)) });
  });
  novaRoute(router, 'GET', '/os-hypervisors/detail', (r) => {
    admin(r, 'os_compute_api:os-hypervisors:list-detail');
    return json(200, { hypervisors: HOSTS.map((h) => hypervisor(r, h, true)) });
  });
  novaRoute(router, 'GET', '/os-hypervisors/statistics', (r) => {
    admin(r, 'os_compute_api:os-hypervisors:statistics');
    if (r.v.ge('2.88')) throw novaNotFound('The resource could not be found.');
    const u = HOSTS.map((h) => used(core, s, h));
    const sum = (k: keyof (typeof u)[number]) => u.reduce((n, x) => n + x[k], 0);
    const n = HOSTS.length;
    return json(200, {
      hypervisor_statistics: {
        count: n, vcpus: n * HV.vcpus, memory_mb: n * HV.memory_mb, local_gb: n * HV.local_gb, vcpus_used: sum('vcpus_used'), memory_mb_used: sum('memory_mb_used'),
        local_gb_used: sum('local_gb_used'), free_ram_mb: n * HV.memory_mb - sum('memory_mb_used'), free_disk_gb: n * HV.local_gb - sum('local_gb_used'),
        current_workload: 0, running_vms: sum('running_vms'), disk_available_least: 0,
      },
    });
  });
  novaRoute(router, 'GET', '/os-hypervisors/{hypervisor_id}', (r) => {
    admin(r, 'os_compute_api:os-hypervisors:show');
    const host = HOSTS.find((h) => String(hvId(r.v, h)) === r.ctx.params.hypervisor_id);
    if (!host) throw novaNotFound(`Hypervisor with ID ${r.ctx.params.hypervisor_id} could not be found.`);
    const hv = hypervisor(r, host, true);
    // ?with_servers (2.53+): the instances on this hypervisor.
    if (r.v.ge('2.53') && r.ctx.flag('with_servers')) {
      hv.servers = projectServers(core, s, null).filter((v) => hostOf(v) === host).map((v) => ({ uuid: v.id, name: v.instance_name }));
    }
    return json(200, { hypervisor: hv });
  });

  // Services.
  const renderService = (r: NovaRequest, [binary, zone, host, n]: (typeof SERVICES)[number]) => {
    const st = binary === 'nova-compute' ? hostState(s, host) : { disabled: false, disabled_reason: null, forced_down: false };
    return {
      binary, host, id: svcId(r.v, n, binary, host), zone, status: st.disabled ? 'disabled' : 'enabled', state: st.forced_down ? 'down' : 'up',
      updated_at: heartbeat(), disabled_reason: st.disabled_reason, ...(r.v.ge('2.11') ? { forced_down: st.forced_down } : {}),
    };
  };
  novaRoute(router, 'GET', '/os-services', (r) => {
    admin(r, 'os_compute_api:os-services:list');
    const host = r.ctx.query.get('host');
    const binary = r.ctx.query.get('binary');
    const list = SERVICES.filter(([b, , h]) => (!host || h === host) && (!binary || b === binary));
    return json(200, { services: list.map((sv) => renderService(r, sv)) });
  });
  novaRoute(router, 'PUT', '/os-services/{service_id}', async (r) => {
    admin(r, 'os_compute_api:os-services:update');
    const body = await objectBody(r.ctx);
    let svc: (typeof SERVICES)[number] | undefined;
    if (r.v.ge('2.53')) {
      svc = SERVICES.find(([b, , h, n]) => serviceUuid(n, b, h) === r.ctx.params.service_id);
      if (!svc) throw novaNotFound(`Service ${r.ctx.params.service_id} could not be found.`);
      for (const k of Object.keys(body)) {
        if (!['status', 'disabled_reason', 'forced_down'].includes(k)) throw invalidInput('', body, `Additional properties are not allowed ('${k}' was unexpected)`);
      }
      if (body.status !== undefined && body.status !== 'enabled' && body.status !== 'disabled') throw invalidInput('status', body.status, `'${String(body.status)}' is not one of ['enabled', 'disabled']`);
      if (body.disabled_reason !== undefined && body.status !== 'disabled') throw novaBadRequest("Specifying 'disabled_reason' with status 'enabled' is invalid.");
      if (body.forced_down !== undefined && typeof body.forced_down !== 'boolean') throw invalidInput('forced_down', body.forced_down, `${String(body.forced_down)} is not of type 'boolean'`);
      if (svc[0] !== 'nova-compute') throw novaBadRequest(`Updating a ${svc[0]} service is not supported. Only nova-compute services can be updated.`);
      const patch: Parameters<typeof setHostState>[2] = {};
      if (body.status !== undefined) Object.assign(patch, { disabled: body.status === 'disabled', disabled_reason: body.status === 'disabled' ? (typeof body.disabled_reason === 'string' ? body.disabled_reason : null) : null });
      if (typeof body.forced_down === 'boolean') patch.forced_down = body.forced_down;
      setHostState(s, svc[2], patch);
      core.state.markDirty();
      return json(200, { service: renderService(r, svc) });
    }
    // Before 2.53: PUT /os-services/{enable|disable|disable-log-reason|force-down} with host and binary.
    const action = r.ctx.params.service_id;
    if (!['enable', 'disable', 'disable-log-reason', ...(r.v.ge('2.11') ? ['force-down'] : [])].includes(action)) throw novaNotFound('Unknown action');
    const host = String(body.host ?? '');
    svc = SERVICES.find(([b, , h]) => b === body.binary && h === host);
    if (!svc) throw novaNotFound(`Service ${String(body.binary)} on host ${host} not found.`);
    const out: Record<string, unknown> = { host, binary: svc[0] };
    if (action === 'force-down') {
      setHostState(s, host, { forced_down: body.forced_down === true || body.forced_down === 'true' });
      out.forced_down = hostState(s, host).forced_down;
    } else {
      const disabled = action !== 'enable';
      setHostState(s, host, { disabled, disabled_reason: action === 'disable-log-reason' ? String(body.disabled_reason ?? '') : null });
      out.status = disabled ? 'disabled' : 'enabled';
      if (action === 'disable-log-reason') out.disabled_reason = hostState(s, host).disabled_reason;
    }
    core.state.markDirty();
    return json(200, { service: out });
  });
}

/** The first host's services keep the ids they had when there was one host. */
function serviceUuid(n: number, binary: string, host: string): string {
  return host === HOST ? stableUuid('nova-service', String(n)) : stableUuid('nova-service', `${binary}@${host}`);
}
