// CLI conformance steps for Glance: upload with --file, list/show (checksum), download round-trip,
// protected images refuse deletion, and the policy/404 errors.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { check, mustFail, names, oneLine, type Env, type Row, type Step } from './harness';

const NAME = `clic-image-${process.pid}`;
let dir = '';
const file = (n: string) => path.join(dir, n);
const demo = (env: Env) => env.password('demo');

export const imageSteps: Step[] = [
  {
    name: 'image: create --file (qcow2, bare) as demo reaches active',
    async run(env) {
      dir = mkdtempSync(path.join(tmpdir(), 'clic-image-'));
      // A qcow2 header (magic, version 3, 64 KiB clusters, 64 MiB virtual size) then random bytes:
      // Glance reads the virtual size from the header.
      const header = Buffer.alloc(512);
      header.write('QFI\xfb', 0, 'latin1');
      header.writeUInt32BE(3, 4);
      header.writeUInt32BE(16, 20);
      header.writeBigUInt64BE(BigInt(64 * 1024 * 1024), 24);
      const data = Buffer.concat([header, randomBytes(64 * 1024)]);
      writeFileSync(file('upload.qcow2'), data);
      env.vars.imageMd5 = createHash('md5').update(data).digest('hex');
      env.vars.imageSize = String(data.length);
      const img = await env.json<Row>(demo(env), [
        'image', 'create', '--file', file('upload.qcow2'), '--disk-format', 'qcow2', '--container-format', 'bare',
        '--property', 'os_distro=cirros', NAME, '-f', 'json',
      ]);
      env.vars.imageId = String(img.id);
      // The CLI prints the image as created (queued), then uploads; show it again for the result.
      const shown = await env.json<Row>(demo(env), ['image', 'show', env.vars.imageId, '-f', 'json']);
      check(shown.status === 'active', `status ${String(shown.status)}, expected active`);
      check(shown.checksum === env.vars.imageMd5, `checksum ${String(shown.checksum)} is not the file's md5 ${env.vars.imageMd5}`);
    },
  },
  {
    name: 'image: list shows the new image and the public cirros',
    async run(env) {
      const got = names(await env.json(demo(env), ['image', 'list', '-f', 'json']));
      check(got.includes(NAME), `${NAME} missing from ${JSON.stringify(got)}`);
      check(got.includes('cirros'), `cirros missing from ${JSON.stringify(got)}`);
    },
  },
  {
    name: 'image: show has checksum, size, formats and the property',
    async run(env) {
      const img = await env.json<Row>(demo(env), ['image', 'show', env.vars.imageId, '-f', 'json']);
      check(img.name === NAME, `name ${String(img.name)}`);
      check(img.checksum === env.vars.imageMd5, `checksum ${String(img.checksum)}`);
      check(String(img.size) === env.vars.imageSize, `size ${String(img.size)}, expected ${env.vars.imageSize}`);
      check(img.disk_format === 'qcow2' && img.container_format === 'bare', `formats ${String(img.disk_format)}/${String(img.container_format)}`);
      check(JSON.stringify(img.properties).includes('os_distro'), `properties ${JSON.stringify(img.properties)} lack os_distro`);
    },
  },
  {
    name: 'image: save (download) round-trips the bytes',
    async run(env) {
      const r = await env.run(demo(env), ['image', 'save', '--file', file('download.qcow2'), env.vars.imageId]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      const got = readFileSync(file('download.qcow2'));
      check(got.equals(readFileSync(file('upload.qcow2'))), `downloaded ${got.length} bytes differ from the upload`);
    },
  },
  {
    name: 'image: set --protected, then delete is refused',
    async run(env) {
      const r = await env.run(demo(env), ['image', 'set', '--protected', env.vars.imageId]);
      check(r.code === 0, `set exit ${r.code}: ${oneLine(r.stderr)}`);
      const img = await env.json<Row>(demo(env), ['image', 'show', env.vars.imageId, '-f', 'json']);
      check(img.protected === true, `protected is ${String(img.protected)}`);
      await mustFail(env, demo(env), ['image', 'delete', env.vars.imageId], /protected|403|Failed to delete/i);
    },
  },
  {
    name: 'image: set --unprotected, then delete works',
    async run(env) {
      const r = await env.run(demo(env), ['image', 'set', '--unprotected', env.vars.imageId]);
      check(r.code === 0, `set exit ${r.code}: ${oneLine(r.stderr)}`);
      const d = await env.run(demo(env), ['image', 'delete', env.vars.imageId]);
      check(d.code === 0, `delete exit ${d.code}: ${oneLine(d.stderr)}`);
      const got = names(await env.json(demo(env), ['image', 'list', '-f', 'json']));
      check(!got.includes(NAME), `${NAME} still listed`);
      rmSync(dir, { recursive: true, force: true });
    },
  },
  {
    name: 'image: show of a deleted image fails',
    run: (env) => mustFail(env, demo(env), ['image', 'show', env.vars.imageId], /No Image found|Could not find|404/i),
  },
  {
    name: 'image: create --public as demo is forbidden',
    run: (env) =>
      mustFail(env, demo(env), ['image', 'create', '--public', '--disk-format', 'qcow2', '--container-format', 'bare', `${NAME}-public`], /publicize_image|403|Forbidden/i),
  },
];
