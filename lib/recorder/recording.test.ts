import { describe, expect, it } from 'vitest';
import { createdObject, namesOf, readsOnly, recordCall, redactBody, redactCli, REDACTED, splitProxyPath } from './recording';

describe('redaction', () => {
  it('replaces passwords, tokens, payloads, keys and user data at any depth', () => {
    expect(
      redactBody({ auth: { identity: { password: { user: { name: 'demo', password: 'hunter2' } } } }, server: { name: 'a', user_data: 'I2Nsb3Vk', adminPass: 'x' }, payload: 'p', name: 'n' }),
    ).toEqual({ auth: { identity: { password: REDACTED } }, server: { name: 'a', user_data: REDACTED, adminPass: REDACTED }, payload: REDACTED, name: 'n' });
  });
  it('drops text bodies (a zone file) and keeps empty values', () => {
    expect(redactBody('$ORIGIN example.org.')).toBeUndefined();
    expect(redactBody({ user: { password: '' } })).toEqual({ user: { password: '' } });
  });
  it('redacts the values of secret flags in CLI lines, quoted or not', () => {
    expect(redactCli("openstack server rescue --password 's3 cret' web")).toBe(`openstack server rescue --password ${REDACTED} web`);
    expect(redactCli('openstack secret store --payload=abc --name n')).toBe(`openstack secret store --payload ${REDACTED} --name n`);
    expect(redactCli('openstack user set --password-prompt u')).toBe('openstack user set --password-prompt u');
  });
});

describe('recordCall', () => {
  it('splits the proxy path and keeps what was created, never the answer', () => {
    const c = recordCall(
      { method: 'POST', path: '/api/os/compute/servers', body: { server: { name: 'web' } }, cli: 'openstack server create web', at: 5 },
      { outcome: 'sent', status: 202, answer: { server: { id: 'abc', adminPass: 'secret' } } },
    );
    expect(c).toEqual({ at: 5, method: 'POST', service: 'compute', path: 'servers', body: { server: { name: 'web' } }, cli: 'openstack server create web', outcome: 'sent', status: 202, created: { key: 'server', id: 'abc', name: 'web' } });
    expect(JSON.stringify(c)).not.toContain('secret');
  });
  it('records no body for secret payload paths, and nothing outside the proxy', () => {
    expect(recordCall({ method: 'PUT', path: '/api/os/key-manager/v1/secrets/x/payload', body: { a: 1 }, at: 1 }, { outcome: 'dry-run' })?.body).toBeUndefined();
    expect(recordCall({ method: 'POST', path: '/api/auth/login', at: 1 }, { outcome: 'sent' })).toBeUndefined();
  });
  it('a failed or dry-run call created nothing', () => {
    expect(recordCall({ method: 'POST', path: '/api/os/compute/servers', at: 1 }, { outcome: 'failed', status: 409, answer: { server: { id: 'x' } } })?.created).toBeUndefined();
  });
});

describe('createdObject', () => {
  it.each([
    ['a Cinder volume', { volume: { id: 'v', name: 'data' } }, undefined, { key: 'volume', id: 'v', name: 'data' }],
    ['a Nova server (name from the request)', { server: { id: 's' } }, { server: { name: 'web' } }, { key: 'server', id: 's', name: 'web' }],
    ['a Magnum uuid', { cluster: { uuid: 'u' } }, undefined, { key: 'cluster', id: 'u' }],
    ['two keys', { a: { id: 'x' }, b: {} }, undefined, undefined],
    ['no id', { volume: { name: 'x' } }, undefined, undefined],
    ['a list', [{ id: 'x' }], undefined, undefined],
  ])('%s', (_what, answer, request, want) => {
    expect(createdObject('POST', request, answer)).toEqual(want);
  });
  it('only POSTs create', () => expect(createdObject('PUT', undefined, { volume: { id: 'v' } })).toBeUndefined());
});

it.each([
  ['POST', 'compute', 'servers/s/action', { 'os-getConsoleOutput': { length: 50 } }, true],
  ['POST', 'compute', 'servers/s/remote-consoles', { remote_console: { protocol: 'vnc' } }, true],
  ['POST', 'orchestration', 'validate', {}, true],
  ['POST', 'orchestration', 'stacks/preview', {}, true],
  ['PATCH', 'orchestration', 'stacks/web/abc/preview', {}, true],
  ['POST', 'compute', 'servers/s/action', { reboot: { type: 'SOFT' } }, false],
  ['POST', 'orchestration', 'stacks', {}, false],
  ['PATCH', 'orchestration', 'stacks/web/abc', {}, false],
])('readsOnly %s %s /%s', (method, service, path, body, want) => {
  expect(readsOnly(method, service, path, body)).toBe(want);
});

it('splitProxyPath', () => {
  expect(splitProxyPath('/api/os/volumev3/volumes?x=1')).toEqual({ service: 'volumev3', path: 'volumes?x=1' });
  expect(splitProxyPath('/api/auth/login')).toBeUndefined();
});

it('namesOf: captured names, then what calls created', () => {
  const names = namesOf([
    { at: 1, method: 'POST', service: 'compute', path: 'servers', outcome: 'sent', created: { key: 'server', id: 's', name: 'web' }, names: { i: { kind: 'image', name: 'cirros' } } },
  ]);
  expect(Object.fromEntries(names)).toEqual({ i: { kind: 'image', name: 'cirros' }, s: { kind: 'server', name: 'web' } });
});
