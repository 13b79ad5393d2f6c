// The dashboard's own CLI hints, run as a user would paste them: the command lines come from the same functions
// the forms and actions call (lib/resources/**), with awkward names (spaces, quotes) to prove the POSIX quoting.
// Each step checks the command succeeded AND did what the dashboard said it would.
import { keypairDefinition } from '../../lib/resources/compute/keypair';
import { defaultFlavor, launchCli, serverDefinition, type ServerCreate } from '../../lib/resources/compute/server';
import type { AnyDefinition } from '../../lib/resources/types';
import { snapshotCreateCli, snapshotDefinition } from '../../lib/resources/volume/snapshot';
import { volumeCreateCli, volumeDefinition } from '../../lib/resources/volume/volume';
import { check, oneLine, type Creds, type Env, type Row, type Step } from './harness';

const suffix = `${process.pid}`;
export const demo = (env: Env) => env.password('demo');

/** The CLI line of a definition's action for `row`. */
export function actionCli(def: AnyDefinition, id: string, row: unknown): string {
  const action = def.actions?.find((a) => a.id === id);
  if (!action) throw new Error(`${def.kind} has no action ${id}`);
  return action.cli(row);
}

/** Runs a dashboard command line through the shell (as demo unless told); it must exit 0. `json` appends `-f json`. */
export async function shellOk(env: Env, line: string, json = false, creds: Creds = demo(env)): Promise<string> {
  const r = await env.shell(creds, json ? `${line} -f json` : line);
  check(r.code === 0, `${line}: exit ${r.code}: ${oneLine(r.stderr)}`);
  return r.stdout;
}

