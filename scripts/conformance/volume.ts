// CLI conformance steps for Cinder: volume create -> available, set, snapshot create/delete,
// delete refused while snapshots exist, delete, and bad input.
import { check, mustFail, names, oneLine, type Creds, type Env, type Row, type Step } from './harness';

const VOL = `clic-vol-${process.pid}`;
const VOL2 = `${VOL}-renamed`;
const SNAP = `clic-snap-${process.pid}`;
const SRV = `clic-vol-srv-${process.pid}`;
const demo = (env: Env) => env.password('demo');

/** Polls `openstack <kind> show` until the status is reached (or the resource is gone, with `gone`). */
export async function waitFor(
  env: Env, kind: string[], id: string, status: string | 'gone', timeoutMs = 60_000, creds: Creds = demo(env),
): Promise<Row | null> {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  for (;;) {
    const r = await env.run(creds, [...kind, 'show', id, '-f', 'json']);
    if (status === 'gone' && r.code !== 0 && /No (volume|snapshot|backup)|could not be found|404/i.test(r.stderr)) return null;
    if (r.code === 0) {
      const row = JSON.parse(r.stdout) as Row;
      last = String(row.status);
      if (last === status) return row;
      if (last === 'error') throw new Error(`${kind.join(' ')} ${id} went to error`);
    } else {
      last = oneLine(r.stderr);
    }
    check(Date.now() < deadline, `${kind.join(' ')} ${id} did not reach ${status} (last: ${last})`);
    await new Promise((res) => setTimeout(res, 1000));
  }
}

export const volumeSteps: Step[] = [
  {
    name: 'volume: create --size 1 as demo reaches available',
    async run(env) {
      const v = await env.json<Row>(demo(env), ['volume', 'create', '--size', '1', '--description', 'cli conformance', VOL, '-f', 'json']);
      check(String(v.size) === '1', `size ${String(v.size)}`);
      check(['creating', 'available'].includes(String(v.status)), `status ${String(v.status)}`);
      env.vars.volumeId = String(v.id);
      const done = await waitFor(env, ['volume'], env.vars.volumeId, 'available');
      check(done?.bootable === 'false', `bootable ${String(done?.bootable)}`);
      check(done?.type === '__DEFAULT__', `type ${String(done?.type)}`);
    },
  },
  {
    name: 'volume: set --name, list shows the new name',
    async run(env) {
      const r = await env.run(demo(env), ['volume', 'set', '--name', VOL2, '--property', 'purpose=conformance', env.vars.volumeId]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const got = names(await env.json(demo(env), ['volume', 'list', '-f', 'json']));
      check(got.includes(VOL2), `${VOL2} missing from ${JSON.stringify(got)}`);
      const v = await env.json<Row>(demo(env), ['volume', 'show', env.vars.volumeId, '-f', 'json']);
      check(JSON.stringify(v.properties).includes('purpose'), `properties ${JSON.stringify(v.properties)}`);
    },
  },
  {
    name: 'volume: server add volume reaches in-use with the attachment',
    async run(env) {
      const s = await env.json<Row>(demo(env), [
        'server', 'create', '--image', 'cirros', '--flavor', 'm1.tiny', '--network', 'private', '--wait', SRV, '-f', 'json',
      ]);
      env.vars.volServerId = String(s.id);
      check(s.status === 'ACTIVE', `server status ${String(s.status)}`);
      const r = await env.run(demo(env), ['server', 'add', 'volume', env.vars.volServerId, env.vars.volumeId]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const v = await waitFor(env, ['volume'], env.vars.volumeId, 'in-use');
      check(JSON.stringify(v?.attachments).includes(env.vars.volServerId), `attachments ${JSON.stringify(v?.attachments)} lack the server`);
    },
  },
  {
    name: 'volume: delete of an in-use volume is refused',
    run: (env) => mustFail(env, demo(env), ['volume', 'delete', env.vars.volumeId], /Invalid volume|attached|400/i),
  },
  {
    name: 'volume: server remove volume returns it to available',
    async run(env) {
      const r = await env.run(demo(env), ['server', 'remove', 'volume', env.vars.volServerId, env.vars.volumeId]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      await waitFor(env, ['volume'], env.vars.volumeId, 'available');
      const d = await env.run(demo(env), ['server', 'delete', '--wait', env.vars.volServerId]);
      check(d.code === 0, `server delete exit ${d.code}: ${oneLine(d.stderr)}`);
    },
  },
  {
    name: 'volume: snapshot create reaches available',
    async run(env) {
      const s = await env.json<Row>(demo(env), ['volume', 'snapshot', 'create', '--volume', env.vars.volumeId, SNAP, '-f', 'json']);
      env.vars.snapshotId = String(s.id);
      check(String(s.volume_id) === env.vars.volumeId, `volume_id ${String(s.volume_id)}`);
      await waitFor(env, ['volume', 'snapshot'], env.vars.snapshotId, 'available');
      const rows = await env.json(demo(env), ['volume', 'snapshot', 'list', '-f', 'json']);
      check(names(rows).includes(SNAP), `${SNAP} not listed`);
    },
  },
  {
    name: 'volume: delete is refused while the volume has snapshots',
    run: (env) => mustFail(env, demo(env), ['volume', 'delete', env.vars.volumeId], /snapshots|Invalid volume|400/i),
  },
  {
    name: 'volume: snapshot delete, then it is gone',
    async run(env) {
      const r = await env.run(demo(env), ['volume', 'snapshot', 'delete', env.vars.snapshotId]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      await waitFor(env, ['volume', 'snapshot'], env.vars.snapshotId, 'gone');
    },
  },
  {
    name: 'volume: delete, then it is gone',
    async run(env) {
      const r = await env.run(demo(env), ['volume', 'delete', env.vars.volumeId]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      await waitFor(env, ['volume'], env.vars.volumeId, 'gone');
    },
  },
  {
    name: 'volume: create --size 0 fails',
    run: (env) => mustFail(env, demo(env), ['volume', 'create', '--size', '0', `${VOL}-zero`, '-f', 'json'], /size|Invalid|400/i),
  },
  {
    name: 'volume: create beyond the gigabytes quota fails with 413',
    run: (env) => mustFail(env, demo(env), ['volume', 'create', '--size', '5000', `${VOL}-huge`, '-f', 'json'], /VolumeSizeExceedsAvailableQuota|quota|413/i),
  },
  {
    name: 'volume: type list shows __DEFAULT__',
    async run(env) {
      const got = names(await env.json(demo(env), ['volume', 'type', 'list', '-f', 'json']));
      check(got.includes('__DEFAULT__'), `types ${JSON.stringify(got)}`);
    },
  },
];
