// CLI conformance steps for Swift (python3-swiftclient through openstackclient).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { check, mustFail, oneLine, type Row, type Step } from './harness';

const container = () => `cli-${process.pid}-container`;
const OBJECT = 'dir/data.bin';
let workDir = '';
const local = (name: string) => path.join(workDir, name);

export const objectStoreSteps: Step[] = [
  {
    name: 'object-store: container create',
    async run(env) {
      workDir = mkdtempSync(path.join(tmpdir(), 'cli-swift-'));
      writeFileSync(local('upload.bin'), randomBytes(200_000));
      const rows = await env.json(env.password('demo'), ['container', 'create', container(), '-f', 'json']);
      check(rows.some((r) => r.container === container()), `created ${JSON.stringify(rows)}`);
    },
  },
  {
    name: 'object-store: object create from a file',
    async run(env) {
      const rows = await env.json(env.password('demo'), ['object', 'create', '--name', OBJECT, container(), local('upload.bin'), '-f', 'json']);
      check(rows.some((r) => r.object === OBJECT), `created ${JSON.stringify(rows)}`);
      env.vars.etag = String(rows[0].etag ?? '');
    },
  },
  {
    name: 'object-store: object list and show',
    async run(env) {
      const rows = await env.json(env.password('demo'), ['object', 'list', container(), '-f', 'json']);
      check(rows.some((r) => r.Name === OBJECT), `not listed: ${JSON.stringify(rows)}`);
      const o = await env.json<Row>(env.password('demo'), ['object', 'show', container(), OBJECT, '-f', 'json']);
      check(String(o['content-length']) === '200000', `content-length ${String(o['content-length'])}`);
      check(!env.vars.etag || o.etag === env.vars.etag, `etag ${String(o.etag)} vs ${env.vars.etag}`);
    },
  },
  {
    name: 'object-store: object save gives the same bytes',
    async run(env) {
      const r = await env.run(env.password('demo'), ['object', 'save', '--file', local('download.bin'), container(), OBJECT]);
      check(r.code === 0, `exit ${r.code}: ${oneLine(r.stderr)}`);
      check(readFileSync(local('download.bin')).equals(readFileSync(local('upload.bin'))), 'downloaded bytes differ');
    },
  },
  {
    name: 'object-store: container delete while not empty fails',
    run: (env) => mustFail(env, env.password('demo'), ['container', 'delete', container()], /Conflict|409/),
  },
  {
    name: 'object-store: object delete, then container delete',
    async run(env) {
      const r = await env.run(env.password('demo'), ['object', 'delete', container(), OBJECT]);
      check(r.code === 0, `object delete exit ${r.code}: ${oneLine(r.stderr)}`);
      const c = await env.run(env.password('demo'), ['container', 'delete', container()]);
      check(c.code === 0, `container delete exit ${c.code}: ${oneLine(c.stderr)}`);
      const rows = await env.json(env.password('demo'), ['container', 'list', '-f', 'json']);
      check(!rows.some((x) => x.Name === container()), 'container still listed');
      rmSync(workDir, { recursive: true, force: true });
    },
  },
];
