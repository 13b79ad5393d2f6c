// CLI conformance steps for issue 19's Glance operations: image members (share with a project by id, pending,
// accept, reject, remove), deactivate/reactivate, and interoperable import (web-download). Neither cloud reaches
// the internet here, so the import steps use URLs that fail at once and check how Glance records the failure.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { check, mustFail, oneLine, type Creds, type Env, type Row, type Step } from './harness';

const NAME = `clic-image-share-${process.pid}`;
const IMPORTED = `clic-image-import-${process.pid}`;
const BAD_PORT = `clic-image-import-port-${process.pid}`;
let dir = '';

const demo = (env: Env) => env.password('demo');
const admin = (env: Env) => env.password('admin');

async function ok(env: Env, creds: Creds, args: string[]): Promise<void> {
  const r = await env.run(creds, args);
  check(r.code === 0, `${args.slice(0, 4).join(' ')} exit ${r.code}: ${oneLine(r.stderr)}`);
}

async function memberStatus(env: Env): Promise<string | undefined> {
  const rows = await env.json(demo(env), ['image', 'member', 'list', NAME, '-f', 'json']);
  return rows.find((r) => r['Member ID'] === env.vars.adminProject)?.Status as string | undefined;
}

/**
 * `glance image-create-via-import` (the openstack CLI of Zed has no import command). Its stdin is closed: glance
 * takes any other stdin for image data, which web-download refuses.
 */
async function importByUrl(env: Env, name: string, uri: string) {
  return env.shell(demo(env), `glance image-create-via-import --disk-format raw --container-format bare --name ${name} --import-method web-download --uri ${uri} 0<&-`);
}

