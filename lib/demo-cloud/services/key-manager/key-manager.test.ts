import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoCloud } from '../../server';
import { call, login, startTestCloud } from '../../test-helpers';

let cloud: DemoCloud;
let demo: string;
let admin: string;
const idOf = (ref: string) => ref.split('/').pop()!;

beforeAll(async () => {
  cloud = await startTestCloud({ speed: 100 });
  demo = await login(cloud, 'demo', 'demo');
  admin = await login(cloud, 'admin', 'admin');
});
afterAll(() => cloud.close());

async function store(body: unknown, token = demo): Promise<string> {
  const r = await call(cloud, 'POST', '/key-manager/v1/secrets', { token, body });
  expect(r.status).toBe(201);
  return idOf((r.body as { secret_ref: string }).secret_ref);
}

describe('key-manager: versions and microversions', () => {
  it('answers 300 at the root and 200 at /v1', async () => {
    expect((await call(cloud, 'GET', '/key-manager/')).status).toBe(300);
    const v1 = await call(cloud, 'GET', '/key-manager/v1');
    expect(v1.body).toMatchObject({ version: { id: 'v1', status: 'stable' } });
    expect(v1.headers.get('openstack-api-version')).toBe('key-manager 1.0');
  });
  it('echoes 1.1 and latest, refuses 1.9 with 406', async () => {
    const h = (v: string) => ({ token: demo, headers: { 'OpenStack-API-Version': `key-manager ${v}` } });
    expect((await call(cloud, 'GET', '/key-manager/v1/secrets', h('1.1'))).headers.get('openstack-api-version')).toBe('key-manager 1.1');
    expect((await call(cloud, 'GET', '/key-manager/v1/secrets', h('latest'))).headers.get('openstack-api-version')).toBe('key-manager 1.1');
    const bad = await call(cloud, 'GET', '/key-manager/v1/secrets', h('1.9'));
    expect(bad.status).toBe(406);
    expect(String(bad.body)).toContain('Invalid microversion: Unacceptable version header: 1.9');
    const meta = await call(cloud, 'GET', '/key-manager/v1/secrets', h('1.1'));
    expect((meta.body as { secrets: Array<Record<string, unknown>> }).secrets[0].consumers).toEqual([]);
  });
});

