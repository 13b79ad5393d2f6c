// CLI conformance: every resource reference given by NAME, never by ID, as people type them. Most of the resolution
// is the CLI's (list with name=, then show), so the cloud must answer those filters faithfully; Magnum resolves its
// template's image, flavors and external network itself. `npm run test:cli -- --only by-name` runs just these.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, oneLine, type Env, type Row, type Step } from './harness';

const sfx = `${process.pid}`;
const N = {
  image: `bn-img-${sfx}`,
  net: `bn-net-${sfx}`,
  subnet: `bn-sub-${sfx}`,
  port: `bn-port-${sfx}`,
  sg: `bn-sg-${sfx}`,
  key: `bn-key-${sfx}`,
  volume: `bn-vol-${sfx}`,
  server: `bn-srv-${sfx}`,
  router: `bn-rtr-${sfx}`,
  template: `bn-ct-${sfx}`,
  zone: `bn-${sfx}.example.`,
  container: `bn-c-${sfx}`,
};
const demo = (env: Env) => env.password('demo');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function ok(env: Env, args: string[]): Promise<string> {
  const r = await env.run(demo(env), args);
  check(r.code === 0, `openstack ${args.join(' ')}: exit ${r.code}: ${oneLine(r.stderr)}`);
  return r.stdout;
}

async function value(env: Env, args: string[]): Promise<string> {
  return (await ok(env, [...args, '-f', 'value'])).trim();
}

async function waitFor(env: Env, args: string[], want: string, seconds = 120): Promise<void> {
  let last = '';
  for (const end = Date.now() + seconds * 1000; Date.now() < end; await sleep(1000)) {
    last = await value(env, args);
    if (last === want) return;
    if (/error/i.test(last)) break;
  }
  throw new Error(`${args.join(' ')}: ${last}, not ${want}`);
}

