// A recording as an Ansible playbook of the openstack.cloud collection's modules, run against a clouds.yaml cloud.
// Mapped from the HTTP calls (their bodies say exactly what was asked), with names instead of ids; a call no module
// expresses becomes a commented task naming its CLI line. Module and parameter names follow the collection's docs
// (plugins/modules/<module>.py in openstack/ansible-collections-openstack).
import { stringify } from 'yaml';
import { httpLine, type ExportContext } from './shell';
import { namesOf, replayable, type KnownName, type RecordedCall } from './recording';
import { withNames } from './names';

type Params = Record<string, unknown>;
interface Task {
  name: string;
  module: string;
  params: Params;
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const str = (v: unknown) => (typeof v === 'string' && v ? v : undefined);
/** Only the parameters given: undefined values left out. */
const defined = (p: Params): Params => Object.fromEntries(Object.entries(p).filter(([, v]) => v !== undefined));

interface Mapper {
  method: string;
  service: RegExp;
  path: RegExp;
  task: (c: RecordedCall, m: RegExpExecArray, name: (id: string | undefined) => string | undefined, state: PlayState) => Task | undefined;
}

/** What earlier tasks made, for tasks that restate an object whole (a router lists all its interfaces). */
interface PlayState {
  routers: Map<string, { name: string; network?: string; interfaces: string[] }>;
}

const NEUTRON = /^network$/;
const NOVA = /^compute$/;
const CINDER = /^(block-storage|volumev3|volumev2|volume)$/;

function serverTask(c: RecordedCall, name: (id: string | undefined) => string | undefined): Task | undefined {
  const s = obj(obj(c.body).server);
  const count = Number(s.min_count ?? 1);
  if (count !== 1 || !str(s.name) || str(s.user_data)) return undefined;
  const bdm = Array.isArray(s.block_device_mapping_v2) ? (s.block_device_mapping_v2 as unknown[]).map(obj) : [];
  const root = bdm.find((b) => b.boot_index === 0 && b.source_type === 'image' && b.destination_type === 'volume');
  if (root?.volume_type) return undefined;
  const nets = Array.isArray(s.networks) ? (s.networks as unknown[]).map((n) => name(str(obj(n).uuid))).filter((n): n is string => !!n) : [];
  const groups = Array.isArray(s.security_groups) ? (s.security_groups as unknown[]).map((g) => str(obj(g).name)).filter((g): g is string => !!g) : undefined;
  return {
    name: `Create server ${String(s.name)}`,
    module: 'openstack.cloud.server',
    params: defined({
      name: s.name,
      image: name(str(s.imageRef) ?? str(root?.uuid)),
      flavor: name(str(s.flavorRef)),
      ...(root ? { boot_from_volume: true, volume_size: root.volume_size, terminate_volume: root.delete_on_termination === true } : {}),
      nics: nets.length ? nets.map((n) => ({ 'net-name': n })) : undefined,
      // The dashboard never adds a floating IP on launch; the module would by default.
      auto_ip: false,
      key_name: str(s.key_name),
      security_groups: groups,
      availability_zone: str(s.availability_zone),
      config_drive: s.config_drive === true ? true : undefined,
      scheduler_hints: Object.keys(obj(obj(c.body)['os:scheduler_hints'])).length ? obj(c.body)['os:scheduler_hints'] : undefined,
      wait: true,
    }),
  };
}

const absent = (module: string, label: string) => (c: RecordedCall, m: RegExpExecArray, name: (id: string | undefined) => string | undefined): Task => ({
  name: `Delete ${label} ${name(m[1]) ?? m[1]}`,
  module,
  params: { name: name(m[1]) ?? m[1], state: 'absent' },
});

function routerTask(r: { name: string; network?: string; interfaces: string[] }, what: string): Task {
  return { name: what, module: 'openstack.cloud.router', params: defined({ name: r.name, network: r.network, interfaces: r.interfaces.length ? [...r.interfaces] : undefined }) };
}

const MAPPERS: Mapper[] = [
  { method: 'POST', service: NOVA, path: /^servers$/, task: (c, _m, name) => serverTask(c, name) },
  { method: 'DELETE', service: NOVA, path: /^servers\/([^/]+)$/, task: absent('openstack.cloud.server', 'server') },
  {
    method: 'POST',
    service: NOVA,
    path: /^servers\/([^/]+)\/os-volume_attachments$/,
    task: (c, m, name) => {
      const a = obj(obj(c.body).volumeAttachment);
      const server = name(m[1]) ?? m[1];
      const volume = name(str(a.volumeId)) ?? str(a.volumeId);
      return volume ? { name: `Attach volume ${volume} to ${server}`, module: 'openstack.cloud.server_volume', params: defined({ server, volume, device: str(a.device) }) } : undefined;
    },
  },
  {
    method: 'DELETE',
    service: NOVA,
    path: /^servers\/([^/]+)\/os-volume_attachments\/([^/]+)$/,
    task: (_c, m, name) => ({ name: `Detach volume ${name(m[2]) ?? m[2]} from ${name(m[1]) ?? m[1]}`, module: 'openstack.cloud.server_volume', params: { server: name(m[1]) ?? m[1], volume: name(m[2]) ?? m[2], state: 'absent' } }),
  },
  {
    method: 'POST',
    service: NOVA,
    path: /^os-keypairs$/,
    task: (c) => {
      const k = obj(obj(c.body).keypair);
      // A generated key pair's private key exists once, in the dashboard's answer: nothing to replay.
      return str(k.name) && str(k.public_key) ? { name: `Import key pair ${String(k.name)}`, module: 'openstack.cloud.keypair', params: { name: k.name, public_key: k.public_key } } : undefined;
    },
  },
  {
    method: 'POST',
    service: CINDER,
    path: /(?:^|\/)volumes$/,
    task: (c, _m, name) => {
      const v = obj(obj(c.body).volume);
      if (!str(v.name)) return undefined;
      return {
        name: `Create volume ${String(v.name)}`,
        module: 'openstack.cloud.volume',
        params: defined({
          name: v.name,
          size: v.size,
          description: str(v.description),
          volume_type: str(v.volume_type),
          availability_zone: str(v.availability_zone),
          image: name(str(v.imageRef)),
          snapshot: name(str(v.snapshot_id)),
        }),
      };
    },
  },
  { method: 'DELETE', service: CINDER, path: /(?:^|\/)volumes\/([^/]+)$/, task: absent('openstack.cloud.volume', 'volume') },
  {
    method: 'POST',
    service: NEUTRON,
    path: /^v2\.0\/networks$/,
    task: (c) => {
      const n = obj(obj(c.body).network);
      if (!str(n.name)) return undefined;
      return {
        name: `Create network ${String(n.name)}`,
        module: 'openstack.cloud.network',
        params: defined({ name: n.name, admin_state_up: n.admin_state_up, shared: n.shared, external: n['router:external'], port_security_enabled: n.port_security_enabled, mtu: n.mtu }),
      };
    },
  },
  { method: 'DELETE', service: NEUTRON, path: /^v2\.0\/networks\/([^/]+)$/, task: absent('openstack.cloud.network', 'network') },
  {
    method: 'POST',
    service: NEUTRON,
    path: /^v2\.0\/subnets$/,
    task: (c, _m, name) => {
      const s = obj(obj(c.body).subnet);
      const network = name(str(s.network_id));
      if (!str(s.name) || !network) return undefined;
      return {
        name: `Create subnet ${String(s.name)}`,
        module: 'openstack.cloud.subnet',
        params: defined({
          name: s.name,
          network,
          cidr: str(s.cidr),
          ip_version: s.ip_version,
          gateway_ip: str(s.gateway_ip),
          disable_gateway_ip: s.gateway_ip === null ? true : undefined,
          is_dhcp_enabled: s.enable_dhcp,
          dns_nameservers: Array.isArray(s.dns_nameservers) && s.dns_nameservers.length ? s.dns_nameservers : undefined,
        }),
      };
    },
  },
  { method: 'DELETE', service: NEUTRON, path: /^v2\.0\/subnets\/([^/]+)$/, task: absent('openstack.cloud.subnet', 'subnet') },
  {
    method: 'POST',
    service: NEUTRON,
    path: /^v2\.0\/routers$/,
    task: (c, _m, name, state) => {
      const r = obj(obj(c.body).router);
      if (!str(r.name) || !c.created) return undefined;
      const network = name(str(obj(r.external_gateway_info).network_id));
      const made = { name: String(r.name), network, interfaces: [] as string[] };
      state.routers.set(c.created.id, made);
      return routerTask(made, `Create router ${made.name}`);
    },
  },
  {
    method: 'PUT',
    service: NEUTRON,
    path: /^v2\.0\/routers\/([^/]+)\/add_router_interface$/,
    task: (c, m, name, state) => {
      // The module states a router's interfaces whole: only a router made in this recording is known whole.
      const r = state.routers.get(m[1]);
      const subnet = name(str(obj(c.body).subnet_id));
      if (!r || !subnet) return undefined;
      r.interfaces.push(subnet);
      return routerTask(r, `Connect router ${r.name} to subnet ${subnet}`);
    },
  },
  { method: 'DELETE', service: NEUTRON, path: /^v2\.0\/routers\/([^/]+)$/, task: absent('openstack.cloud.router', 'router') },
  {
    method: 'POST',
    service: NEUTRON,
    path: /^v2\.0\/security-groups$/,
    task: (c) => {
      const g = obj(obj(c.body).security_group);
      return str(g.name) ? { name: `Create security group ${String(g.name)}`, module: 'openstack.cloud.security_group', params: defined({ name: g.name, description: str(g.description) }) } : undefined;
    },
  },
  {
    method: 'POST',
    service: NEUTRON,
    path: /^v2\.0\/security-group-rules$/,
    task: (c, _m, name) => {
      const r = obj(obj(c.body).security_group_rule);
      const group = name(str(r.security_group_id));
      if (!group) return undefined;
      return {
        name: `Add a rule to security group ${group}`,
        module: 'openstack.cloud.security_group_rule',
        params: defined({
          security_group: group,
          direction: str(r.direction),
          ether_type: str(r.ethertype),
          protocol: str(r.protocol),
          port_range_min: r.port_range_min ?? undefined,
          port_range_max: r.port_range_max ?? undefined,
          remote_ip_prefix: str(r.remote_ip_prefix),
          remote_group: name(str(r.remote_group_id)),
        }),
      };
    },
  },
];

/** The task for a call, or undefined when no module expresses it (or a name it needs is unknown). */
export function taskFor(c: RecordedCall, names: ReadonlyMap<string, KnownName>, state: PlayState = { routers: new Map() }): Task | undefined {
  const path = c.path.split('?')[0];
  const name = (id: string | undefined) => (id ? names.get(id)?.name : undefined);
  for (const mapper of MAPPERS) {
    if (mapper.method !== c.method || !mapper.service.test(c.service)) continue;
    const m = mapper.path.exec(path);
    if (m) return mapper.task(c, m, name, state);
  }
  return undefined;
}

/** `# ` before each line of a YAML block: a task the user completes by hand. */
const commentOut = (yaml: string, indent: string) =>
  yaml
    .trimEnd()
    .split('\n')
    .map((l) => `${indent}# ${l}`)
    .join('\n');

/** The playbook: localhost, the cloud from clouds.yaml for every openstack.cloud module, one task per call. */
export function ansiblePlaybook(calls: readonly RecordedCall[], ctx: ExportContext): string {
  const names = namesOf(calls);
  const state: PlayState = { routers: new Map() };
  const head = [
    `# Recorded with Stratus in project ${ctx.project}, region ${ctx.region || '(default)'}, at ${ctx.at}.`,
    '# Needs the openstack.cloud collection (ansible-galaxy collection install openstack.cloud) and openstacksdk.',
    '# Runs against a cloud of your clouds.yaml: ansible-playbook <this file> -e cloud=<name>',
  ].map((l) => l.replace(/\n/g, ' '));
  const play = {
    name: 'Replay a Stratus recording',
    hosts: 'localhost',
    gather_facts: false,
    vars: { cloud: ctx.cloud, ...(ctx.region ? { region: ctx.region } : {}) },
    module_defaults: { 'group/openstack.cloud.openstack': { cloud: '{{ cloud }}', ...(ctx.region ? { region_name: '{{ region }}' } : {}) } },
  };
  let mapped = 0;
  const tasks = replayable(calls).map((c) => {
    const task = taskFor(c, names, state);
    const label = c.outcome === 'dry-run' ? `${httpLine(c)} (dry run: not sent when recorded)` : httpLine(c);
    if (task) {
      mapped += 1;
      // A call sent to another region (a row of an "All regions" list) names it over the play's default.
      const params = c.region && c.region !== ctx.region ? { ...task.params, region_name: c.region } : task.params;
      return `    # ${label}\n${indent(stringify([{ name: task.name, [task.module]: params }]), '    ')}`;
    }
    const cli = c.cli ? withNames(c.cli, names) : undefined;
    const text = stringify([{ name: `Not expressed by an openstack.cloud module: ${cli ?? httpLine(c)}`, 'ansible.builtin.command': cli ?? httpLine(c) }]);
    return `    # ${label}\n${commentOut(text, '    ')}`;
  });
  // Only comments under `tasks:` would make it null: a play needs a list.
  const body = stringify([{ ...play, tasks: [] }]).trimEnd();
  return `${head.join('\n')}\n${mapped ? body.replace(/tasks: \[\]$/, 'tasks:') : body}\n${tasks.join('\n')}\n`;
}

const indent = (yaml: string, by: string) =>
  yaml
    .trimEnd()
    .split('\n')
    .map((l) => `${by}${l}`)
    .join('\n');
