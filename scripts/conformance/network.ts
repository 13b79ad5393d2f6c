// CLI conformance steps for Neutron: network, subnet, router, port, floating IP, security groups.
import { check, mustFail, type Env, type Row, type Step } from './harness';

const P = `cli-net-${process.pid}`;
const demo = (env: Env) => env.password('demo');
const run = async (env: Env, args: string[]) => {
  const r = await env.run(demo(env), args);
  check(r.code === 0, `openstack ${args.join(' ')} failed: ${r.stderr.slice(0, 300)}`);
};

export const networkSteps: Step[] = [
  {
    name: 'network: network create',
    async run(env) {
      const n = await env.json<Row>(demo(env), ['network', 'create', `${P}-net`, '-f', 'json']);
      check(n.status === 'ACTIVE', `status ${String(n.status)}`);
      check(n.project_id === env.ids.demoProject, 'wrong project');
      env.vars.netId = String(n.id);
    },
  },
  {
    name: 'network: subnet create with an invalid CIDR fails',
    run: (env) => mustFail(env, demo(env), ['subnet', 'create', `${P}-bad`, '--network', env.vars.netId, '--subnet-range', '10.77.0.300/24', '-f', 'json'], /CIDR|HTTP 400|BadRequest/i),
  },
  {
    name: 'network: subnet create',
    async run(env) {
      const s = await env.json<Row>(demo(env), ['subnet', 'create', `${P}-sub`, '--network', env.vars.netId, '--subnet-range', '10.77.0.0/24', '-f', 'json']);
      check(s.cidr === '10.77.0.0/24', `cidr ${String(s.cidr)}`);
      check(s.gateway_ip === '10.77.0.1', `gateway ${String(s.gateway_ip)}`);
      check(JSON.stringify(s.allocation_pools).includes('10.77.0.2'), `pools ${JSON.stringify(s.allocation_pools)}`);
      env.vars.subId = String(s.id);
    },
  },
  {
    name: 'network: subnet create with overlapping range fails',
    run: (env) => mustFail(env, demo(env), ['subnet', 'create', `${P}-overlap`, '--network', env.vars.netId, '--subnet-range', '10.77.0.128/25'], /overlaps with another subnet/),
  },
  {
    name: 'network: IPv6 subnet with SLAAC off /64 fails',
    run: (env) => mustFail(env, demo(env), ['subnet', 'create', `${P}-v6bad`, '--network', env.vars.netId, '--subnet-range', 'fd00:77::/80', '--ip-version', '6', '--ipv6-address-mode', 'slaac'], /requires the prefix to be \/64/),
  },
  {
    name: 'network: IPv6 subnet create (as the dashboard writes it)',
    async run(env) {
      const s = await env.json<Row>(demo(env), ['subnet', 'create', '--network', env.vars.netId, '--subnet-range', 'fd00:77::/64', '--ip-version', '6', '--ipv6-address-mode', 'slaac', '--dns-nameserver', '2001:db8::53', `${P}-v6`, '-f', 'json']);
      check(s.ip_version === 6 && s.ipv6_address_mode === 'slaac', `v6 ${JSON.stringify(s)}`);
      await run(env, ['subnet', 'set', '--no-dns-nameservers', '--dns-nameserver', '2001:db8::54', String(s.id)]);
      await run(env, ['subnet', 'delete', String(s.id)]);
    },
  },
  {
    name: 'network: router create',
    async run(env) {
      const r = await env.json<Row>(demo(env), ['router', 'create', `${P}-router`, '-f', 'json']);
      check(r.status === 'ACTIVE', `status ${String(r.status)}`);
      env.vars.routerId = String(r.id);
    },
  },
  {
    name: 'network: router set --external-gateway public',
    async run(env) {
      await run(env, ['router', 'set', env.vars.routerId, '--external-gateway', 'public']);
      const r = await env.json<Row>(demo(env), ['router', 'show', env.vars.routerId, '-f', 'json']);
      check(JSON.stringify(r.external_gateway_info).includes('172.24.4.'), `gateway ${JSON.stringify(r.external_gateway_info)}`);
    },
  },
  {
    name: 'network: router add subnet',
    async run(env) {
      await run(env, ['router', 'add', 'subnet', env.vars.routerId, env.vars.subId]);
      const ports = await env.json(demo(env), ['port', 'list', '--router', env.vars.routerId, '--long', '-f', 'json']);
      check(JSON.stringify(ports).includes('10.77.0.1'), `no interface with the gateway IP: ${JSON.stringify(ports)}`);
    },
  },
  {
    name: 'network: port create',
    async run(env) {
      const p = await env.json<Row>(demo(env), ['port', 'create', `${P}-port`, '--network', env.vars.netId, '-f', 'json']);
      check(/^fa:16:3e:/.test(String(p.mac_address)), `mac ${String(p.mac_address)}`);
      check(JSON.stringify(p.fixed_ips).includes('10.77.0.'), `fixed_ips ${JSON.stringify(p.fixed_ips)}`);
      check(p.status === 'DOWN', `status ${String(p.status)}`);
      env.vars.portId = String(p.id);
    },
  },
  {
    name: 'network: port with a fixed IP, security groups replaced (as the dashboard writes it)',
    async run(env) {
      const p = await env.json<Row>(demo(env), ['port', 'create', '--network', env.vars.netId, '--fixed-ip', `subnet=${env.vars.subId},ip-address=10.77.0.50`, `${P}-fixed`, '-f', 'json']);
      check(JSON.stringify(p.fixed_ips).includes('10.77.0.50'), `fixed_ips ${JSON.stringify(p.fixed_ips)}`);
      await run(env, ['port', 'set', '--no-security-group', '--security-group', 'default', String(p.id)]);
      await run(env, ['port', 'set', '--no-security-group', String(p.id)]);
      const q = await env.json<Row>(demo(env), ['port', 'show', String(p.id), '-f', 'json']);
      check(JSON.stringify(q.security_group_ids) === '[]', `groups ${JSON.stringify(q.security_group_ids)}`);
      await run(env, ['port', 'delete', String(p.id)]);
    },
  },
  {
    name: 'network: deleting a network in use fails with 409',
    run: (env) => mustFail(env, demo(env), ['network', 'delete', env.vars.netId], /in use|409|NetworkInUse/i),
  },
  {
    name: 'network: floating ip create public',
    async run(env) {
      const f = await env.json<Row>(demo(env), ['floating', 'ip', 'create', 'public', '-f', 'json']);
      check(String(f.floating_ip_address).startsWith('172.24.4.'), `address ${String(f.floating_ip_address)}`);
      check(f.status === 'DOWN', `status ${String(f.status)}`);
      env.vars.fipId = String(f.id);
    },
  },
  {
    name: 'network: floating ip set --port',
    async run(env) {
      await run(env, ['floating', 'ip', 'set', '--port', env.vars.portId, env.vars.fipId]);
      const f = await env.json<Row>(demo(env), ['floating', 'ip', 'show', env.vars.fipId, '-f', 'json']);
      check(f.port_id === env.vars.portId, `port_id ${String(f.port_id)}`);
      check(String(f.fixed_ip_address).startsWith('10.77.0.'), `fixed ${String(f.fixed_ip_address)}`);
      check(f.router_id === env.vars.routerId, `router_id ${String(f.router_id)}`);
    },
  },
  {
    name: 'network: associated floating ip becomes ACTIVE',
    dataPlane: true,
    async run(env) {
      await new Promise((r) => setTimeout(r, 1500));
      const f = await env.json<Row>(demo(env), ['floating', 'ip', 'show', env.vars.fipId, '-f', 'json']);
      check(f.status === 'ACTIVE', `status ${String(f.status)}`);
    },
  },
  { name: 'network: floating ip delete', run: (env) => run(env, ['floating', 'ip', 'delete', env.vars.fipId]) },
  {
    name: 'network: security group create',
    async run(env) {
      const g = await env.json<Row>(demo(env), ['security', 'group', 'create', `${P}-sg`, '-f', 'json']);
      check(JSON.stringify(g.rules).includes('egress'), `rules ${JSON.stringify(g.rules)}`);
      env.vars.sgId = String(g.id);
    },
  },
  {
    name: 'network: security group rule create tcp 22',
    async run(env) {
      const r = await env.json<Row>(demo(env), ['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', env.vars.sgId, '-f', 'json']);
      check(r.port_range_min === 22 && r.port_range_max === 22, `range ${String(r.port_range_min)}-${String(r.port_range_max)}`);
      check(r.protocol === 'tcp' && r.direction === 'ingress', `rule ${JSON.stringify(r)}`);
      env.vars.ruleId = String(r.id);
    },
  },
  {
    name: 'network: duplicate security group rule fails with 409',
    run: (env) => mustFail(env, demo(env), ['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', env.vars.sgId], /already exists|409/i),
  },
  { name: 'network: security group rule delete', run: (env) => run(env, ['security', 'group', 'rule', 'delete', env.vars.ruleId]) },
  { name: 'network: security group delete', run: (env) => run(env, ['security', 'group', 'delete', env.vars.sgId]) },
  { name: 'network: port delete', run: (env) => run(env, ['port', 'delete', env.vars.portId]) },
  { name: 'network: router remove subnet', run: (env) => run(env, ['router', 'remove', 'subnet', env.vars.routerId, env.vars.subId]) },
  { name: 'network: router delete', run: (env) => run(env, ['router', 'delete', env.vars.routerId]) },
  { name: 'network: subnet delete', run: (env) => run(env, ['subnet', 'delete', env.vars.subId]) },
  {
    name: 'network: network delete',
    async run(env) {
      await run(env, ['network', 'delete', env.vars.netId]);
      const rows = await env.json(demo(env), ['network', 'list', '-f', 'json']);
      check(!rows.some((r) => r.ID === env.vars.netId), 'network still listed');
    },
  },
];
