// CLI conformance steps for Trove (python3-troveclient): datastores and flavors, a MySQL instance on the
// private network (BUILD -> ACTIVE/HEALTHY, 422 on delete while BUILD, its server in the service project),
// databases, users and access, root, restart, resizes, a backup restored into a new instance, a
// configuration group, quotas (413) and limits, then deletes (SHUTDOWN, gone).
// The real test cloud's guest is Trove's in-tree fake (realcloud README): databases and users given at create
// are only known to trove-taskmanager, a flavor resize never leaves RESIZE, a backup cannot be restored and no
// logs are reported, so those four steps run on the demo cloud only (each says why).
import { check, mustFail, oneLine, sleep, succeed, type Env, type Row, type Step } from './harness';

const P = `cli-db-${process.pid}`;
const NAME = `${P}-mysql`;
const RESTORED = `${P}-restored`;
const demo = (env: Env) => env.password('demo');
const admin = (env: Env) => env.password('admin');
const ok = (env: Env, args: string[], creds = demo(env)) => succeed(env, creds, args);

const instance = (env: Env, name: string) => env.json<Row>(demo(env), ['database', 'instance', 'show', name, '-f', 'json']);

/** Polls the instance until its status is `want` (ERROR fails at once); returns it. */
async function waitStatus(env: Env, name: string, want: string, seconds = 180): Promise<Row> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const row = await instance(env, name);
    if (row.status === want) return row;
    check(row.status !== 'ERROR', `${name} went ERROR: ${JSON.stringify(row.fault ?? row)}`);
    check(Date.now() < deadline, `${name} never became ${want}: ${String(row.status)}`);
    await sleep(1000);
  }
}

/** Polls until the instance is gone (404). */
async function waitGone(env: Env, name: string): Promise<void> {
  const deadline = Date.now() + 120_000;
  for (;;) {
    const r = await env.run(demo(env), ['database', 'instance', 'show', name, '-f', 'json']);
    if (r.code !== 0) return;
    const row = JSON.parse(r.stdout) as Row;
    check(['SHUTDOWN', 'ACTIVE', 'ERROR'].includes(String(row.status)), `deleting ${name}: status ${String(row.status)}`);
    check(Date.now() < deadline, `${name} was never deleted: ${String(row.status)}`);
    await sleep(1000);
  }
}

async function waitBackup(env: Env, id: string): Promise<Row> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const b = await env.json<Row>(demo(env), ['database', 'backup', 'show', id, '-f', 'json']);
    if (b.status === 'COMPLETED') return b;
    check(['NEW', 'BUILDING'].includes(String(b.status)), `backup ${id}: ${String(b.status)}`);
    check(Date.now() < deadline, `backup ${id} never COMPLETED: ${String(b.status)}`);
    await sleep(1000);
  }
}

/** Attaches the group (the instance shows it), checks it cannot be deleted while attached, detaches it. */
async function attachDetach(env: Env, cfgName: string): Promise<void> {
  await ok(env, ['database', 'configuration', 'attach', NAME, cfgName]);
  const row = await instance(env, NAME);
  check(row.configuration === env.vars.dbConfig, `instance configuration ${String(row.configuration)}`);
  const insts = await env.json(demo(env), ['database', 'configuration', 'instances', cfgName, '-f', 'json']);
  check(insts.some((i) => i.Name === NAME), `configuration instances ${JSON.stringify(insts)}`);
  await mustFail(env, demo(env), ['database', 'configuration', 'delete', cfgName], /cannot be deleted if it is associated/);
  await ok(env, ['database', 'configuration', 'detach', NAME]);
  await waitStatus(env, NAME, 'ACTIVE');
}

const createArgs = (env: Env, name: string, extra: string[] = []) => [
  'database', 'instance', 'create', name, '--flavor', 'm1.small', '--size', '1', '--datastore', 'mysql', '--datastore-version', '5.7.29',
  '--nic', `net-id=${env.vars.dbNet}`, ...extra, '-f', 'json',
];