describe('key-manager: secrets', () => {
  it('seeds demo-secret in project demo only', async () => {
    const list = (await call(cloud, 'GET', '/key-manager/v1/secrets?name=demo-secret', { token: demo })).body as { total: number };
    expect(list.total).toBe(1);
    const other = (await call(cloud, 'GET', '/key-manager/v1/secrets?name=demo-secret', { token: admin })).body as { total: number };
    expect(other.total).toBe(0);
  });

  it('stores a text secret and returns its payload', async () => {
    const id = await store({ name: 't1', payload: 'hello', payload_content_type: 'text/plain', secret_type: 'passphrase' });
    const meta = await call(cloud, 'GET', `/key-manager/v1/secrets/${id}`, { token: demo });
    expect(meta.body).toMatchObject({ name: 't1', status: 'ACTIVE', secret_type: 'passphrase', content_types: { default: 'text/plain' } });
    const p = await call(cloud, 'GET', `/key-manager/v1/secrets/${id}/payload`, { token: demo, headers: { accept: 'text/plain' } });
    expect([p.status, p.body, p.headers.get('content-type')]).toEqual([200, 'hello', 'text/plain; charset=UTF-8']);
    const legacy = await call(cloud, 'GET', `/key-manager/v1/secrets/${id}`, { token: demo, headers: { accept: 'text/plain' } });
    expect(legacy.body).toBe('hello');
    const wrong = await call(cloud, 'GET', `/key-manager/v1/secrets/${id}/payload`, { token: demo, headers: { accept: 'image/png' } });
    expect(wrong.status).toBe(406);
    expect(wrong.body).toMatchObject({ description: 'Secret payload retrieval issue seen - Wrong payload content-type.' });
  });

  it('decodes base64 binary payloads', async () => {
    const id = await store({ name: 'k', payload: Buffer.from([0, 1, 2, 255]).toString('base64'), payload_content_type: 'application/octet-stream', payload_content_encoding: 'base64', algorithm: 'aes', bit_length: 256, mode: 'cbc', secret_type: 'symmetric' });
    const res = await fetch(`${cloud.url}/key-manager/v1/secrets/${id}/payload`, { headers: { 'X-Auth-Token': demo, accept: 'application/octet-stream' } });
    expect([...new Uint8Array(await res.arrayBuffer())]).toEqual([0, 1, 2, 255]);
    const list = (await call(cloud, 'GET', '/key-manager/v1/secrets?alg=aes&bits=256&mode=cbc', { token: demo })).body as { secrets: { name: string }[] };
    expect(list.secrets.map((s) => s.name)).toEqual(['k']);
  });

  it('supports metadata-only create then PUT of the payload', async () => {
    const id = await store({ name: 'later' });
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}/payload`, { token: demo, headers: { accept: 'text/plain' } })).status).toBe(404);
    const put = await call(cloud, 'PUT', `/key-manager/v1/secrets/${id}`, { token: demo, rawBody: 'data', headers: { 'content-type': 'text/plain' } });
    expect(put.status).toBe(204);
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}/payload`, { token: demo, headers: { accept: 'text/plain' } })).body).toBe('data');
    const again = await call(cloud, 'PUT', `/key-manager/v1/secrets/${id}`, { token: demo, rawBody: 'x', headers: { 'content-type': 'text/plain' } });
    expect(again.status).toBe(409);
  });

  it('rejects bad input like Barbican', async () => {
    const post = (body: unknown) => call(cloud, 'POST', '/key-manager/v1/secrets', { token: demo, body });
    expect((await post({ payload: 'x' })).body).toMatchObject({ code: 400, title: 'Bad Request', description: expect.stringContaining("'payload_content_type' must also be supplied") });
    expect((await post({ payload: 'x', payload_content_type: 'text/plain', expiration: '2020-01-01T00:00:00' })).body).toMatchObject({ description: expect.stringContaining('before current time') });
    expect((await post({ secret_type: 'weird' })).status).toBe(400);
    expect((await post({ payload: 'x', payload_content_type: 'text/html' })).status).toBe(400);
    expect((await post({ payload: 'x', payload_content_type: 'application/octet-stream' })).status).toBe(400);
    const malformed = await call(cloud, 'POST', '/key-manager/v1/secrets', { token: demo, rawBody: '{', headers: { 'content-type': 'application/json' } });
    expect(malformed.body).toEqual({ code: 400, title: 'Bad Request', description: 'Malformed JSON' });
    expect((await call(cloud, 'GET', '/key-manager/v1/secrets/00000000-0000-0000-0000-000000000000', { token: demo })).status).toBe(404);
  });

  it('hides expired secrets', async () => {
    const soon = new Date(Date.now() + 2500).toISOString();
    const id = await store({ name: 'short', payload: 'x', payload_content_type: 'text/plain', expiration: soon });
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}`, { token: demo })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 2600));
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}`, { token: demo })).status).toBe(404);
  });

  it('paginates with total, next and previous', async () => {
    for (let i = 0; i < 3; i++) await store({ name: `page-${i}` });
    const p = (await call(cloud, 'GET', '/key-manager/v1/secrets?limit=2&offset=1', { token: demo })).body as { secrets: unknown[]; next?: string; previous?: string; total: number };
    expect(p.secrets).toHaveLength(2);
    expect(p.next).toContain('offset=3');
    expect(p.previous).toContain('offset=0');
    expect(p.total).toBeGreaterThanOrEqual(4);
  });

  it('forbids creation without creator or admin', async () => {
    // demo has creator; strip it through an application credential restricted to member/reader.
    const uid = (await call(cloud, 'GET', '/identity/v3/auth/tokens', { token: demo, headers: { 'X-Subject-Token': demo } })).body as { token: { user: { id: string } } };
    const ac = await call(cloud, 'POST', `/identity/v3/users/${uid.token.user.id}/application_credentials`, {
      token: demo, body: { application_credential: { name: 'km-member', roles: [{ name: 'member' }] } },
    });
    const { id, secret } = (ac.body as { application_credential: { id: string; secret: string } }).application_credential;
    const t = await call(cloud, 'POST', '/identity/v3/auth/tokens', { body: { auth: { identity: { methods: ['application_credential'], application_credential: { id, secret } } } } });
    const token = t.headers.get('x-subject-token')!;
    const r = await call(cloud, 'POST', '/key-manager/v1/secrets', { token, body: { name: 'nope' } });
    expect(r.status).toBe(403);
    expect(r.body).toMatchObject({ description: 'Secret creation attempt not allowed - please review your user/project privileges' });
    expect((await call(cloud, 'GET', '/key-manager/v1/secrets', { token })).status).toBe(200);
  });

  it('deletes, then 404s', async () => {
    const id = await store({ name: 'gone' });
    expect((await call(cloud, 'DELETE', `/key-manager/v1/secrets/${id}`, { token: demo })).status).toBe(204);
    expect((await call(cloud, 'DELETE', `/key-manager/v1/secrets/${id}`, { token: demo })).status).toBe(404);
    expect((await call(cloud, 'DELETE', `/key-manager/v1/secrets/${id}`, { token: admin })).status).toBe(404);
  });

  it("answers 403 naming the operation for another project's secret", async () => {
    const id = await store({ name: 'mine', payload: 'x', payload_content_type: 'text/plain' });
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}`, { token: admin })).body).toEqual({
      code: 403, title: 'Forbidden', description: 'Secret retrieval attempt not allowed - please review your user/project privileges',
    });
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}/payload`, { token: admin })).status).toBe(403);
    expect((await call(cloud, 'DELETE', `/key-manager/v1/secrets/${id}`, { token: admin })).status).toBe(403);
    expect((await call(cloud, 'GET', `/key-manager/v1/secrets/${id}`, { token: demo })).status).toBe(200);
  });
});

