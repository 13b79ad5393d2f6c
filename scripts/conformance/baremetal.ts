// CLI conformance steps for Ironic (python3-ironicclient): nodes through the provision state machine, ports.
import { check, mustFail, oneLine, type Env, type Row, type Step } from './harness';

const NODE = `cc-bm-${process.pid}`;
const MAC = `52:54:00:${[0, 8, 16].map((s) => ((process.pid >> s) & 0xff).toString(16).padStart(2, '0')).join(':')}`;
const admin = (env: Env) => env.password('admin');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function show(env: Env): Promise<Row> {
  return env.json<Row>(admin(env), ['baremetal', 'node', 'show', NODE, '-f', 'json']);
}

async function ok(env: Env, args: string[]) {
  const r = await env.run(admin(env), args);
  check(r.code === 0, `${args.slice(0, 4).join(' ')}: exit ${r.code}: ${oneLine(r.stderr)}`);
  return r;
}

export const baremetalSteps: Step[] = [
  {
    name: 'baremetal: node create as demo is forbidden',
    run: (env) =>
      mustFail(env, env.password('demo'), ['baremetal', 'node', 'create', '--driver', 'fake-hardware', '--name', `${NODE}-x`], /baremetal:node:create|HTTP 403/),
  },
  {
    name: 'baremetal: node create --driver fake-hardware starts in enroll',
    async run(env) {
      const n = await env.json<Row>(admin(env), [
        'baremetal', 'node', 'create', '--driver', 'fake-hardware', '--name', NODE,
        '--property', 'cpus=2', '--property', 'memory_mb=1024', '--property', 'local_gb=10', '--property', 'cpu_arch=x86_64', '-f', 'json',
      ]);
      check(n.name === NODE, `name ${String(n.name)}`);
      check(n.provision_state === 'enroll', `provision_state ${String(n.provision_state)}`);
      check(n.driver === 'fake-hardware', `driver ${String(n.driver)}`);
      check(JSON.stringify(n.properties).includes('"cpus"'), `properties ${JSON.stringify(n.properties)}`);
      env.vars.bmNode = String(n.uuid);
    },
  },
  {
    name: 'baremetal: node create with non-numeric cpus fails',
    run: (env) =>
      mustFail(env, admin(env), ['baremetal', 'node', 'create', '--driver', 'fake-hardware', '--name', `${NODE}-cpus`, '--property', 'cpus=abc'], /should be non-negative integers, but provided values are: cpus=abc/),
  },
  {
    name: 'baremetal: deploy of an enroll node fails',
    run: (env) => mustFail(env, admin(env), ['baremetal', 'node', 'deploy', NODE], /can not be performed on node .* while it is in state "enroll"/),
  },
  {
    name: 'baremetal: port create with an invalid MAC fails',
    run: (env) => mustFail(env, admin(env), ['baremetal', 'port', 'create', '--node', env.vars.bmNode, 'zz:11:22'], /Expected valid MAC address for address: zz:11:22|HTTP 400/),
  },
  {
    name: 'baremetal: port create and list',
    async run(env) {
      const p = await env.json<Row>(admin(env), ['baremetal', 'port', 'create', '--node', env.vars.bmNode, MAC, '-f', 'json']);
      check(p.address === MAC, `address ${String(p.address)}`);
      check(p.node_uuid === env.vars.bmNode, `node_uuid ${String(p.node_uuid)}`);
      env.vars.bmPort = String(p.uuid);
      const rows = await env.json(admin(env), ['baremetal', 'port', 'list', '--node', env.vars.bmNode, '-f', 'json']);
      check(rows.some((r) => r.UUID === env.vars.bmPort && r.Address === MAC), `not listed: ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'baremetal: node manage --wait reaches manageable',
    async run(env) {
      await ok(env, ['baremetal', 'node', 'manage', NODE, '--wait', '60']);
      const n = await show(env);
      check(n.provision_state === 'manageable', `provision_state ${String(n.provision_state)}`);
    },
  },
  {
    name: 'baremetal: node provide --wait reaches available',
    async run(env) {
      await ok(env, ['baremetal', 'node', 'provide', NODE, '--wait', '60']);
      const n = await show(env);
      check(n.provision_state === 'available', `provision_state ${String(n.provision_state)}`);
    },
  },
  {
    name: 'baremetal: node power on',
    async run(env) {
      await ok(env, ['baremetal', 'node', 'power', 'on', NODE]);
      let n = await show(env);
      for (let i = 0; i < 15 && n.power_state !== 'power on'; i++) {
        await sleep(1000);
        n = await show(env);
      }
      check(n.power_state === 'power on', `power_state ${String(n.power_state)}`);
    },
  },
  {
    name: 'baremetal: node deploy --wait reaches active',
    async run(env) {
      await ok(env, ['baremetal', 'node', 'deploy', NODE, '--wait', '120']);
      const n = await show(env);
      check(n.provision_state === 'active', `provision_state ${String(n.provision_state)}`);
      check(n.target_provision_state === null, `target_provision_state ${String(n.target_provision_state)}`);
    },
  },
  {
    name: 'baremetal: node undeploy --wait returns to available',
    async run(env) {
      await ok(env, ['baremetal', 'node', 'undeploy', NODE, '--wait', '120']);
      const n = await show(env);
      check(n.provision_state === 'available', `provision_state ${String(n.provision_state)}`);
    },
  },
  {
    name: 'baremetal: maintenance set with a reason, then unset',
    async run(env) {
      await ok(env, ['baremetal', 'node', 'maintenance', 'set', NODE, '--reason', 'cli-conformance']);
      let n = await show(env);
      check(n.maintenance === true && n.maintenance_reason === 'cli-conformance', `maintenance ${String(n.maintenance)} ${String(n.maintenance_reason)}`);
      await ok(env, ['baremetal', 'node', 'maintenance', 'unset', NODE]);
      n = await show(env);
      check(n.maintenance === false && n.maintenance_reason === null, `maintenance ${String(n.maintenance)} ${String(n.maintenance_reason)}`);
    },
  },
  {
    name: 'baremetal: port delete and node delete',
    async run(env) {
      await ok(env, ['baremetal', 'port', 'delete', env.vars.bmPort]);
      await ok(env, ['baremetal', 'node', 'delete', NODE]);
      const r = await env.run(admin(env), ['baremetal', 'node', 'show', NODE, '-f', 'json']);
      check(r.code !== 0 && /could not be found/.test(r.stderr), `node still there: ${oneLine(r.stdout + r.stderr)}`);
    },
  },
];