export const byNameSteps: Step[] = [
  {
    name: 'by-name: image create, show and set by name',
    async run(env) {
      const img = await env.json<Row>(demo(env), ['image', 'create', N.image, '--disk-format', 'qcow2', '--container-format', 'bare', '--property', 'os_distro=fedora-coreos', '-f', 'json']);
      env.vars.bnImage = String(img.id);
      await ok(env, ['image', 'set', '--property', 'purpose=by-name', N.image]);
      const shown = await env.json<Row>(demo(env), ['image', 'show', N.image, '-f', 'json']);
      check(shown.id === env.vars.bnImage, `image show ${N.image}: id ${String(shown.id)}, created ${env.vars.bnImage}`);
      check(JSON.stringify(shown.properties).includes('by-name'), `properties ${JSON.stringify(shown.properties)}`);
    },
  },
  {
    name: 'by-name: subnet on a network, port on a subnet, security group on a port, all by name',
    async run(env) {
      env.vars.bnNet = await value(env, ['network', 'create', N.net, '-c', 'id']);
      const sub = await env.json<Row>(demo(env), ['subnet', 'create', N.subnet, '--network', N.net, '--subnet-range', '10.77.0.0/24', '-f', 'json']);
      check(sub.network_id === env.vars.bnNet, `subnet network_id ${String(sub.network_id)}`);
      await ok(env, ['security', 'group', 'create', N.sg]);
      await ok(env, ['security', 'group', 'rule', 'create', '--protocol', 'tcp', '--dst-port', '22', N.sg]);
      const port = await env.json<Row>(demo(env), ['port', 'create', N.port, '--network', N.net, '--fixed-ip', `subnet=${N.subnet},ip-address=10.77.0.50`, '--security-group', N.sg, '-f', 'json']);
      check(JSON.stringify(port.fixed_ips).includes('10.77.0.50'), `fixed_ips ${JSON.stringify(port.fixed_ips)}`);
      const sgId = await value(env, ['security', 'group', 'show', N.sg, '-c', 'id']);
      check(JSON.stringify(port.security_group_ids).includes(sgId), `security groups ${JSON.stringify(port.security_group_ids)}`);
      const listed = await env.json<Row[]>(demo(env), ['port', 'list', '--network', N.net, '--fixed-ip', `subnet=${N.subnet}`, '-f', 'json']);
      check(listed.some((p) => p.Name === N.port), `port list --network ${N.net} --fixed-ip subnet=${N.subnet}: ${JSON.stringify(listed.map((p) => p.Name))}`);
    },
  },
  {
    name: 'by-name: router with its gateway on an external network and a subnet, by name',
    async run(env) {
      await ok(env, ['router', 'create', N.router]);
      await ok(env, ['router', 'set', '--external-gateway', 'public', N.router]);
      await ok(env, ['router', 'add', 'subnet', N.router, N.subnet]);
      const r = await env.json<Row>(demo(env), ['router', 'show', N.router, '-f', 'json']);
      check(JSON.stringify(r.external_gateway_info).includes('ip_address'), `gateway ${JSON.stringify(r.external_gateway_info)}`);
    },
  },
  {
    name: 'by-name: key pair and volume',
    async run(env) {
      await ok(env, ['keypair', 'create', N.key]);
      await ok(env, ['volume', 'create', '--size', '1', N.volume]);
      await waitFor(env, ['volume', 'show', N.volume, '-c', 'status'], 'available');
    },
  },
  {
    name: 'by-name: server from image, flavor, network, key pair and security group names',
    async run(env) {
      const s = await env.json<Row>(demo(env), [
        'server', 'create', N.server, '--image', 'cirros', '--flavor', 'm1.tiny', '--network', N.net, '--key-name', N.key, '--security-group', N.sg, '--wait', '-f', 'json',
      ]);
      check(s.status === 'ACTIVE', `status ${String(s.status)}`);
      check(s.key_name === N.key, `key_name ${String(s.key_name)}`);
      check(JSON.stringify(s.addresses).includes(N.net), `addresses ${JSON.stringify(s.addresses)}`);
    },
  },
  {
    name: 'by-name: attach a volume and a floating IP to a server by name',
    async run(env) {
      await ok(env, ['server', 'add', 'volume', N.server, N.volume]);
      await waitFor(env, ['volume', 'show', N.volume, '-c', 'status'], 'in-use');
      const fip = await env.json<Row>(demo(env), ['floating', 'ip', 'create', 'public', '-f', 'json']);
      env.vars.bnFip = String(fip.floating_ip_address);
      await ok(env, ['server', 'add', 'floating', 'ip', N.server, env.vars.bnFip]);
      const shown = await env.json<Row>(demo(env), ['floating', 'ip', 'show', env.vars.bnFip, '-f', 'json']);
      check(shown.fixed_ip_address, `floating IP ${env.vars.bnFip} not associated: ${JSON.stringify(shown)}`);
      await ok(env, ['server', 'remove', 'floating', 'ip', N.server, env.vars.bnFip]);
      await ok(env, ['server', 'remove', 'volume', N.server, N.volume]);
      await waitFor(env, ['volume', 'show', N.volume, '-c', 'status'], 'available');
    },
  },
  {
    name: 'by-name: cluster template from image, flavor, key pair, network and subnet names',
    async run(env) {
      const r = await env.run(demo(env), [
        'coe', 'cluster', 'template', 'create', N.template, '--coe', 'kubernetes', '--image', N.image, '--flavor', 'm1.small', '--master-flavor', 'm1.small',
        '--keypair', N.key, '--external-network', 'public', '--fixed-network', N.net, '--fixed-subnet', N.subnet, '--network-driver', 'flannel', '-f', 'json',
      ]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const t = JSON.parse(r.stdout.slice(r.stdout.indexOf('{'))) as Row;
      check(t.image_id === N.image && t.cluster_distro === 'fedora-coreos', `image_id ${String(t.image_id)}, cluster_distro ${String(t.cluster_distro)}`);
      const shown = await env.json<Row>(demo(env), ['coe', 'cluster', 'template', 'show', N.template, '-f', 'json']);
      check(shown.uuid === t.uuid, `template show ${N.template}: ${String(shown.uuid)}`);
    },
  },
  {
    name: 'by-name: recordset in a zone by name',
    async run(env) {
      await ok(env, ['zone', 'create', N.zone, '--email', 'hostmaster@example.com']);
      await waitFor(env, ['zone', 'show', N.zone, '-c', 'status'], 'ACTIVE');
      await ok(env, ['recordset', 'create', N.zone, 'www', '--type', 'A', '--record', '192.0.2.10']);
      const rs = await env.json<Row>(demo(env), ['recordset', 'show', N.zone, `www.${N.zone}`, '-f', 'json']);
      check(String(rs.records).includes('192.0.2.10'), `records ${String(rs.records)}`);
    },
  },
  {
    name: 'by-name: object in a container by name',
    async run(env) {
      await ok(env, ['container', 'create', N.container]);
      const dir = mkdtempSync(path.join(tmpdir(), 'by-name-'));
      try {
        const file = path.join(dir, 'hello.txt');
        writeFileSync(file, 'hello\n');
        await ok(env, ['object', 'create', N.container, file, '--name', 'hello.txt']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const rows = await env.json<Row[]>(demo(env), ['object', 'list', N.container, '-f', 'json']);
      check(rows.some((o) => o.Name === 'hello.txt'), `objects ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'by-name: delete everything by name',
    async run(env) {
      const failures: string[] = [];
      const del = async (args: string[]) => {
        const r = await env.run(demo(env), args);
        if (r.code !== 0 && !/No .* found|could not be found|Not Found|404/i.test(r.stderr)) failures.push(`${args.join(' ')}: ${oneLine(r.stderr)}`);
      };
      await del(['object', 'delete', N.container, 'hello.txt']);
      await del(['container', 'delete', N.container]);
      await del(['zone', 'delete', N.zone]);
      await del(['coe', 'cluster', 'template', 'delete', N.template]);
      if (env.vars.bnFip) await del(['floating', 'ip', 'delete', env.vars.bnFip]);
      await del(['server', 'delete', '--wait', N.server]);
      await del(['volume', 'delete', N.volume]);
      await del(['keypair', 'delete', N.key]);
      await del(['router', 'remove', 'subnet', N.router, N.subnet]);
      await del(['router', 'delete', N.router]);
      await del(['port', 'delete', N.port]);
      await del(['security', 'group', 'delete', N.sg]);
      await del(['subnet', 'delete', N.subnet]);
      await del(['network', 'delete', N.net]);
      await del(['image', 'delete', N.image]);
      check(failures.length === 0, failures.join('; '));
    },
  },
];
