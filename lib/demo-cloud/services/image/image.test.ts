import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';
import { identityService } from '../identity';
import { seedProjectId } from '../identity/seed';
import { createImageFromServer, findImage, imageVisibleTo } from './api';
import { importUriAllowed } from './import-filter';
import { imageService } from './index';

type Img = Record<string, unknown> & { id: string; name: string; status: string };
const PATCH = { 'Content-Type': 'application/openstack-images-v2.1-json-patch' };

let cloud: DemoCloud;
let demo: string;
let admin: string;
let team: string;

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 100, failureFixtures: true, services: [identityService, imageService] });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
  team = await login(cloud, 'demo', 'demo-team');
});
afterAll(async () => {
  await cloud.close();
});

const create = async (body: Record<string, unknown>, token = demo) => call(cloud, 'POST', '/image/v2/images', { token, body });
const upload = (id: string, data: Buffer, token = demo) =>
  fetch(`${cloud.url}/image/v2/images/${id}/file`, {
    method: 'PUT',
    headers: { 'X-Auth-Token': token, 'Content-Type': 'application/octet-stream' },
    body: new Uint8Array(data),
  });
const list = async (q = '', token = demo) => (await call(cloud, 'GET', `/image/v2/images${q}`, { token })).body as { images: Img[]; next?: string; first: string };

describe('discovery', () => {
  it('serves the version documents, v2.16 CURRENT', async () => {
    const root = await call(cloud, 'GET', '/image/');
    expect(root.status).toBe(300);
    const versions = (root.body as { versions: Array<{ id: string; status: string; links: Array<{ href: string }> }> }).versions;
    expect(versions).toHaveLength(17);
    expect(versions[0]).toMatchObject({ id: 'v2.16', status: 'CURRENT' });
    expect(versions[0].links[0].href).toBe(`${cloud.url}/image/v2/`);
    expect((await call(cloud, 'GET', '/image/versions')).status).toBe(200);
  });
  it('serves the schemas and import info', async () => {
    const schema = (await call(cloud, 'GET', '/image/v2/schemas/image', { token: demo })).body as { name: string; properties: Record<string, unknown> };
    expect(schema.name).toBe('image');
    expect(schema.properties).toHaveProperty('disk_format');
    const info = (await call(cloud, 'GET', '/image/v2/info/import', { token: demo })).body;
    expect(info).toEqual({ 'import-methods': { description: 'Import methods available.', type: 'array', value: ['glance-direct', 'web-download'] } });
  });
  it('needs a token', async () => {
    const r = await call(cloud, 'GET', '/image/v2/images');
    expect(r.status).toBe(401);
    expect(r.headers.get('content-type')).toContain('text/html');
  });
});

describe('seed', () => {
  it('has public cirros, ubuntu-22.04 and fail-image with data', async () => {
    const images = (await list()).images;
    const byName = Object.fromEntries(images.map((i) => [i.name, i]));
    expect(Object.keys(byName)).toEqual(expect.arrayContaining(['cirros', 'ubuntu-22.04', 'fail-image']));
    expect(byName['ubuntu-22.04']).toMatchObject({ min_disk: 3, os_distro: 'ubuntu', disk_format: 'qcow2', visibility: 'public', status: 'active' });
    const dl = await fetch(`${cloud.url}/image/v2/images/${byName.cirros.id}/file`, { headers: { 'X-Auth-Token': demo } });
    const bytes = Buffer.from(await dl.arrayBuffer());
    expect(dl.status).toBe(200);
    expect(createHash('md5').update(bytes).digest('hex')).toBe(byName.cirros.checksum);
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('QFI\xfb');
  });
});

