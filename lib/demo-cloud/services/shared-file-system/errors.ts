// Manila's error bodies (`{"badRequest": {"code": 400, "message": ...}}`, 413 with retryAfter) and the
// messages the API gives, copied from the real Zed service: several are left unfilled there
// ("Invalid share: %(reason)s."), and the demo cloud answers the same words.
import { HttpError } from '../../core/errors';

const ERROR_KEYS: Record<number, string> = {
  400: 'badRequest',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflictingRequest',
  413: 'overLimit',
  415: 'badMediaType',
  501: 'notImplemented',
};

export function manilaErrorBody(err: HttpError): unknown {
  if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
  const body: Record<string, unknown> = { code: err.status, message: err.message };
  if (err.status === 413) body.retryAfter = '0';
  return { [ERROR_KEYS[err.status] ?? 'computeFault']: body };
}

export const bad = (message: string) => new HttpError(400, message);
export const invalidInput = (detail: string) => bad(`Invalid input received: ${detail}`);
export const forbidden = (message: string) => new HttpError(403, message);
export const notFound = (message = 'The resource could not be found.') => new HttpError(404, message);
export const conflict = (message: string) => new HttpError(409, message);
/** Manila's quota errors carry the exception's class name before its text. */
export const overQuota = (kind: string, message: string) => new HttpError(413, `${kind}: ${message}`, { headers: { 'Retry-After': '0' } });
/** Zed's share controller re-raises InvalidShare on delete without its reason: the text stays a template. */
export const invalidShareUnfilled = () => forbidden('Invalid share: %(reason)s.');
export const policyDenied = () => forbidden('Access was denied to this resource.');
