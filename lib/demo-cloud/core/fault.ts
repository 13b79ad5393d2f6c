import type { HttpError } from './errors';

// The error body of the services built on the old Nova WSGI stack (Nova, Cinder, Manila): the fault's name as the
// key (`{"itemNotFound": {"code": 404, "message": ...}}`), Keystone's shape for 401.

const FAULT_KEYS: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  429: 'overLimit',
  501: 'notImplemented',
};

export interface FaultOptions {
  /** Cinder and Manila answer a 413 with `retryAfter` in the body. */
  retryAfter?: boolean;
  /** Nova names some faults after the exception (`{"conflictingRequest"}` vs a typed key an error carries). */
  typed?: boolean;
}

export function faultBody({ retryAfter = false, typed = false }: FaultOptions = {}): (err: HttpError) => unknown {
  return (err) => {
    if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
    const body: Record<string, unknown> = { code: err.status, message: err.message };
    if (retryAfter && err.status === 413) body.retryAfter = '0';
    const key = typed && err.type && /^[a-z][A-Za-z]+$/.test(err.type) ? err.type : (FAULT_KEYS[err.status] ?? 'computeFault');
    return { [key]: body };
  };
}

export const wsgiFaultBody = faultBody({ retryAfter: true });