describe('key-manager: containers', () => {
  it('creates, lists, shows and deletes a generic container', async () => {
    const sid = await store({ name: 'for-container', payload: 'x', payload_content_type: 'text/plain' });
    const r = await call(cloud, 'POST', '/key-manager/v1/containers', { token: demo, body: { name: 'c1', type: 'generic', secret_refs: [{ name: 'a', secret_ref: `${cloud.url}/key-manager/v1/secrets/${sid}` }] } });
    expect(r.status).toBe(201);
    const cid = idOf((r.body as { container_ref: string }).container_ref);
    const shown = await call(cloud, 'GET', `/key-manager/v1/containers/${cid}`, { token: demo });
    expect(shown.body).toMatchObject({ name: 'c1', type: 'generic', status: 'ACTIVE', consumers: [], secret_refs: [{ name: 'a' }] });
    expect(((await call(cloud, 'GET', '/key-manager/v1/containers', { token: demo })).body as { total: number }).total).toBe(1);
    expect((await call(cloud, 'GET', `/key-manager/v1/containers/${cid}`, { token: admin })).status).toBe(403);
    expect((await call(cloud, 'DELETE', `/key-manager/v1/containers/${cid}`, { token: demo })).status).toBe(204);
    expect((await call(cloud, 'GET', `/key-manager/v1/containers/${cid}`, { token: demo })).body).toMatchObject({ description: 'Secrets container not found.' });
  });
  it('rejects bad types and unknown secrets', async () => {
    expect((await call(cloud, 'POST', '/key-manager/v1/containers', { token: demo, body: { type: 'bogus' } })).status).toBe(400);
    expect((await call(cloud, 'POST', '/key-manager/v1/containers', { token: demo, body: { name: 'x' } })).body).toMatchObject({ description: expect.stringContaining("'type' is a required property") });
    const unknown = await call(cloud, 'POST', '/key-manager/v1/containers', { token: demo, body: { type: 'generic', secret_refs: [{ name: 'a', secret_ref: 'http://x/v1/secrets/nope' }] } });
    expect(unknown.body).toMatchObject({ description: 'Provided field value is not supported' });
    const missing = await call(cloud, 'POST', '/key-manager/v1/containers', { token: demo, body: { type: 'generic', secret_refs: [{ name: 'a', secret_ref: `${cloud.url}/key-manager/v1/secrets/nope` }] } });
    expect([missing.status, missing.body]).toEqual([404, { code: 404, title: 'Not Found', description: "Secret provided for 'a' doesn't exist." }]);
  });
});

describe('key-manager: secret metadata', () => {
  it('starts empty, is replaced by PUT (201, keys lowercased) and is the owner project\'s only', async () => {
    const id = await store({ name: 'md', payload: 'x', payload_content_type: 'text/plain' });
    const path = `/key-manager/v1/secrets/${id}/metadata`;
    expect((await call(cloud, 'GET', path, { token: demo })).body).toEqual({ metadata: {} });
    const put = await call(cloud, 'PUT', path, { token: demo, body: { metadata: { Env: 'prod', team: 'a' } } });
    expect(put.status).toBe(201);
    expect((put.body as { metadata_ref: string }).metadata_ref).toMatch(new RegExp(`/v1/secrets/${id}/metadata$`));
    expect((await call(cloud, 'GET', path, { token: demo })).body).toEqual({ metadata: { env: 'prod', team: 'a' } });
    await call(cloud, 'PUT', path, { token: demo, body: { metadata: { only: '1' } } });
    expect((await call(cloud, 'GET', path, { token: demo })).body).toEqual({ metadata: { only: '1' } });
    expect((await call(cloud, 'PUT', path, { token: demo, body: { metadata: { n: 1 } } })).status).toBe(400);
    expect((await call(cloud, 'GET', path, { token: admin })).status).toBe(403);
  });
  it('names the certificate reference names when a certificate container has others', async () => {
    const sid = await store({ name: 'cert', payload: 'x', payload_content_type: 'text/plain', secret_type: 'certificate' });
    const r = await call(cloud, 'POST', '/key-manager/v1/containers', { token: demo, body: { type: 'certificate', secret_refs: [{ name: 'public_key', secret_ref: `${cloud.url}/key-manager/v1/secrets/${sid}` }] } });
    expect(r.status).toBe(400);
    expect((r.body as { description: string }).description).toContain("'certificate', 'private_key_passphrase', and 'intermediates' reference names are allowed for Certificate type");
  });
});