describe('create, upload, download', () => {
  it('goes queued -> active with checksum, sha512 and size, streamed to the data dir', async () => {
    const r = await create({ name: 'up', disk_format: 'raw', container_format: 'bare', os_distro: 'x', tags: ['a', 'a'] });
    expect(r.status).toBe(201);
    const img = r.body as Img;
    expect(img).toMatchObject({ status: 'queued', visibility: 'shared', size: null, checksum: null, tags: ['a'], os_distro: 'x', self: `/v2/images/${img.id}` });
    expect(r.headers.get('location')).toBe(`${cloud.url}/image/v2/images/${img.id}`);
    const empty = await fetch(`${cloud.url}/image/v2/images/${img.id}/file`, { headers: { 'X-Auth-Token': demo } });
    expect(empty.status).toBe(204);

    const data = randomBytes(300_000);
    expect((await upload(img.id, data)).status).toBe(204);
    const shown = (await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).body as Img;
    expect(shown).toMatchObject({
      status: 'active',
      size: data.length,
      virtual_size: data.length,
      checksum: createHash('md5').update(data).digest('hex'),
      os_hash_algo: 'sha512',
      os_hash_value: createHash('sha512').update(data).digest('hex'),
      stores: 'file',
    });
    expect(existsSync(path.join(cloud.core.options.dataDir, 'images', img.id))).toBe(true);
    const dl = await fetch(`${cloud.url}/image/v2/images/${img.id}/file`, { headers: { 'X-Auth-Token': demo } });
    expect(dl.headers.get('content-md5')).toBe(shown.checksum);
    expect(Buffer.from(await dl.arrayBuffer()).equals(data)).toBe(true);

    const again = await upload(img.id, data);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('Image status transition from active to saving is not allowed');

    expect((await call(cloud, 'DELETE', `/image/v2/images/${img.id}`, { token: demo })).status).toBe(204);
    expect(existsSync(path.join(cloud.core.options.dataDir, 'images', img.id))).toBe(false);
    expect(readdirSync(path.join(cloud.core.options.dataDir, 'images')).some((f) => f.endsWith('.part'))).toBe(false);
  });

  it.each([
    [{ name: 'x', visibility: 'public' }, 403, 'You are not authorized to complete publicize_image action.'],
    [{ name: 'x', disk_format: 'foo' }, 400, "'foo' is not one of [None, 'ami'"],
    [{ name: 'x', container_format: 'zip' }, 400, 'is not one of'],
    [{ name: 'x', status: 'active' }, 403, "Attribute 'status' is read-only."],
    [{ name: 'x', foo: 5 }, 400, "5 is not of type 'string'"],
    [{ name: 'x', min_disk: -1 }, 400, "Invalid value '-1' for parameter 'min_disk': Cannot be a negative value"],
    [{ name: 'x', protected: 'yes' }, 400, "'yes' is not of type 'boolean'"],
    [{ name: 'x', id: 'not-a-uuid' }, 400, 'does not match'],
  ])('refuses %j with %i', async (body, status, message) => {
    const r = await call(cloud, 'POST', '/image/v2/images', { token: demo, body, headers: { Accept: 'application/json' } });
    expect(r.status).toBe(status);
    expect((r.body as { message: string }).message).toContain(message);
  });

  it('answers malformed JSON with 400 (HTML without Accept: application/json)', async () => {
    const r = await call(cloud, 'POST', '/image/v2/images', { token: demo, rawBody: '{"name": ', headers: { 'Content-Type': 'application/json' } });
    expect(r.status).toBe(400);
    expect(r.headers.get('content-type')).toContain('text/html');
    expect(String(r.body)).toContain('<h1>400 Bad Request</h1>');
    expect(String(r.body)).toContain('Malformed JSON in request body.');
  });

  it('lets admin create public images', async () => {
    const r = await create({ name: 'pub', visibility: 'public' }, admin);
    expect(r.status).toBe(201);
    expect((r.body as Img).visibility).toBe('public');
  });
});