export const databaseSteps: Step[] = [
  {
    name: 'database: datastore list, show and version list show mysql 5.7.29',
    async run(env) {
      const ds = await env.json(demo(env), ['datastore', 'list', '-f', 'json']);
      check(ds.some((d) => d.Name === 'mysql'), `datastores ${JSON.stringify(ds)}`);
      const versions = await env.json(demo(env), ['datastore', 'version', 'list', 'mysql', '-f', 'json']);
      check(versions.some((v) => v.Name === '5.7.29'), `versions ${JSON.stringify(versions)}`);
      const mysql = await env.json<Row>(demo(env), ['datastore', 'show', 'mysql', '-f', 'json']);
      check(mysql.name === 'mysql' && String(mysql['versions (id)']).includes('5.7.29'), `datastore ${JSON.stringify(mysql)}`);
      const v = await env.json<Row>(demo(env), ['datastore', 'version', 'show', '5.7.29', '--datastore', 'mysql', '-f', 'json']);
      check(v.name === '5.7.29' && v.datastore === mysql.id, `version ${JSON.stringify(v)}`);
    },
  },
  {
    name: 'database: flavor list shows the Nova flavors, configuration parameter list the mysql rules',
    async run(env) {
      const flavors = await env.json(demo(env), ['database', 'flavor', 'list', '-f', 'json']);
      check(flavors.some((f) => f.Name === 'm1.small' && f.RAM === 2048), `flavors ${JSON.stringify(flavors)}`);
      const params = await env.json(demo(env), ['database', 'configuration', 'parameter', 'list', '5.7.29', '--datastore', 'mysql', '-f', 'json']);
      const max = params.find((p) => p.Name === 'max_connections');
      check(max && max.Type === 'integer' && max['Min Size'] === 1, `max_connections ${JSON.stringify(max)}`);
    },
  },
  {
    name: 'database: instance create answers BUILD with the datastore, flavor and volume',
    async run(env) {
      const net = await env.json<Row>(demo(env), ['network', 'show', 'private', '-f', 'json']);
      env.vars.dbNet = String(net.id);
      const flavor = await env.json<Row>(demo(env), ['flavor', 'show', 'm1.small', '-f', 'json']);
      const row = await env.json<Row>(demo(env), createArgs(env, NAME, ['--databases', 'appdb', '--users', 'app:app-pass']));
      check(row.name === NAME && row.status === 'BUILD', `create ${JSON.stringify(row)}`);
      check(row.datastore === 'mysql' && row.datastore_version === '5.7.29', `datastore ${String(row.datastore)} ${String(row.datastore_version)}`);
      check(row.flavor === flavor.id && row.volume === 1, `flavor ${String(row.flavor)} volume ${String(row.volume)}`);
      env.vars.dbId = String(row.id);
    },
  },
  {
    name: 'database: instance delete while BUILD fails with 422',
    run: (env) => mustFail(env, demo(env), ['database', 'instance', 'delete', NAME], /is not ready\. \(Status is BUILD\)|HTTP 422/),
  },
  {
    name: 'database: instance reaches ACTIVE and HEALTHY with an address on the private network',
    async run(env) {
      const row = await waitStatus(env, NAME, 'ACTIVE');
      check(row.operating_status === 'HEALTHY', `operating_status ${String(row.operating_status)}`);
      const addresses = JSON.stringify(row.addresses ?? row.ip ?? '');
      check(addresses.includes(env.vars.dbNet) || /\d+\.\d+\.\d+\.\d+/.test(addresses), `addresses ${addresses}`);
      const list = await env.json(demo(env), ['database', 'instance', 'list', '-f', 'json']);
      const mine = list.find((r) => r.Name === NAME);
      check(mine && mine.Status === 'ACTIVE' && mine['Operating Status'] === 'HEALTHY', `list row ${JSON.stringify(mine)}`);
    },
  },
  {
    name: "database: the instance's server belongs to the service project (demo's server list lacks it, admin's --all-projects has it)",
    async run(env) {
      const mine = await env.json(demo(env), ['server', 'list', '-f', 'json']);
      check(!mine.some((s) => s.Name === NAME), `demo sees the database server: ${JSON.stringify(mine.map((s) => s.Name))}`);
      const all = await env.json(admin(env), ['server', 'list', '--all-projects', '--name', NAME, '-f', 'json']);
      check(all.length === 1, `admin --all-projects: ${JSON.stringify(all)}`);
      const srv = await env.json<Row>(admin(env), ['server', 'show', String(all[0].ID), '-f', 'json']);
      check(srv.project_id !== env.ids.demoProject, `server project ${String(srv.project_id)}`);
    },
  },
  {
    name: 'database: the databases and users given at create are listed',
    skipOnRealcloud: "its fake guest agent gives the create's databases and users to trove-taskmanager only; trove-api lists none",
    async run(env) {
      const dbs = await env.json(demo(env), ['database', 'db', 'list', NAME, '-f', 'json']);
      check(dbs.some((d) => d.Name === 'appdb'), `databases ${JSON.stringify(dbs)}`);
      const users = await env.json(demo(env), ['database', 'user', 'list', NAME, '-f', 'json']);
      check(users.some((u) => u.Name === 'app' && String(u.Databases).includes('appdb')), `users ${JSON.stringify(users)}`);
    },
  },
  {
    name: 'database: db create, list and delete; an invalid name and a second create fail',
    async run(env) {
      await ok(env, ['database', 'db', 'create', NAME, 'shop']);
      const dbs = await env.json(demo(env), ['database', 'db', 'list', NAME, '-f', 'json']);
      check(dbs.some((d) => d.Name === 'shop'), `databases ${JSON.stringify(dbs)}`);
      await mustFail(env, demo(env), ['database', 'db', 'create', NAME, 'shop'], /A database with the name "shop" already exists/);
      await mustFail(env, demo(env), ['database', 'db', 'create', NAME, 'bad name!'], /is not a valid schema name/);
      await ok(env, ['database', 'db', 'create', NAME, 'scratch']);
      await ok(env, ['database', 'db', 'delete', NAME, 'scratch']);
      const after = await env.json(demo(env), ['database', 'db', 'list', NAME, '-f', 'json']);
      check(!after.some((d) => d.Name === 'scratch'), `scratch still listed: ${JSON.stringify(after)}`);
    },
  },
  {
    name: 'database: user create, show, grant and revoke access, delete; reserved names fail',
    async run(env) {
      await ok(env, ['database', 'user', 'create', NAME, 'clerk', 'clerk-pass', '--databases', 'shop']);
      const users = await env.json(demo(env), ['database', 'user', 'list', NAME, '-f', 'json']);
      check(users.some((u) => u.Name === 'clerk' && u.Host === '%'), `users ${JSON.stringify(users)}`);
      await mustFail(env, demo(env), ['database', 'user', 'create', NAME, 'clerk', 'x'], /A user with the name "clerk" already exists/);
      await mustFail(env, demo(env), ['database', 'user', 'create', NAME, 'root', 'x'], /reserved list/);
      await ok(env, ['database', 'db', 'create', NAME, 'reports']);
      await ok(env, ['database', 'user', 'grant', 'access', NAME, 'clerk', 'reports']);
      const access = await env.json(demo(env), ['database', 'user', 'show', 'access', NAME, 'clerk', '-f', 'json']);
      check(['shop', 'reports'].every((d) => access.some((a) => a.Name === d)), `access ${JSON.stringify(access)}`);
      await ok(env, ['database', 'user', 'revoke', 'access', NAME, 'clerk', 'reports']);
      const after = await env.json(demo(env), ['database', 'user', 'show', 'access', NAME, 'clerk', '-f', 'json']);
      check(!after.some((a) => a.Name === 'reports'), `reports still granted: ${JSON.stringify(after)}`);
      const shown = await env.json<Row>(demo(env), ['database', 'user', 'show', NAME, 'clerk', '-f', 'json']);
      check(shown.name === 'clerk', `user show ${JSON.stringify(shown)}`);
      await ok(env, ['database', 'user', 'delete', NAME, 'clerk']);
      await mustFail(env, demo(env), ['database', 'user', 'show', NAME, 'clerk', '-f', 'json'], /User clerk@% cannot be found on the instance/);
    },
  },
  {
    name: 'database: root enable shows a password once, root show then says enabled',
    async run(env) {
      const root = await env.json<Row>(demo(env), ['database', 'root', 'enable', NAME, '-f', 'json']);
      check(root.name === 'root' && typeof root.password === 'string' && root.password.length > 0, `root enable ${JSON.stringify(root)}`);
      const shown = await env.json<Row>(demo(env), ['database', 'root', 'show', NAME, '-f', 'json']);
      check(shown.is_root_enabled === true, `root show ${JSON.stringify(shown)}`);
    },
  },
  {
    name: 'database: restart goes REBOOT, then ACTIVE',
    async run(env) {
      await ok(env, ['database', 'instance', 'restart', NAME]);
      const row = await instance(env, NAME);
      check(['REBOOT', 'ACTIVE'].includes(String(row.status)), `after restart: ${String(row.status)}`);
      await waitStatus(env, NAME, 'ACTIVE');
    },
  },
  {
    name: 'database: resize volume goes RESIZE, then ACTIVE with 2 GB; a smaller size fails',
    async run(env) {
      await mustFail(env, demo(env), ['database', 'instance', 'resize', 'volume', NAME, '1'], /must be larger than the current volume size of '1'/);
      await ok(env, ['database', 'instance', 'resize', 'volume', NAME, '2']);
      const row = await instance(env, NAME);
      check(['RESIZE', 'ACTIVE'].includes(String(row.status)), `after resize: ${String(row.status)}`);
      const done = await waitStatus(env, NAME, 'ACTIVE');
      check(done.volume === 2, `volume ${String(done.volume)}`);
    },
  },
  {
    name: 'database: resize flavor to m1.medium goes RESIZE, then ACTIVE on the new flavor',
    skipOnRealcloud: "Trove waits for Nova's VERIFY_RESIZE, which its fake virt driver never reaches: the instance stays RESIZE",
    async run(env) {
      await mustFail(env, demo(env), ['database', 'instance', 'resize', 'flavor', NAME, 'm1.small'], /must be different than the current flavor id/);
      const medium = await env.json<Row>(demo(env), ['flavor', 'show', 'm1.medium', '-f', 'json']);
      await ok(env, ['database', 'instance', 'resize', 'flavor', NAME, 'm1.medium']);
      const deadline = Date.now() + 180_000;
      for (;;) {
        const row = await instance(env, NAME);
        if (row.status === 'ACTIVE' && row.flavor === medium.id) break;
        check(row.status !== 'ERROR', `resize went ERROR: ${JSON.stringify(row.fault)}`);
        check(Date.now() < deadline, `resize never finished: ${String(row.status)} ${String(row.flavor)}`);
        await sleep(1000);
      }
    },
  },
  {
    name: 'database: backup create goes NEW/BUILDING, then COMPLETED; list and show',
    async run(env) {
      const b = await env.json<Row>(demo(env), ['database', 'backup', 'create', `${P}-backup`, '--instance', NAME, '-f', 'json']);
      check(['NEW', 'BUILDING'].includes(String(b.status)), `backup status ${String(b.status)}`);
      check(b.instance_id === env.vars.dbId, `backup instance ${String(b.instance_id)}`);
      env.vars.dbBackup = String(b.id);
      const done = await waitBackup(env, env.vars.dbBackup);
      check(typeof done.size === 'number', `size ${String(done.size)}`);
      const list = await env.json(demo(env), ['database', 'backup', 'list', '-f', 'json']);
      check(list.some((x) => x.ID === env.vars.dbBackup && x.Status === 'COMPLETED'), `backup list ${JSON.stringify(list)}`);
      await waitStatus(env, NAME, 'ACTIVE');
    },
  },
  {
    name: 'database: an instance restored from the backup reaches ACTIVE, then is deleted',
    skipOnRealcloud: 'its fake guest records backups at http://localhost/path/to/backup, not in Swift: a restore is refused with 404',
    async run(env) {
      const row = await env.json<Row>(demo(env), createArgs(env, RESTORED, ['--backup', env.vars.dbBackup]));
      check(row.status === 'BUILD', `restore create ${String(row.status)}`);
      await waitStatus(env, RESTORED, 'ACTIVE');
      if (env.target === 'demo') {
        const dbs = await env.json(demo(env), ['database', 'db', 'list', RESTORED, '-f', 'json']);
        check(dbs.some((d) => d.Name === 'shop'), `restored databases ${JSON.stringify(dbs)}`);
      }
      await ok(env, ['database', 'instance', 'delete', RESTORED]);
      await waitGone(env, RESTORED);
    },
  },
  {
    name: 'database: configuration create with checked values, attach, show, detach, delete',
    async run(env) {
      const cfgName = `${P}-cfg`;
      await mustFail(env, demo(env), ['database', 'configuration', 'create', `${cfgName}-bad`, '{"max_connections": 0}', '--datastore', 'mysql', '--datastore-version', '5.7.29'], /less than the minimum allowed: 1/);
      const c = await env.json<Row>(demo(env), ['database', 'configuration', 'create', cfgName, '{"max_connections": 200}', '--datastore', 'mysql', '--datastore-version', '5.7.29', '-f', 'json']);
      check(c.name === cfgName && c.datastore_name === 'mysql', `configuration ${JSON.stringify(c)}`);
      env.vars.dbConfig = String(c.id);
      try {
        await attachDetach(env, cfgName);
      } finally {
        await env.run(demo(env), ['database', 'configuration', 'delete', cfgName]);
      }
      const list = await env.json(demo(env), ['database', 'configuration', 'list', '-f', 'json']);
      check(!list.some((x) => x.Name === cfgName), `configuration still listed: ${JSON.stringify(list)}`);
    },
  },
  {
    name: 'database: log list shows the USER logs; enable and publish the general log; a SYS log is for admins',
    skipOnRealcloud: 'its fake guest agent reports no logs ({"logs": null})',
    async run(env) {
      const logs = await env.json(demo(env), ['database', 'log', 'list', NAME, '-f', 'json']);
      check(['general', 'slow_query'].every((n) => logs.some((l) => l.Name === n)), `logs ${JSON.stringify(logs)}`);
      const set = (flag: string) => env.json<Row>(demo(env), ['database', 'log', 'set', NAME, 'general', flag, '-f', 'json']);
      const on = await set('--enable');
      check(on.status === 'Enabled' || on.status === 'Ready', `enable ${JSON.stringify(on)}`);
      const pub = await set('--publish');
      check(pub.status === 'Published' && pub.container === 'database_logs', `publish ${JSON.stringify(pub)}`);
      const shown = await env.json<Row>(demo(env), ['database', 'log', 'show', NAME, 'general', '-f', 'json']);
      check(shown.type === 'USER' && typeof shown.published === 'number', `log show ${JSON.stringify(shown)}`);
      await mustFail(env, demo(env), ['database', 'log', 'set', NAME, 'guest', '--publish'], /You must be admin to publish log 'guest'/);
    },
  },
  {
    name: 'database: quota show and limit list; past the instances quota create fails with 413',
    async run(env) {
      const project = env.ids.demoProject;
      const quotas = await env.json(demo(env), ['database', 'quota', 'show', project, '-f', 'json']);
      const inst = quotas.find((q) => q.Resource === 'instances');
      check(inst && typeof inst['In Use'] === 'number' && typeof inst.Limit === 'number', `quotas ${JSON.stringify(quotas)}`);
      // `limit list` prints the absolute limits as a table before the rate limits, whatever -f says.
      const limits = await ok(env, ['database', 'limit', 'list', '-f', 'json']);
      check(/max_instances\s*\|\s*\d+/.test(limits) && limits.includes('ABSOLUTE'), `limits ${oneLine(limits)}`);
      await ok(env, ['database', 'quota', 'update', project, 'instances', String(inst['In Use'])], admin(env));
      try {
        await mustFail(env, demo(env), createArgs(env, `${P}-over`), /Quota exceeded for resources: \['instances'\]/);
      } finally {
        await ok(env, ['database', 'quota', 'update', project, 'instances', String(inst.Limit)], admin(env));
      }
    },
  },
  {
    name: 'database: instance delete goes SHUTDOWN, then the instance and its backup are gone',
    async run(env) {
      await ok(env, ['database', 'instance', 'delete', NAME]);
      await waitGone(env, NAME);
      await ok(env, ['database', 'backup', 'delete', env.vars.dbBackup]);
      const list = await env.json(demo(env), ['database', 'backup', 'list', '-f', 'json']);
      check(!list.some((x) => x.ID === env.vars.dbBackup), `backup still listed: ${JSON.stringify(list)}`);
    },
  },
];
