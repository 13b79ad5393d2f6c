import { createHash, randomBytes } from 'node:crypto';
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { seedProjectId } from '../identity/seed';

let cloud: DemoCloud;
let demo: string;
let admin: string;
const acct = `/object-store/v1/AUTH_${seedProjectId('demo')}`;

beforeAll(async () => {
  cloud = await startTestCloud();
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(() => cloud.close());

const raw = (method: string, p: string, init: { token?: string; body?: Uint8Array | string; headers?: Record<string, string> } = {}) =>
  fetch(`${cloud.url}${acct}${p}`, { method, body: init.body as BodyInit | undefined, headers: { ...(init.token ? { 'X-Auth-Token': init.token } : {}), ...init.headers } });

describe('object-store', () => {
  it('serves /info without a token', async () => {
    const r = await call(cloud, 'GET', '/object-store/info');
    expect(r.body).toMatchObject({ swift: { account_listing_limit: 10000 } });
  });

  it('creates containers (201 then 202) and lists them', async () => {
    expect((await raw('PUT', '/c1', { token: demo })).status).toBe(201);
    const again = await raw('PUT', '/c1', { token: demo });
    expect(again.status).toBe(202);
    expect(await again.text()).toBe('<html><h1>Accepted</h1><p>The request is accepted for processing.</p></html>');
    const text = await raw('GET', '', { token: demo });
    expect(await text.text()).toBe('c1\n');
    expect(text.headers.get('x-account-container-count')).toBe('1');
    const json = (await call(cloud, 'GET', `${acct}?format=json`, { token: demo })).body as Array<{ name: string; count: number }>;
    expect(json).toEqual([expect.objectContaining({ name: 'c1', count: 0, bytes: 0 })]);
  });

  it('streams an object to disk and back with the md5 ETag', async () => {
    const data = randomBytes(300_000);
    const md5 = createHash('md5').update(data).digest('hex');
    const put = await raw('PUT', '/c1/dir/blob.bin', { token: demo, body: data, headers: { 'X-Object-Meta-Color': 'red' } });
    expect(put.status).toBe(201);
    expect(put.headers.get('etag')).toBe(md5);
    const files = readdirSync(path.join(cloud.core.options.dataDir, 'object-store'));
    expect(files.length).toBeGreaterThan(0);
    const get = await raw('GET', '/c1/dir/blob.bin', { token: demo });
    expect(Buffer.from(await get.arrayBuffer()).equals(data)).toBe(true);
    expect(get.headers.get('content-type')).toBe('application/octet-stream');
    const head = await raw('HEAD', '/c1/dir/blob.bin', { token: demo });
    expect([head.status, head.headers.get('content-length'), head.headers.get('x-object-meta-color')]).toEqual([200, '300000', 'red']);
    const range = await raw('GET', '/c1/dir/blob.bin', { token: demo, headers: { range: 'bytes=10-19' } });
    expect(range.status).toBe(206);
    expect(Buffer.from(await range.arrayBuffer()).equals(data.subarray(10, 20))).toBe(true);
    expect((await raw('PUT', '/c1/x', { token: demo, body: 'abc', headers: { etag: 'deadbeef' } })).status).toBe(422);
  });

  it('keeps or detects the content type', async () => {
    await raw('PUT', '/c1/readme.txt', { token: demo, body: 'hi', headers: { 'content-type': '' } });
    expect((await raw('HEAD', '/c1/readme.txt', { token: demo })).headers.get('content-type')).toBe('text/plain');
    await raw('PUT', '/c1/page', { token: demo, body: '<p>', headers: { 'content-type': 'text/html' } });
    expect((await raw('HEAD', '/c1/page', { token: demo })).headers.get('content-type')).toBe('text/html');
  });

  it('lists with prefix, delimiter, marker, limit and counts', async () => {
    const list = (await call(cloud, 'GET', `${acct}/c1?format=json&delimiter=/`, { token: demo })).body as Array<{ name?: string; subdir?: string; hash?: string }>;
    expect(list.map((x) => x.name ?? x.subdir)).toEqual(['dir/', 'page', 'readme.txt']);
    const prefixed = (await call(cloud, 'GET', `${acct}/c1?format=json&prefix=dir/`, { token: demo })).body as Array<{ name: string; hash: string; bytes: number; content_type: string; last_modified: string }>;
    expect(prefixed[0]).toMatchObject({ name: 'dir/blob.bin', bytes: 300000, content_type: 'application/octet-stream' });
    const after = (await call(cloud, 'GET', `${acct}/c1?format=json&marker=page&limit=1`, { token: demo })).body as Array<{ name: string }>;
    expect(after.map((x) => x.name)).toEqual(['readme.txt']);
    const head = await raw('HEAD', '/c1', { token: demo });
    expect([head.status, head.headers.get('x-container-object-count')]).toEqual([204, '3']);
  });

  it('copies an object with COPY', async () => {
    const r = await raw('COPY', '/c1/page', { token: demo, headers: { destination: '/c1/page-copy' } });
    expect(r.status).toBe(201);
    expect(await (await raw('GET', '/c1/page-copy', { token: demo })).text()).toBe('<p>');
    expect((await raw('DELETE', '/c1/page-copy', { token: demo })).status).toBe(204);
  });

  it('updates metadata with POST', async () => {
    expect((await raw('POST', '/c1', { token: demo, headers: { 'X-Container-Meta-Team': 'a' } })).status).toBe(204);
    expect((await raw('HEAD', '/c1', { token: demo })).headers.get('x-container-meta-team')).toBe('a');
    expect((await raw('POST', '/c1/page', { token: demo, headers: { 'X-Object-Meta-Owner': 'b' } })).status).toBe(202);
    expect((await raw('HEAD', '/c1/page', { token: demo })).headers.get('x-object-meta-owner')).toBe('b');
    expect((await raw('POST', '', { token: demo, headers: { 'X-Account-Meta-Quota': '1' } })).status).toBe(204);
    expect((await raw('HEAD', '', { token: demo })).headers.get('x-account-meta-quota')).toBe('1');
  });

  it('refuses to delete a non-empty container with the HTML 409', async () => {
    const r = await raw('DELETE', '/c1', { token: demo });
    expect(r.status).toBe(409);
    expect(await r.text()).toBe('<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>');
  });

  it('requires a token scoped to the account; public read with .r:*', async () => {
    expect((await raw('GET', '')).status).toBe(401);
    expect((await raw('GET', '', { token: admin })).status).toBe(403);
    expect((await raw('GET', '/c1/page')).status).toBe(401);
    await raw('POST', '/c1', { token: demo, headers: { 'X-Container-Read': '.r:*' } });
    expect((await raw('GET', '/c1/page')).status).toBe(200);
    expect((await raw('PUT', '/c1/page', { body: 'x' })).status).toBe(401);
  });

  it('deletes objects and then the container', async () => {
    for (const o of ['/c1/dir/blob.bin', '/c1/readme.txt', '/c1/page']) expect((await raw('DELETE', o, { token: demo })).status).toBe(204);
    expect((await raw('DELETE', '/c1/page', { token: demo })).status).toBe(404);
    expect((await raw('DELETE', '/c1', { token: demo })).status).toBe(204);
    expect((await raw('GET', '/c1', { token: demo })).status).toBe(404);
    expect((await raw('GET', '', { token: demo })).status).toBe(204);
  });
});
