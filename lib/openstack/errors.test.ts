import { describe, expect, it } from 'vitest';
import { messageFromBody, normaliseUpstreamError } from './errors';

describe('messageFromBody: every service dialect', () => {
  it.each([
    ['nova', { itemNotFound: { message: 'Instance abc could not be found.', code: 404 } }, 'Instance abc could not be found.'],
    ['nova forbidden', { forbidden: { message: 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances', code: 403 } }, 'Quota exceeded for instances: Requested 1, but already used 10 of 10 instances'],
    ['cinder', { badRequest: { message: 'Invalid input received: size 0', code: 400 } }, 'Invalid input received: size 0'],
    ['neutron', { NeutronError: { type: 'NetworkInUse', message: 'Unable to complete operation on network x.', detail: '' } }, 'Unable to complete operation on network x.'],
    ['ironic', { error_message: JSON.stringify({ faultstring: 'Node n could not be found.', debuginfo: null }) }, 'Node n could not be found.'],
    ['magnum', { errors: [{ request_id: 'req-1', code: 'client', status: 400, title: 'Bad', detail: 'ClusterTemplate t is referenced by clusters.' }] }, 'ClusterTemplate t is referenced by clusters.'],
    ['designate', { code: 400, type: 'invalid_object', message: 'Invalid Object', request_id: 'req-2' }, 'Invalid Object'],
    ['barbican', { code: 404, title: 'Not Found', description: 'Secret not found.' }, 'Secret not found.'],
    ['keystone', { error: { code: 401, title: 'Unauthorized', message: 'The request you have made requires authentication.' } }, 'The request you have made requires authentication.'],
    ['glance html', '<html><head><title>404 Not Found</title></head><body><h1>404 Not Found</h1>No image found with ID x<br /><br /></body></html>', 'No image found with ID x'],
    ['swift html', '<html><h1>Conflict</h1><p>There was a conflict when trying to complete your request.</p></html>', 'Conflict There was a conflict when trying to complete your request.'],
    ['plain text', '409 Conflict\n\nThe container is not empty.', 'The container is not empty.'],
  ])('%s', (_name, body, expected) => {
    expect(messageFromBody(body)).toBe(expected);
  });

  it('returns undefined for an empty body', () => {
    expect(messageFromBody('')).toBeUndefined();
    expect(messageFromBody({})).toBeUndefined();
  });
});

describe('normaliseUpstreamError', () => {
  it('keeps status, service, message and the request id header', () => {
    const body = normaliseUpstreamError(
      409,
      'application/json',
      JSON.stringify({ conflictingRequest: { message: "Cannot 'os-start' instance x while it is in vm_state active", code: 409 } }),
      new Headers({ 'x-openstack-request-id': 'req-abc' }),
      'compute',
    );
    expect(body).toEqual({ error: { status: 409, service: 'compute', requestId: 'req-abc', message: "Cannot 'os-start' instance x while it is in vm_state active" } });
  });

  it('takes a request id from the body when no header carries it', () => {
    const body = normaliseUpstreamError(400, 'application/json', JSON.stringify({ code: 400, type: 'invalid_object', message: 'bad', request_id: 'req-d' }), new Headers(), 'dns');
    expect(body.error.requestId).toBe('req-d');
  });

  it('says so when the body has no message', () => {
    expect(normaliseUpstreamError(500, 'text/plain', '', new Headers(), 'image').error.message).toBe('image answered 500 with no message');
  });
});
