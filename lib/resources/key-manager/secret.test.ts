import { describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { itRefuses } from '@/lib/testing/refusals';
import { issueMsg } from '@/lib/i18n/issue';
import { listQuery, offsetPage } from '../hooks';
import { containerCreateCli, containerCreateRequest, ContainerCreateSchema, containerDefinition } from './container';
import { payloadAccept, refId, secretCreateRequest, SecretCreateSchema, secretDefinition, secretPayloadCli, secretStoreCli } from './secret';

const NOW = Date.parse('2026-12-02T00:00:00Z');
/** A zod message in English: a catalog key, or a message with values as its JSON (network/issue.ts). */
const english = (message: string | undefined) => en(issueMsg(message));

const base = { name: 'db', payload: 'hunter2', encoding: 'none', fileName: '', payload_content_type: 'text/plain', secret_type: 'passphrase', algorithm: '', bit_length: '', mode: '', expiration: '', now: NOW } as const;

describe('refId', () => {
  it.each([
    ['http://127.0.0.1:9311/v1/secrets/c2792f81-0b16-488e-9333-e333388fbc08', 'c2792f81-0b16-488e-9333-e333388fbc08'],
    ['https://kms.example/key-manager/v1/containers/abc/', 'abc'],
    ['v1/secrets/x%20y', 'x y'],
    ['', ''],
    [null, ''],
  ])('%s -> %s', (ref, id) => expect(refId(ref)).toBe(id));
});

describe('secret create', () => {
  it('sends only what was given, with the payload and its content type', () => {
    const r = SecretCreateSchema.parse({ ...base, algorithm: 'aes', bit_length: '256', mode: 'cbc', expiration: '2027-01-01T10:30' });
    expect(secretCreateRequest(r)).toEqual({
      method: 'POST', path: 'v1/secrets',
      body: { name: 'db', secret_type: 'passphrase', payload: 'hunter2', payload_content_type: 'text/plain', algorithm: 'aes', bit_length: 256, mode: 'cbc', expiration: '2027-01-01T10:30:00' },
    });
    expect(secretCreateRequest(SecretCreateSchema.parse(base)).body).toEqual({ name: 'db', secret_type: 'passphrase', payload: 'hunter2', payload_content_type: 'text/plain' });
  });
  it('sends a file base64-encoded with payload_content_encoding', () => {
    const r = SecretCreateSchema.parse({ ...base, payload: 'AAEC', encoding: 'base64', fileName: 'key.der', payload_content_type: 'application/octet-stream' });
    expect(secretCreateRequest(r).body).toMatchObject({ payload: 'AAEC', payload_content_encoding: 'base64', payload_content_type: 'application/octet-stream' });
  });
  itRefuses(SecretCreateSchema, base, {
    name: { ' ': 'Enter a name' },
    payload: { '': 'Enter a payload or choose a file' },
    expiration: { '2026-12-01T23:59:59': 'The expiration must be in the future', '2026-12-02T00:00': 'The expiration must be in the future', soon: 'Not a date and time' },
    bit_length: { '12x': 'A whole number of bits', '0': 'At least 1 bit' },
    payload_content_type: { 'application/octet-stream': 'Binary content types need a file (sent base64-encoded)' },
  });
  it('never prints the payload in the CLI line', () => {
    const line = secretStoreCli({ ...base, name: "it's", bit_length: '256' });
    expect(line).toBe(`openstack secret store --name 'it'\\''s' --secret-type passphrase --payload-content-type text/plain --bit-length 256 --payload "$PAYLOAD"`);
    expect(line).not.toContain('hunter2');
    expect(secretStoreCli({ ...base, payload: 'AAEC', encoding: 'base64', fileName: 'my key.der', payload_content_type: 'application/octet-stream' })).toBe(
      // Not --file: barbicanclient would send the raw bytes as text (conformance found it).
      `openstack secret store --name db --secret-type passphrase --payload-content-type application/octet-stream --payload-content-encoding base64 --payload "$(base64 < 'my key.der' | tr -d '\\n')"`,
    );
  });
  it('reads the payload with the right Accept and shows the matching CLI', () => {
    expect(payloadAccept('text/plain')).toBe('text/plain');
    expect(payloadAccept(undefined)).toBe('text/plain');
    expect(payloadAccept('application/octet-stream')).toBe('application/octet-stream');
    expect(payloadAccept('application/pkcs8')).toBe('application/pkcs8');
    const ref = 'http://k/v1/secrets/s1';
    expect(secretPayloadCli({ secret_ref: ref, content_types: { default: 'text/plain' } })).toBe(`openstack secret get --payload ${ref}`);
    expect(secretPayloadCli({ secret_ref: ref, content_types: { default: 'application/octet-stream' } })).toBe(`openstack secret get --payload --payload_content_type application/octet-stream ${ref}`);
  });
});

describe('Barbican list paging and sort', () => {
  it('pages by offset and sorts with sort=<key>:<dir>', () => {
    expect(listQuery(secretDefinition, { filters: { name: 'db', secret_type: 'symmetric' }, sort: { column: 'age', dir: 'desc' }, limit: 50, marker: '50' })).toBe(
      'v1/secrets?name=db&secret_type=symmetric&sort=created%3Adesc&limit=50&offset=50',
    );
    expect(listQuery(containerDefinition, { filters: { type: 'certificate' }, limit: 50 })).toBe('v1/containers?type=certificate&limit=50');
  });
  it('counts the next offset from the envelope', () => {
    expect(offsetPage([1, 2], { next: 'http://k/v1/secrets?limit=2&offset=52', total: 60 }, '50')).toEqual({ items: [1, 2], next: '52', total: 60 });
    expect(offsetPage([1], { total: 1 }, undefined)).toEqual({ items: [1], total: 1 });
    expect(offsetPage([], { next: 'x' }, '0')).toEqual({ items: [] });
  });
  it('takes the id from the ref', () => {
    expect(secretDefinition.id({ secret_ref: 'http://k/v1/secrets/abc' })).toBe('abc');
    expect(containerDefinition.id({ container_ref: 'http://k/v1/containers/c9', type: 'generic', secret_refs: [] })).toBe('c9');
  });
});

describe('container create', () => {
  const ref = (name: string) => ({ name, secret_ref: `http://k/v1/secrets/${name}` });
  it('builds the request and the CLI with one --secret name=ref each', () => {
    const input = ContainerCreateSchema.parse({ name: 'tls', type: 'certificate', refs: [ref('certificate'), ref('private_key')] });
    expect(containerCreateRequest(input)).toEqual({ method: 'POST', path: 'v1/containers', body: { name: 'tls', type: 'certificate', secret_refs: [ref('certificate'), ref('private_key')] } });
    expect(containerCreateCli(input)).toBe('openstack secret container create --name tls --type certificate --secret certificate=http://k/v1/secrets/certificate --secret private_key=http://k/v1/secrets/private_key');
  });
  it.each([
    [{ type: 'generic', refs: [] }, 'refs', 'Add at least one secret'],
    [{ type: 'generic', refs: [ref('a'), ref('a')] }, 'refs.1.name', 'a is used twice'],
    [{ type: 'generic', refs: [{ name: 'a', secret_ref: '' }] }, 'refs.0.secret_ref', 'Pick a secret'],
    [{ type: 'certificate', refs: [ref('private_key')] }, 'refs', 'A certificate container needs certificate'],
    [{ type: 'rsa', refs: [ref('public_key'), ref('certificate')] }, 'refs.1.name', 'A rsa container takes public_key, private_key, private_key_passphrase'],
  ])('refuses %j', (patch, path, message) => {
    const r = ContainerCreateSchema.safeParse({ name: 'c', ...patch });
    expect(r.success).toBe(false);
    expect(english(r.error?.issues.find((i) => i.path.join('.') === path)?.message)).toBe(message);
  });
});

it('names every container problem at once (an empty name does not hide the missing certificate)', () => {
  const r = ContainerCreateSchema.safeParse({ name: '', type: 'certificate', refs: [{ name: 'private_key', secret_ref: '' }] });
  expect(r.error?.issues.map((i) => `${i.path.join('.')}: ${english(i.message)}`)).toEqual([
    'name: Enter a name',
    'refs.0.secret_ref: Pick a secret',
    'refs: A certificate container needs certificate',
  ]);
});

describe('metadata text', () => {
  const parseMetadataText = secretDefinition.metadata!.parse;
  it('parses key=value lines, lowercasing keys as Barbican does', () => {
    expect(parseMetadataText('Env=prod\n\n team = a=b ')).toEqual({ metadata: { env: 'prod', team: 'a=b' } });
    expect(parseMetadataText('')).toEqual({ metadata: {} });
  });
  it.each([
    ['novalue', 'Line 1: write key=value'],
    ['a=1\nbad key=2', 'Line 2: keys take letters, digits, _, . and - only'],
    ['A=1\na=2', 'Line 2: a appears twice (keys are not case-sensitive)'],
  ])('refuses %j', (text, error) => {
    const r = parseMetadataText(text);
    expect('error' in r && en(r.error)).toBe(error);
  });
});

describe('detail declarations', () => {
  const s = { secret_ref: 'http://k/v1/secrets/a b', content_types: { default: 'application/octet-stream' } };
  it('reveals the payload at /payload with the Accept its content type needs, or says there is none', () => {
    expect(secretDefinition.reveal?.request(s)).toEqual({ path: 'v1/secrets/a%20b/payload', accept: 'application/octet-stream' });
    expect(secretDefinition.reveal?.empty?.(s)).toBeUndefined();
    expect(en(secretDefinition.reveal?.empty?.({ secret_ref: 'http://k/v1/secrets/m', content_types: null }))).toBe('This secret has no payload yet.');
  });
  it('replaces the metadata as a whole with a PUT', () => {
    expect(secretDefinition.metadata?.request(s, { env: 'prod' })).toEqual({ method: 'PUT', path: 'v1/secrets/a%20b/metadata', body: { metadata: { env: 'prod' } } });
    expect(secretDefinition.metadata?.schema.parse({ metadata: { env: 'prod' }, other: 1 })).toEqual({ env: 'prod' });
  });
  it('deletes by the ref and quotes the CLI with it', () => {
    const del = containerDefinition.actions?.find((a) => a.id === 'delete');
    const c = { container_ref: 'http://k/v1/containers/c9', name: 'tls', type: 'generic', secret_refs: [] };
    expect(del?.request(c)).toEqual({ method: 'DELETE', path: 'v1/containers/c9' });
    expect(del?.cli(c)).toBe('openstack secret container delete http://k/v1/containers/c9');
    expect(en(del?.confirm?.body([c]))).toBe('This deletes tls. The secrets it references are kept.');
  });
});