describe('patch, tags, protected', () => {
  it('applies add/replace/remove and refuses read-only fields', async () => {
    const img = (await create({ name: 'p1', disk_format: 'qcow2', container_format: 'bare' })).body as Img;
    const ok = await call(cloud, 'PATCH', `/image/v2/images/${img.id}`, {
      token: demo,
      headers: PATCH,
      rawBody: JSON.stringify([
        { op: 'replace', path: '/name', value: 'p2' },
        { op: 'add', path: '/hw_disk_bus', value: 'scsi' },
        { op: 'replace', path: '/min_ram', value: 512 },
      ]),
    });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ name: 'p2', hw_disk_bus: 'scsi', min_ram: 512 });
    const rm = await call(cloud, 'PATCH', `/image/v2/images/${img.id}`, { token: demo, headers: PATCH, rawBody: JSON.stringify([{ op: 'remove', path: '/hw_disk_bus' }]) });
    expect(rm.body).not.toHaveProperty('hw_disk_bus');

    const cases: Array<[unknown, number]> = [
      [[{ op: 'replace', path: '/status', value: 'active' }], 403],
      [[{ op: 'remove', path: '/nope' }], 409],
      [[{ op: 'foo', path: '/name', value: 'x' }], 400],
      [[{ op: 'replace', path: '/visibility', value: 'public' }], 403],
      [[{ op: 'replace', path: '/name', value: 'ok' }, { op: 'replace', path: '/checksum', value: 'x' }], 403],
    ];
    for (const [ops, status] of cases) {
      const r = await call(cloud, 'PATCH', `/image/v2/images/${img.id}`, { token: demo, headers: PATCH, rawBody: JSON.stringify(ops) });
      expect(r.status, JSON.stringify(ops)).toBe(status);
    }
    // The failing batch changed nothing.
    expect(((await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).body as Img).name).toBe('p2');
    const wrongType = await call(cloud, 'PATCH', `/image/v2/images/${img.id}`, { token: demo, body: [] });
    expect(wrongType.status).toBe(415);
    expect(wrongType.headers.get('accept-patch')).toContain('application/openstack-images-v2.1-json-patch');
  });

  it('adds and removes tags', async () => {
    const img = (await create({ name: 't' })).body as Img;
    expect((await call(cloud, 'PUT', `/image/v2/images/${img.id}/tags/blue`, { token: demo })).status).toBe(204);
    expect(((await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).body as Img).tags).toEqual(['blue']);
    expect((await list('?tag=blue')).images.map((i) => i.id)).toEqual([img.id]);
    expect((await call(cloud, 'DELETE', `/image/v2/images/${img.id}/tags/blue`, { token: demo })).status).toBe(204);
    expect((await call(cloud, 'DELETE', `/image/v2/images/${img.id}/tags/blue`, { token: demo })).status).toBe(404);
  });

  it('refuses to delete a protected image with 403, then deletes it once unprotected', async () => {
    const img = (await create({ name: 'prot', protected: true })).body as Img;
    const r = await call(cloud, 'DELETE', `/image/v2/images/${img.id}`, { token: demo, headers: { Accept: 'application/json' } });
    expect(r.status).toBe(403);
    expect((r.body as { message: string }).message).toContain(`Image ${img.id} is protected and cannot be deleted.`);
    await call(cloud, 'PATCH', `/image/v2/images/${img.id}`, { token: demo, headers: PATCH, rawBody: JSON.stringify([{ op: 'replace', path: '/protected', value: false }]) });
    expect((await call(cloud, 'DELETE', `/image/v2/images/${img.id}`, { token: demo })).status).toBe(204);
    expect((await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).status).toBe(404);
    expect((await call(cloud, 'DELETE', `/image/v2/images/${img.id}`, { token: demo })).status).toBe(404);
  });
});

