// Octavia's errors: wsme faults `{"faultcode": "Client"|"Server", "faultstring": ..., "debuginfo": null}`;
// pecan's own 404/405 (unknown path, wrong method) are webob HTML pages; keystonemiddleware's 401 is Keystone's body.
import { HttpError } from '../../core/errors';

/** An error the Octavia API itself raised (rendered as a wsme fault, whatever its status). */
export class OctaviaFault extends HttpError {}

export const fault = (status: number, message: string) => new OctaviaFault(status, message);

/**
 * An error raised before WSME (pecan's _lookup of a parent, the pagination hook): webob renders it, as
 * `{"code", "title": "Bad Request", "description"}` for a JSON client (an HTML page otherwise), whatever the code.
 */
export class RoutingFault extends HttpError {}
export const routingFault = (status: number, message: string) => new RoutingFault(status, message);

export const notFound = (resource: string, id: string) => fault(404, `${resource} ${id} not found.`);
/** InvalidSubresource: a referenced Neutron object (subnet, network, port) the caller cannot see. */
export const subresourceNotFound = (resource: string, id: string) => fault(400, `${resource} ${id} not found.`);
export const policyForbidden = () => fault(403, 'Policy does not allow this request to be performed.');
export const validation = (detail: string) => fault(400, `Validation failure: ${detail}`);
export const invalidOption = (value: string, option: string) => fault(400, `${value} is not a valid option for ${option}`);
/** ImmutableObject: the parent (or the object) is PENDING_* (or ERROR for pools and policies). */
export const immutable = (resource: string, id: string) => fault(409, `${resource} ${id} is immutable and cannot be updated.`);
/** LBPendingStateError: a load balancer update, delete or failover while it is not ACTIVE (or ERROR). */
export const invalidState = (state: string, id: string) => fault(409, `Invalid state ${state} of loadbalancer resource ${id}`);
export const quotaMet = (resource: string) => fault(403, `Quota has been met for resources: ${resource}`);
export const unsupportedOption = (message: string) => fault(501, `Provider 'amphora' does not support a requested option: ${message}`);
export const invalidFilter = () => fault(400, 'One or more arguments are either duplicate or invalid');

const PAGES: Record<number, [string, string]> = {
  404: ['404 Not Found', 'The resource could not be found.<br /><br />\n\n\n'],
  405: ['405 Method Not Allowed', 'The method %s is not allowed for this resource. <br /><br />\n'],
};

function webobPage(status: number, method: string): string {
  const [title, text] = PAGES[status];
  return `<html>\n <head>\n  <title>${title}</title>\n </head>\n <body>\n  <h1>${title}</h1>\n  ${text.replace('%s', method)}\n </body>\n</html>`;
}

export function octaviaErrorBody(err: HttpError): unknown {
  if (err.status === 401) return { error: { code: 401, title: 'Unauthorized', message: err.message } };
  if (err instanceof RoutingFault) return { code: err.status, title: 'Bad Request', description: err.message };
  if (!(err instanceof OctaviaFault) && (err.status === 404 || err.status === 405)) {
    const method = /^The method (\S+)/.exec(err.message)?.[1] ?? '';
    return webobPage(err.status, method);
  }
  return { faultcode: err.status >= 500 ? 'Server' : 'Client', faultstring: err.message, debuginfo: null };
}
