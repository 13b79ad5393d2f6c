// Heat's error bodies (heat/api/middleware/fault.py): {code, title, explanation, error: {type, traceback, message}}.
// `type` is the Python exception's class name (EntityNotFound, StackValidationFailed, HTTPBadRequest, ...).
import { HttpError } from '../../core/errors';

const EXPLANATIONS: Record<number, string> = {
  400: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  403: 'Access was denied to this resource.',
  404: 'The resource could not be found.',
  405: 'The server could not comply with the request since it is either malformed or otherwise incorrect.',
  409: 'There was a conflict when trying to complete your request.',
  500: 'The server has either erred or is incapable of performing the requested operation.',
};

/** webob's text/html page, what Heat answers for a URL no route matches. */
const NOT_FOUND_PAGE =
  '<html>\n <head>\n  <title>404 Not Found</title>\n </head>\n <body>\n  <h1>404 Not Found</h1>\n  The resource could not be found.<br /><br />\n\n\n\n </body>\n</html>';

export const heatError = (status: number, type: string, message: string) => new HttpError(status, message, { type });

export const badRequest = (message: string) => heatError(400, 'HTTPBadRequest', message);
export const validationFailed = (message: string) => heatError(400, 'StackValidationFailed', message);
export const stackNotFound = (name: string) => heatError(404, 'EntityNotFound', `The Stack (${name}) could not be found.`);
export const resourceNotFound = (resource: string, stack: string) =>
  heatError(404, 'ResourceNotFound', `The Resource (${resource}) could not be found in Stack ${stack}.`);
export const actionInProgress = (stack: string, action: string) =>
  heatError(409, 'ActionInProgress', `Stack ${stack} already has an action (${action}) in progress.`);
export const notSupported = (feature: string) => heatError(400, 'NotSupported', `${feature} is not supported.`);

export function heatErrorBody(err: HttpError): unknown {
  // keystonemiddleware answers 401 before Heat sees the request.
  if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
  if (err.status === 404 && !err.type) return NOT_FOUND_PAGE;
  const status = err.status in EXPLANATIONS ? err.status : 500;
  const explanation = EXPLANATIONS[status];
  const type = err.type ?? (status === 405 ? 'HTTPMethodNotAllowed' : status === 403 ? 'HTTPForbidden' : 'HTTPInternalServerError');
  // A 405 repeats the (400-worded) explanation as its message, as webob's does.
  const message = status === 405 ? explanation : err.message;
  return { code: err.status, title: err.title, explanation, error: { type, traceback: null, message } };
}
