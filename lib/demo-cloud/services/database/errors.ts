// Trove's error bodies: `{"<name>": {"code": ..., "message": ...}}`, the name chosen from the HTTP status
// as trove/common/wsgi.py does (itemNotFound, badRequest, unprocessableEntity, overLimit, ...).
import { HttpError } from '../../core/errors';

const NAMES: Record<number, string> = {
  400: 'badRequest',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'itemNotFound',
  405: 'badMethod',
  409: 'conflict',
  413: 'overLimit',
  415: 'badMediaType',
  422: 'unprocessableEntity',
  500: 'instanceFault',
  501: 'notImplemented',
};

export function troveErrorBody(err: HttpError): unknown {
  return { [NAMES[err.status] ?? 'badRequest']: { code: err.status, message: err.message } };
}

export const troveError = (status: number, message: string) => new HttpError(status, message);
export const badRequest = (message: string) => troveError(400, message);
export const notFound = (uuid: string) => troveError(404, `Resource ${uuid} cannot be found.`);
export const unprocessable = (message: string) => troveError(422, message);
export const validationError = (message: string) => badRequest(`Validation error: ${message}`);
/** QuotaExceeded, rendered from Python's sorted list of resource names. */
export const quotaExceeded = (overs: string[]) => troveError(413, `Quota exceeded for resources: [${[...overs].sort().map((o) => `'${o}'`).join(', ')}].`);