/** Polls `openstack <args> -f json` until `done` (an ERROR status fails at once). */
export async function until(env: Env, args: string[], done: (row: Row) => boolean, what: string, timeoutMs = 60_000, creds: Creds = demo(env)): Promise<Row> {
  const end = Date.now() + timeoutMs;
  let last: Row = {};
  while (Date.now() < end) {
    last = await env.json<Row>(creds, [...args, '-f', 'json']);
    if (done(last)) return last;
    if (String(last.status).toUpperCase() === 'ERROR') throw new Error(`${what}: ERROR ${JSON.stringify(last.fault ?? '')}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`${what}: still ${JSON.stringify(last.status)} after ${timeoutMs / 1000} s`);
}

/** Polls `openstack <args>` (a show) until it fails: the resource is gone. */
export async function gone(env: Env, args: string[], what: string, timeoutMs = 60_000, creds: Creds = demo(env)): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    const r = await env.run(creds, args);
    if (r.code !== 0) return;
    await new Promise((res) => setTimeout(res, 500));
  }
  throw new Error(`${what} still exists`);
}

const serverName = `gen vm 'quoted' ${suffix}`;
const volumeName = `gen vol ${suffix}`;
const snapshotName = `gen "snap" ${suffix}`;
const keyName = `gen key ${suffix}`;

export const generatedSteps: Step[] = [
  {
    name: 'generated: the launch form command creates the server it names',
    async run(env) {
      const images = await env.json(demo(env), ['image', 'list', '--name', 'cirros', '-f', 'json']);
      const flavors = await env.json(demo(env), ['flavor', 'list', '-f', 'json']);
      const nets = await env.json(demo(env), ['network', 'list', '--name', 'private', '-f', 'json']);
      const image = images.find((i) => /cirros/i.test(String(i.Name))) ?? images[0];
      // The flavor the launch form would preselect (never a demo cloud's fail- flavor).
      const flavor = defaultFlavor(
        flavors.map((f) => ({ id: String(f.ID), name: String(f.Name), vcpus: Number(f.VCPUs), ram: Number(f.RAM), disk: Number(f.Disk) })),
        { min_disk: 1 },
      );
      check(image && flavor && nets[0], 'no cirros image, flavor or private network');
      const input: ServerCreate = {
        name: serverName, count: 1, source: 'image', imageId: String(image.ID), flavorId: flavor.id, networks: [String(nets[0].ID)],
        keyName: '', securityGroups: ['default'], userData: '', availabilityZone: '',
      };
      const created = JSON.parse(await shellOk(env, launchCli(input), true)) as Row;
      check(created.name === serverName, `created ${JSON.stringify(created.name)}, the form said ${JSON.stringify(serverName)}`);
      env.vars.genServer = String(created.id);
      env.vars.genImage = String(image.ID);
      env.vars.genFlavor = flavor.id;
      await until(env, ['server', 'show', env.vars.genServer], (s) => s.status === 'ACTIVE', 'server');
    },
  },
  {
    name: 'generated: the launch form command without a network makes a server with no address (--nic none)',
    async run(env) {
      const name = `${serverName} no net`;
      const line = launchCli({ name, count: 1, source: 'image', imageId: env.vars.genImage, flavorId: env.vars.genFlavor, networks: [], keyName: '', securityGroups: [], userData: '', availabilityZone: '' });
      const created = JSON.parse(await shellOk(env, line, true)) as Row;
      const s = await until(env, ['server', 'show', String(created.id)], (r) => r.status === 'ACTIVE', 'server without a network');
      check(JSON.stringify(s.addresses) === '{}', `addresses ${JSON.stringify(s.addresses)}`);
      await shellOk(env, `openstack server delete --wait ${String(created.id)}`);
    },
  },
  {
    name: 'generated: instance action commands (stop, start, show, delete)',
    async run(env) {
      const row = { id: env.vars.genServer, name: serverName, status: 'ACTIVE' };
      await shellOk(env, actionCli(serverDefinition, 'stop', row));
      await until(env, ['server', 'show', row.id], (s) => s.status === 'SHUTOFF', 'stop');
      await shellOk(env, actionCli(serverDefinition, 'start', { ...row, status: 'SHUTOFF' }));
      await until(env, ['server', 'show', row.id], (s) => s.status === 'ACTIVE', 'start');
      const shown = JSON.parse(await shellOk(env, (serverDefinition as AnyDefinition).cli.show(row), true)) as Row;
      check(shown.id === row.id, `show printed ${JSON.stringify(shown.id)}`);
      await shellOk(env, actionCli(serverDefinition, 'delete', row));
      await gone(env, ['server', 'show', row.id], 'server');
    },
  },
  {
    name: 'generated: volume and snapshot create and delete commands',
    async run(env) {
      const line = volumeCreateCli({ name: volumeName, description: "it's the generated one", size: 1, source: 'empty', imageId: '', snapshotId: '', volumeType: '', availabilityZone: '' });
      const vol = JSON.parse(await shellOk(env, line, true)) as Row;
      check(vol.name === volumeName && vol.description === "it's the generated one", `created ${JSON.stringify([vol.name, vol.description])}`);
      const id = String(vol.id);
      await until(env, ['volume', 'show', id], (v) => v.status === 'available', 'volume');
      const snap = JSON.parse(await shellOk(env, snapshotCreateCli({ id, status: 'available' }, snapshotName), true)) as Row;
      check(snap.name === snapshotName, `snapshot named ${JSON.stringify(snap.name)}`);
      await until(env, ['volume', 'snapshot', 'show', String(snap.id)], (s) => s.status === 'available', 'snapshot');
      await shellOk(env, actionCli(snapshotDefinition, 'delete', { id: snap.id, name: snapshotName }));
      await gone(env, ['volume', 'snapshot', 'show', String(snap.id)], 'snapshot');
      await shellOk(env, actionCli(volumeDefinition, 'delete', { id, name: volumeName, status: 'available', attachments: [] }));
      await gone(env, ['volume', 'show', id], 'volume');
    },
  },
  {
    name: 'generated: key pair create (saves the private key) and delete commands',
    async run(env) {
      const create = keypairDefinition.create!.cli({ name: keyName, publicKey: '' });
      await shellOk(env, create);
      const pem = await env.shell(demo(env), `cat ${JSON.stringify(`${keyName}.pem`)}`);
      check(/PRIVATE KEY/.test(pem.stdout), `the hint's redirect saved no private key: ${oneLine(pem.stdout, 60)}`);
      const shown = JSON.parse(await shellOk(env, (keypairDefinition as AnyDefinition).cli.show({ name: keyName }), true)) as Row;
      check(shown.name === keyName, `keypair show printed ${JSON.stringify(shown.name)}`);
      await shellOk(env, actionCli(keypairDefinition, 'delete', { name: keyName }));
      await gone(env, ['keypair', 'show', keyName], 'key pair');
    },
  },
];
