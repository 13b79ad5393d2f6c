import type { HttpError } from './errors';

// The error body of the services built on the old Nova WSGI stack (Cinder, Manila): the fault's name as the
// key (`{"itemNotFound": {"code": 404, "message": ...}}`), `retryAfter` on 413, Keystone's shape for 401.

const FAULT_KEYS: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  501: 'notImplemented',
};

export function wsgiFaultBody(err: HttpError): unknown {
  if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
  const body: Record<string, unknown> = { code: err.status, message: err.message };
  if (err.status === 413) body.retryAfter = '0';
  return { [FAULT_KEYS[err.status] ?? 'computeFault']: body };
}
