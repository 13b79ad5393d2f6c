// CLI conformance steps for Nova. Names carry a per-run suffix so the real cloud is left clean.
import { check, mustFail, names, type Env, type Row, type Step } from './harness';

const suffix = `${process.pid}`;
const serverName = `cli-conf-srv-${suffix}`;
const keyName = `cli-conf-key-${suffix}`;

const demo = (env: Env) => env.password('demo');
const show = (env: Env) => env.json<Row>(demo(env), ['server', 'show', env.vars.serverId, '-f', 'json']);

async function waitStatus(env: Env, want: string, timeoutMs = 60_000): Promise<Row> {
  const end = Date.now() + timeoutMs;
  let last: Row = {};
  while (Date.now() < end) {
    last = await show(env);
    if (last.status === want) return last;
    if (last.status === 'ERROR') break;
    await new Promise((r) => setTimeout(r, 1000));
  }
  throw new Error(`server status ${String(last.status)}, expected ${want}`);
}

export const computeSteps: Step[] = [
  {
    name: 'compute: flavor list shows m1.tiny',
    async run(env) {
      const rows = await env.json(demo(env), ['flavor', 'list', '-f', 'json']);
      const tiny = rows.find((r) => r.Name === 'm1.tiny');
      check(tiny, `m1.tiny missing from ${JSON.stringify(names(rows))}`);
      check(tiny.RAM === 512 && tiny.VCPUs === 1 && tiny.Disk === 1, `m1.tiny is ${JSON.stringify(tiny)}`);
    },
  },
  {
    name: 'compute: flavor show m1.tiny',
    async run(env) {
      const f = await env.json<Row>(demo(env), ['flavor', 'show', 'm1.tiny', '-f', 'json']);
      check(f.name === 'm1.tiny' && f.ram === 512 && f.vcpus === 1, `flavor show: ${JSON.stringify(f)}`);
      check(f['os-flavor-access:is_public'] === true || f.access_project_ids === null || f.is_public === true, `not public: ${JSON.stringify(f)}`);
    },
  },
  {
    name: 'compute: keypair create returns a private key',
    async run(env) {
      const r = await env.run(demo(env), ['keypair', 'create', keyName]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      check(/BEGIN (RSA |OPENSSH )?PRIVATE KEY/.test(r.stdout), `no private key printed: ${r.stdout.slice(0, 80)}`);
      const rows = await env.json(demo(env), ['keypair', 'list', '-f', 'json']);
      check(names(rows).includes(keyName), `${keyName} not listed`);
    },
  },
  {
    name: 'compute: server create --wait reaches ACTIVE',
    async run(env) {
      const s = await env.json<Row>(demo(env), [
        'server', 'create', '--image', 'cirros', '--flavor', 'm1.tiny', '--network', 'private', '--key-name', keyName, '--wait', serverName, '-f', 'json',
      ]);
      check(s.status === 'ACTIVE', `status ${String(s.status)}`);
      check(typeof s.id === 'string', 'no id');
      env.vars.serverId = String(s.id);
      check(JSON.stringify(s.addresses ?? '').includes('private'), `addresses ${JSON.stringify(s.addresses)} lack the private network`);
    },
  },
  {
    name: 'compute: server list shows the server',
    async run(env) {
      const rows = await env.json(demo(env), ['server', 'list', '-f', 'json']);
      const row = rows.find((r) => r.ID === env.vars.serverId);
      check(row && row.Name === serverName && row.Status === 'ACTIVE', `not listed ACTIVE: ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'compute: server show',
    async run(env) {
      const s = await show(env);
      check(s.name === serverName && s.key_name === keyName, `show: ${JSON.stringify(s).slice(0, 300)}`);
      check(String(s.flavor).includes('m1.tiny'), `flavor ${JSON.stringify(s.flavor)}`);
      check(s['OS-EXT-STS:vm_state'] === 'active' && s['OS-EXT-STS:power_state'] !== undefined, 'extended status missing');
    },
  },
  {
    name: 'compute: start an ACTIVE server is refused (409)',
    run: (env) => mustFail(env, demo(env), ['server', 'start', env.vars.serverId], /Cannot 'start' instance .* vm_state active|HTTP 409/),
  },
  {
    name: 'compute: server stop reaches SHUTOFF',
    async run(env) {
      const r = await env.run(demo(env), ['server', 'stop', env.vars.serverId]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      await waitStatus(env, 'SHUTOFF');
    },
  },
  {
    name: 'compute: server start reaches ACTIVE',
    async run(env) {
      const r = await env.run(demo(env), ['server', 'start', env.vars.serverId]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      await waitStatus(env, 'ACTIVE');
    },
  },
  {
    name: 'compute: server reboot --wait',
    async run(env) {
      const r = await env.run(demo(env), ['server', 'reboot', '--wait', env.vars.serverId]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      await waitStatus(env, 'ACTIVE');
    },
  },
  {
    name: 'compute: console log',
    dataPlane: true,
    async run(env) {
      const r = await env.run(demo(env), ['console', 'log', 'show', '--lines', '5', env.vars.serverId]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      check(r.stdout.trim().split('\n').length <= 5 && r.stdout.trim().length > 0, `output: ${r.stdout}`);
    },
  },
  {
    name: 'compute: server show of an unknown server fails',
    run: (env) => mustFail(env, demo(env), ['server', 'show', '00000000-0000-0000-0000-000000000000'], /No server with a name or ID|could not be found/),
  },
  {
    name: 'compute: flavor create as demo is forbidden',
    run: (env) => mustFail(env, demo(env), ['flavor', 'create', '--ram', '64', '--vcpus', '1', '--disk', '0', `cli-conf-flavor-${suffix}`], /os-flavor-manage:create|HTTP 403/),
  },
  {
    name: 'compute: server delete --wait',
    async run(env) {
      const r = await env.run(demo(env), ['server', 'delete', '--wait', env.vars.serverId]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      const rows = await env.json(demo(env), ['server', 'list', '-f', 'json']);
      check(!rows.some((row) => row.ID === env.vars.serverId), 'still listed after delete --wait');
    },
  },
  {
    name: 'compute: keypair delete',
    async run(env) {
      const r = await env.run(demo(env), ['keypair', 'delete', keyName]);
      check(r.code === 0, `exit ${r.code}: ${r.stderr}`);
      const rows = await env.json(demo(env), ['keypair', 'list', '-f', 'json']);
      check(!names(rows).includes(keyName), `${keyName} still listed`);
    },
  },
];