describe('tenancy and listing', () => {
  it('hides private images from other projects and forbids changing public ones', async () => {
    const img = (await create({ name: 'mine', visibility: 'private' })).body as Img;
    expect((await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: team })).status).toBe(404);
    expect((await list('', team)).images.some((i) => i.id === img.id)).toBe(false);
    expect((await list('', admin)).images.some((i) => i.id === img.id)).toBe(true);
    const cirros = (await list('?name=cirros')).images[0];
    const r = await call(cloud, 'DELETE', `/image/v2/images/${cirros.id}`, { token: demo });
    expect(r.status).toBe(403);
    expect(String(r.body)).toContain('You do not own this image');
  });

  it('shares images with members (pending until accepted)', async () => {
    const img = (await create({ name: 'shared-one' })).body as Img;
    const teamId = seedProjectId('demo-team');
    expect((await call(cloud, 'POST', `/image/v2/images/${img.id}/members`, { token: demo, body: { member: teamId } })).status).toBe(200);
    expect((await list('', team)).images.some((i) => i.id === img.id)).toBe(false);
    expect((await list('?member_status=pending&visibility=shared', team)).images.some((i) => i.id === img.id)).toBe(true);
    await call(cloud, 'PUT', `/image/v2/images/${img.id}/members/${teamId}`, { token: team, body: { status: 'accepted' } });
    expect((await list('', team)).images.some((i) => i.id === img.id)).toBe(true);
  });

  it('pages with limit/marker and next/first links, sorts, and validates', async () => {
    const page1 = await list('?limit=2&sort=name:asc');
    expect(page1.images).toHaveLength(2);
    expect(page1.first).toBe('/v2/images?limit=2&sort=name%3Aasc');
    expect(page1.next).toContain(`marker=${page1.images[1].id}`);
    const page2 = await list(`?limit=2&sort=name:asc&marker=${page1.images[1].id}`);
    expect(page2.images[0].name >= page1.images[1].name).toBe(true);
    expect((await call(cloud, 'GET', '/image/v2/images?sort_key=foo', { token: demo })).status).toBe(400);
    expect((await call(cloud, 'GET', '/image/v2/images?limit=x', { token: demo })).status).toBe(400);
    expect((await call(cloud, 'GET', '/image/v2/images?visibility=foo', { token: demo })).status).toBe(400);
    expect((await call(cloud, 'GET', '/image/v2/images?marker=nope', { token: demo })).status).toBe(400);
    expect((await list('?os_distro=ubuntu')).images.map((i) => i.name)).toEqual(['ubuntu-22.04']);
  });
});

