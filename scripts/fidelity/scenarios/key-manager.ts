import type { Scenario } from '../types';

const name = `fidelity-${process.pid}`;
const ref = (b: unknown) => String((b as { secret_ref?: string; container_ref?: string }).secret_ref ?? (b as { container_ref?: string }).container_ref).split('/').pop() ?? '';
const mv = { 'OpenStack-API-Version': 'key-manager 1.1' };

export const keyManager: Scenario = {
  name: 'key-manager',
  service: 'key-manager',
  calls: [
    { name: 'version document', service: 'key-manager', path: '' },
    { name: 'version v1', service: 'key-manager', path: 'v1' },
    { name: 'secret create', service: 'key-manager', method: 'POST', path: 'v1/secrets', headers: mv, body: { name, payload: 'fidelity payload', payload_content_type: 'text/plain', secret_type: 'passphrase' }, capture: (b, _h, v) => ((v.secret = ref(b)), (v.secretRef = (b as { secret_ref: string }).secret_ref)) },
    {
      name: 'secret create, symmetric base64', service: 'key-manager', method: 'POST', path: 'v1/secrets',
      body: { name: `${name}-key`, payload: 'aGVsbG8gd29ybGQgMTIzNDU2Nzg5MDEy', payload_content_type: 'application/octet-stream', payload_content_encoding: 'base64', algorithm: 'aes', bit_length: 256, mode: 'cbc', secret_type: 'symmetric', expiration: '2099-01-01T00:00:00Z' },
      capture: (b, _h, v) => (v.key = ref(b)),
    },
    { name: 'secret create metadata only', service: 'key-manager', method: 'POST', path: 'v1/secrets', body: { name: `${name}-meta` }, capture: (b, _h, v) => (v.meta = ref(b)) },
    { name: 'secret create, payload without content type', service: 'key-manager', method: 'POST', path: 'v1/secrets', body: { name, payload: 'x' } },
    { name: 'secret create, past expiration', service: 'key-manager', method: 'POST', path: 'v1/secrets', body: { name, payload: 'x', payload_content_type: 'text/plain', expiration: '2020-01-01T00:00:00' } },
    { name: 'secret create, bad secret type', service: 'key-manager', method: 'POST', path: 'v1/secrets', body: { name, secret_type: 'weird' } },
    { name: 'secret create, malformed JSON', service: 'key-manager', method: 'POST', path: 'v1/secrets', rawBody: '{"name": ' },
    { name: 'secret show', service: 'key-manager', path: (v) => `v1/secrets/${v.secret}`, headers: mv },
    { name: 'secret show, another project', as: 'admin', service: 'key-manager', path: (v) => `v1/secrets/${v.secret}` },
    { name: 'secret payload, another project', as: 'admin', service: 'key-manager', path: (v) => `v1/secrets/${v.secret}/payload`, headers: { accept: 'text/plain' } },
    { name: 'secret show symmetric', service: 'key-manager', path: (v) => `v1/secrets/${v.key}` },
    { name: 'secret show metadata only', service: 'key-manager', path: (v) => `v1/secrets/${v.meta}` },
    { name: 'secret payload', service: 'key-manager', path: (v) => `v1/secrets/${v.secret}/payload`, headers: { accept: 'text/plain' }, compareBody: false },
    { name: 'secret payload, wrong accept', service: 'key-manager', path: (v) => `v1/secrets/${v.secret}/payload`, headers: { accept: 'image/png' } },
    { name: 'secret payload, none yet', service: 'key-manager', path: (v) => `v1/secrets/${v.meta}/payload`, headers: { accept: 'text/plain' } },
    { name: 'secret put payload', service: 'key-manager', method: 'PUT', path: (v) => `v1/secrets/${v.meta}`, headers: { 'content-type': 'text/plain' }, rawBody: 'later payload' },
    { name: 'secret put payload again', service: 'key-manager', method: 'PUT', path: (v) => `v1/secrets/${v.meta}`, headers: { 'content-type': 'text/plain' }, rawBody: 'again' },
    { name: 'secret list', service: 'key-manager', path: `v1/secrets?name=${name}`, headers: mv },
    { name: 'secret list, paged', service: 'key-manager', path: 'v1/secrets?limit=1&offset=1' },
    { name: 'secret list, filters', service: 'key-manager', path: 'v1/secrets?alg=aes&bits=256&mode=cbc&secret_type=symmetric&sort=created:desc' },
    { name: 'secret show, unknown', service: 'key-manager', path: 'v1/secrets/00000000-0000-0000-0000-000000000000' },
    { name: 'unsupported microversion', service: 'key-manager', path: 'v1/secrets', headers: { 'OpenStack-API-Version': 'key-manager 1.9' } },
    { name: 'container create', service: 'key-manager', method: 'POST', path: 'v1/containers', body: (v: Record<string, string>) => ({ name, type: 'generic', secret_refs: [{ name: 'a', secret_ref: v.secretRef }] }), capture: (b, _h, v) => (v.container = ref(b)) },
    { name: 'container create, no type', service: 'key-manager', method: 'POST', path: 'v1/containers', body: { name } },
    { name: 'container show, another project', as: 'admin', service: 'key-manager', path: (v) => `v1/containers/${v.container}` },
    { name: 'container create, bad type', service: 'key-manager', method: 'POST', path: 'v1/containers', body: { name, type: 'bogus' } },
    { name: 'container create, foreign secret ref', service: 'key-manager', method: 'POST', path: 'v1/containers', body: { name, type: 'generic', secret_refs: [{ name: 'a', secret_ref: 'http://x/v1/secrets/00000000-0000-0000-0000-000000000000' }] } },
    { name: 'container create, unknown secret', service: 'key-manager', method: 'POST', path: 'v1/containers', body: (v: Record<string, string>) => ({ name, type: 'generic', secret_refs: [{ name: 'a', secret_ref: v.secretRef.replace(/[^/]+$/, '00000000-0000-0000-0000-000000000000') }] }) },
    { name: 'container show', service: 'key-manager', path: (v) => `v1/containers/${v.container}` },
    { name: 'container list', service: 'key-manager', path: 'v1/containers' },
    { name: 'container delete', service: 'key-manager', method: 'DELETE', path: (v) => `v1/containers/${v.container}` },
    { name: 'container show, deleted', service: 'key-manager', path: (v) => `v1/containers/${v.container}` },
    { name: 'secret delete', service: 'key-manager', method: 'DELETE', path: (v) => `v1/secrets/${v.secret}` },
    { name: 'secret delete symmetric', service: 'key-manager', method: 'DELETE', path: (v) => `v1/secrets/${v.key}` },
    { name: 'secret delete metadata only', service: 'key-manager', method: 'DELETE', path: (v) => `v1/secrets/${v.meta}` },
    { name: 'secret delete again', service: 'key-manager', method: 'DELETE', path: (v) => `v1/secrets/${v.secret}` },
  ],
};
