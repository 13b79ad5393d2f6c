import { randomUUID } from 'node:crypto';
import { HttpError } from '../../core/errors';

/** One JSON-schema style problem, as Designate lists them under `errors.errors`. */
export interface SchemaProblem {
  path: Array<string | number>;
  message: string;
  validator: string;
  validator_value: unknown;
}

/** A Designate error: `type` is its error code (zone_not_found, invalid_object, ...). */
export class DesignateError extends HttpError {
  constructor(status: number, type: string, message: string, readonly errors?: SchemaProblem[]) {
    super(status, message, { type });
  }
}

export const dnsError = (status: number, type: string, message: string) => new DesignateError(status, type, message);
export const invalidObject = (problems: SchemaProblem[]) => new DesignateError(400, 'invalid_object', 'Provided object is not valid', problems);
export const valueError = (message: string) =>
  new DesignateError(400, 'invalid_object', `Provided object is not valid. Got a ValueError error with message ${message}`);
export const zoneNotFound = () => dnsError(404, 'zone_not_found', 'Could not find Zone');
export const recordsetNotFound = () => dnsError(404, 'recordset_not_found', 'Could not find RecordSet');

export function designateErrorBody(err: HttpError): unknown {
  const request_id = `req-${randomUUID()}`;
  if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
  if (err instanceof DesignateError && err.errors) {
    return { code: err.status, type: err.type, errors: { errors: err.errors }, request_id };
  }
  const type =
    err.type ??
    ({ 400: 'bad_request', 403: 'forbidden', 404: 'not_found', 405: 'method_not_allowed', 409: 'conflict' } as Record<number, string>)[err.status] ??
    'internal_server_error';
  return err.message ? { code: err.status, type, message: err.message, request_id } : { code: err.status, type, request_id };
}