describe('cross-service contract', () => {
  it('creates server snapshots queued -> saving -> active', async () => {
    const projectId = seedProjectId('demo');
    const img = createImageFromServer(cloud.core, { name: 'snap', projectId, serverId: 'srv-1', metadata: { a: 'b' }, minDisk: 1, minRam: 64, diskFormat: 'qcow2', containerFormat: 'bare' });
    expect(img.status).toBe('queued');
    expect(img.properties).toMatchObject({ image_type: 'snapshot', instance_uuid: 'srv-1', a: 'b' });
    expect(imageVisibleTo(cloud.core, img, projectId, false)).toBe(true);
    expect(imageVisibleTo(cloud.core, img, seedProjectId('demo-team'), false)).toBe(false);
    await new Promise((r) => setTimeout(r, 60));
    const settled = findImage(cloud.core, img.id);
    expect(settled).toMatchObject({ status: 'active', min_disk: 1, min_ram: 64 });
    expect(settled?.checksum).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('image import (web-download)', () => {
  it('filters URIs as Glance does by default (http/https, ports 80 and 443, no loopback or link-local)', async () => {
    const names: Record<string, string[]> = { 'example.com.': ['93.184.215.14'], 'localhost.': ['127.0.0.1', '::1'] };
    const resolve = async (host: string) => {
      if (!names[host]) throw new Error('NXDOMAIN');
      return names[host];
    };
    const allowed = (uri: unknown) => importUriAllowed(uri, { resolve });
    expect(await allowed('http://example.com/a.img')).toBe(true);
    expect(await allowed('https://example.com:443/a.img')).toBe(true);
    expect(await allowed('http://192.0.2.2/a.img')).toBe(true);
    expect(await allowed('http://example.com:8080/a.img')).toBe(false);
    // Loopback, link-local (metadata), encoded IPs and names that do not resolve are refused, as the real cloud does.
    expect(await allowed('http://127.0.0.1/a.img')).toBe(false);
    expect(await allowed('http://localhost/a.img')).toBe(false);
    expect(await allowed('http://169.254.169.254/latest')).toBe(false);
    expect(await allowed('http://[::ffff:127.0.0.1]/a.img')).toBe(false);
    expect(await allowed('http://127.1/a.img')).toBe(false);
    expect(await allowed('http://2130706433/a.img')).toBe(false);
    expect(await allowed('http://nowhere.invalid/a.img')).toBe(false);
    expect(await allowed('ftp://example.com/a.img')).toBe(false);
    expect(await allowed('not a url')).toBe(false);
    expect(await allowed(undefined)).toBe(false);
  });
  it('refuses unknown methods, unstaged glance-direct, filtered URIs and non-queued images', async () => {
    const img = (await create({ name: 'import-me', disk_format: 'raw', container_format: 'bare' })).body as Img;
    const imp = (method: unknown) => call(cloud, 'POST', `/image/v2/images/${img.id}/import`, { token: demo, body: { method } });
    const bogus = await imp({ name: 'bogus' });
    expect(bogus.status).toBe(400);
    expect(String(bogus.body)).toContain('Unknown import method name');
    const direct = await imp({ name: 'glance-direct' });
    expect(direct.status).toBe(409);
    expect(String(direct.body)).toContain('needs to be staged');
    const filtered = await imp({ name: 'web-download', uri: 'http://127.0.0.1:9/x.img' });
    expect(filtered.status).toBe(400);
    expect(String(filtered.body)).toContain('URI for web-download does not pass filtering: http://127.0.0.1:9/x.img');
    expect((await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).body).toMatchObject({ status: 'queued' });
    expect((await upload(img.id, Buffer.from('abc'))).status).toBe(204);
    const active = await imp({ name: 'web-download', uri: 'http://example.com/x.img' });
    expect(active.status).toBe(409);
    expect(String(active.body)).toContain('Image with status active cannot be target for import');
  });
});

describe('deactivate and reactivate', () => {
  it('lets the owner deactivate: members get 403 on download, admins still read it; reactivate restores it', async () => {
    const img = (await create({ name: 'deact', disk_format: 'raw', container_format: 'bare' })).body as Img;
    const data = randomBytes(512);
    expect((await upload(img.id, data)).status).toBe(204);
    const act = (action: string, token = demo) => call(cloud, 'POST', `/image/v2/images/${img.id}/actions/${action}`, { token });
    expect((await act('deactivate')).status).toBe(204);
    expect((await act('deactivate')).status).toBe(204); // a no-op when already deactivated
    expect(((await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).body as Img).status).toBe('deactivated');
    const denied = await call(cloud, 'GET', `/image/v2/images/${img.id}/file`, { token: demo });
    expect(denied.status).toBe(403);
    expect(String(denied.body)).toContain('The requested image has been deactivated. Image data download is forbidden.');
    const asAdmin = await fetch(`${cloud.url}/image/v2/images/${img.id}/file`, { headers: { 'X-Auth-Token': admin } });
    expect(asAdmin.status).toBe(200);
    expect(Buffer.from(await asAdmin.arrayBuffer()).equals(data)).toBe(true);
    expect((await act('reactivate')).status).toBe(204);
    expect((await call(cloud, 'GET', `/image/v2/images/${img.id}/file`, { token: demo })).status).toBe(200);
  });

  it('refuses other projects and images that are not active', async () => {
    const cirros = (await list('?name=cirros')).images[0];
    const r = await call(cloud, 'POST', `/image/v2/images/${cirros.id}/actions/deactivate`, { token: demo });
    expect(r.status).toBe(403);
    expect(String(r.body)).toContain('You do not own this image');
    const queued = (await create({ name: 'never-uploaded' })).body as Img;
    const q = await call(cloud, 'POST', `/image/v2/images/${queued.id}/actions/deactivate`, { token: demo });
    expect(q.status).toBe(403);
    expect(String(q.body)).toContain('Not allowed to deactivate image in status &#x27;queued&#x27;'); // webob escapes quotes
  });
});

describe('web-download import', () => {
  it('goes back to queued with os_glance_failed_import=file when the URL cannot be fetched', async () => {
    const img = (await create({ name: 'imp', disk_format: 'raw', container_format: 'bare' })).body as Img;
    // 192.0.2.1 (TEST-NET-1) passes the filter; the fetch fails (no route, or refused), as offline Glance's does.
    const r = await call(cloud, 'POST', `/image/v2/images/${img.id}/import`, { token: demo, body: { method: { name: 'web-download', uri: 'http://192.0.2.1/none.img' } } });
    expect(r.status).toBe(202);
    let doc: Img = img;
    for (let i = 0; i < 100 && doc.os_glance_failed_import !== 'file'; i++) {
      await new Promise((res) => setTimeout(res, 20));
      doc = (await call(cloud, 'GET', `/image/v2/images/${img.id}`, { token: demo })).body as Img;
    }
    expect(doc).toMatchObject({ status: 'queued', os_glance_failed_import: 'file', os_glance_importing_to_stores: '' });
  });
});
