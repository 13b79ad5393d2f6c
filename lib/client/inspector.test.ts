import { beforeEach, describe, expect, it } from 'vitest';
import { en } from '@/lib/testing/english';
import { clearCalls, getCalls, isSecretPath, redact, redactHeaders, showBody, startCall } from './inspector';

const marks = { redacted: en('inspector.redacted')!, tooDeep: en('inspector.tooDeep')! };

describe('API inspector record', () => {
  beforeEach(() => clearCalls());

  it('records proxy calls newest first with status, upstream, timing and request id', () => {
    const done1 = startCall({ method: 'GET', path: '/api/os/compute/servers/detail' });
    const done2 = startCall({ method: 'POST', path: '/api/os/network/v2.0/networks', body: { network: { name: 'n' } } });
    expect(getCalls().map((c) => c.status)).toEqual([0, 0]);
    done1({
      status: 200,
      headers: new Headers({ 'x-stratus-upstream': 'GET http://c/compute/v2.1/servers/detail', 'server-timing': 'upstream;dur=12.5', 'x-compute-request-id': 'req-1' }),
      body: { servers: [] },
    });
    done2({ status: 409, headers: new Headers(), body: JSON.stringify({ error: { message: 'in use', requestId: 'req-2' } }) });
    const [second, first] = getCalls();
    expect(first).toMatchObject({ service: 'compute', status: 200, upstream: 'GET http://c/compute/v2.1/servers/detail', upstreamMs: 12.5, requestId: 'req-1' });
    expect(second).toMatchObject({ service: 'network', status: 409, requestId: 'req-2', requestBody: { network: { name: 'n' } } });
  });

  it('ignores calls that are not OpenStack calls', () => {
    startCall({ method: 'POST', path: '/api/auth/login', body: { password: 'x' } })({ status: 200 });
    expect(getCalls()).toHaveLength(0);
  });

  it('never keeps a secret payload', () => {
    expect(isSecretPath('/api/os/key-manager/v1/secrets/abc/payload')).toBe(true);
    expect(isSecretPath('/api/os/key-manager/v1/secrets/abc')).toBe(false);
    startCall({ method: 'GET', path: '/api/os/key-manager/v1/secrets/abc/payload' })({ status: 200, body: 'hunter2' });
    expect(JSON.stringify(getCalls())).not.toContain('hunter2');
    expect(en(getCalls()[0].responseNote)).toBe('[secret payload: never recorded]');
  });

  it('says why a file or a long text is not kept', () => {
    startCall({ method: 'PUT', path: '/api/os/image/v2/images/i1/file', body: new Blob(['abc']) })({ status: 204 });
    startCall({ method: 'GET', path: '/api/os/dns/v2/zones/z1/export' })({ status: 200, body: 'x'.repeat(70_000) });
    const [text, file] = getCalls();
    expect(en(file.requestNote)).toBe('[binary, 3 bytes]');
    expect(file.requestBody).toBeUndefined();
    expect(en(text.responseNote)).toBe('[response text, 70,000 characters, not kept]');
  });

  it('redacts credentials at any depth, keeping harmless look-alikes', () => {
    const shown = showBody(
      {
      auth: { identity: { password: { user: { name: 'u', password: 'pw' } } } },
      keypair: { name: 'k', private_key: '-----BEGIN' },
      secret_ref: 'http://kms/v1/secrets/1',
      list: [{ token: 't' }],
      },
      marks,
    );
    expect(shown).not.toMatch(/"pw"|BEGIN|"t"/);
    expect(shown).toContain('http://kms/v1/secrets/1');
    expect(redact({ password: null }, marks)).toEqual({ password: null });
    expect(redactHeaders({ 'x-subject-token': 'abc', 'content-type': 'json' }, marks)).toEqual({ 'x-subject-token': '[redacted]', 'content-type': 'json' });
    expect(showBody('{"token":"z"}', marks)).not.toContain('"z"');
  });
});