export const imageOpsSteps: Step[] = [
  {
    name: 'image member: demo creates a shared image',
    async run(env) {
      dir = mkdtempSync(path.join(tmpdir(), 'clic-image-ops-'));
      env.vars.shareData = randomBytes(2048).toString('base64');
      writeFileSync(path.join(dir, 'data.raw'), Buffer.from(env.vars.shareData, 'base64'));
      const img = await env.json<Row>(demo(env), [
        'image', 'create', '--file', path.join(dir, 'data.raw'), '--disk-format', 'raw', '--container-format', 'bare', '--shared', NAME, '-f', 'json',
      ]);
      env.vars.shareImage = String(img.id);
      const shown = await env.json<Row>(demo(env), ['image', 'show', NAME, '-f', 'json']);
      check(shown.visibility === 'shared' && shown.status === 'active', `visibility ${String(shown.visibility)}, status ${String(shown.status)}`);
      env.vars.adminProject = String((await env.json<Row>(admin(env), ['token', 'issue', '-f', 'json'])).project_id);
    },
  },
  {
    name: 'image member: add the admin project by id; the membership is pending',
    async run(env) {
      const m = await env.json<Row>(demo(env), ['image', 'add', 'project', NAME, env.vars.adminProject, '-f', 'json']);
      check(m.status === 'pending', `status ${String(m.status)}`);
      check((await memberStatus(env)) === 'pending', `member list status ${String(await memberStatus(env))}`);
    },
  },
  {
    name: 'image member: the receiving project accepts; it lists the image with --member-status accepted',
    async run(env) {
      await ok(env, admin(env), ['image', 'set', '--accept', env.vars.shareImage]);
      check((await memberStatus(env)) === 'accepted', `member status ${String(await memberStatus(env))}`);
      const rows = await env.json(admin(env), ['image', 'list', '--shared', '--member-status', 'accepted', '-f', 'json']);
      check(rows.some((r) => r.ID === env.vars.shareImage), `${NAME} not in the accepted shared list`);
    },
  },
  {
    name: 'image member: the receiving project rejects it',
    async run(env) {
      await ok(env, admin(env), ['image', 'set', '--reject', env.vars.shareImage]);
      check((await memberStatus(env)) === 'rejected', `member status ${String(await memberStatus(env))}`);
    },
  },
  {
    name: 'image member: a member cannot add members to an image it does not own',
    run: (env) => mustFail(env, demo(env), ['image', 'add', 'project', 'cirros', env.ids.demoProject], /403|not permitted|Forbidden|could not be shared|Only shared images/i),
  },
  {
    name: 'image member: the owner removes the member',
    async run(env) {
      await ok(env, demo(env), ['image', 'remove', 'project', NAME, env.vars.adminProject]);
      check((await memberStatus(env)) === undefined, 'the member is still listed');
    },
  },
  {
    name: 'image deactivate: the owner deactivates; download is refused to the project, allowed to admins',
    async run(env) {
      await ok(env, demo(env), ['image', 'set', '--deactivate', NAME]);
      const shown = await env.json<Row>(demo(env), ['image', 'show', NAME, '-f', 'json']);
      check(shown.status === 'deactivated', `status ${String(shown.status)}`);
      // The 403 reaches OSC 6.0 as "Unable to download image: InvalidResponse".
      await mustFail(env, demo(env), ['image', 'save', '--file', path.join(dir, 'denied.raw'), env.vars.shareImage], /deactivated|403|Forbidden|InvalidResponse/i);
      await ok(env, admin(env), ['image', 'save', '--file', path.join(dir, 'admin.raw'), env.vars.shareImage]);
      check(readFileSync(path.join(dir, 'admin.raw')).toString('base64') === env.vars.shareData, 'admin download differs from the upload');
    },
  },
  {
    name: 'image deactivate: reactivate restores the download',
    async run(env) {
      await ok(env, demo(env), ['image', 'set', '--activate', NAME]);
      await ok(env, demo(env), ['image', 'save', '--file', path.join(dir, 'again.raw'), env.vars.shareImage]);
      check(readFileSync(path.join(dir, 'again.raw')).toString('base64') === env.vars.shareData, 'download differs from the upload');
      await ok(env, demo(env), ['image', 'delete', NAME]);
    },
  },
  {
    // openstacksdk 0.101 does not check the answer of the deactivate action, so OSC exits 0 on Glance's 403
    // ("You do not own this image"): the image must simply stay active.
    name: 'image deactivate: another project\'s image stays active',
    async run(env) {
      await env.run(demo(env), ['image', 'set', '--deactivate', 'cirros']);
      const img = await env.json<Row>(demo(env), ['image', 'show', 'cirros', '-f', 'json']);
      check(img.status === 'active', `cirros is ${String(img.status)}`);
    },
  },
  {
    name: 'image import: import-info lists glance-direct and web-download',
    async run(env) {
      const r = await env.shell(demo(env), 'glance import-info');
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const flat = r.stdout.replace(/[\s|]/g, ''); // the table wraps the JSON value across lines
      check(flat.includes('"web-download"') && flat.includes('"glance-direct"'), `import-info: ${oneLine(r.stdout)}`);
    },
  },
  {
    name: 'image import: loopback URLs and ports other than 80/443 do not pass filtering',
    async run(env) {
      for (const [name, uri] of [[BAD_PORT, 'http://example.org:8080/none.img'], [`${BAD_PORT}-lo`, 'http://127.0.0.1/none.img']]) {
        const r = await importByUrl(env, name, uri);
        check(r.code !== 0, `${uri}: expected a failure, got: ${oneLine(r.stdout)}`);
        check(/does not pass filtering/.test(r.stderr + r.stdout), `${uri}: ${oneLine(r.stderr)}`);
        await ok(env, demo(env), ['image', 'delete', name]);
      }
    },
  },
  {
    // Glance refuses loopback and link-local hosts, so the URL names this machine's own address, where nothing
    // listens on port 80: both clouds pass the filter, fail the fetch at once and record it.
    name: 'image import: web-download of an unreachable URL goes back to queued with os_glance_failed_import',
    async run(env) {
      const own = Object.values(networkInterfaces()).flat().find((i) => i && !i.internal && i.family === 'IPv4')?.address;
      check(own, 'this machine has no non-loopback IPv4 address');
      const r = await importByUrl(env, IMPORTED, `http://${own}/none.img`);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const deadline = Date.now() + 60_000;
      let img: Row = {};
      while (Date.now() < deadline) {
        img = await env.json<Row>(demo(env), ['image', 'show', IMPORTED, '-f', 'json']);
        if ((img.properties as Row | undefined)?.os_glance_failed_import === 'file') break;
        await new Promise((res) => setTimeout(res, 1000));
      }
      const props = (img.properties ?? {}) as Row;
      check(img.status === 'queued' && props.os_glance_failed_import === 'file', `status ${String(img.status)}, properties ${JSON.stringify(props)}`);
      await ok(env, demo(env), ['image', 'delete', IMPORTED]);
      rmSync(dir, { recursive: true, force: true });
    },
  },
];
