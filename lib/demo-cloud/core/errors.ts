// One error type for every service; each service renders it in its own wire format
// (Keystone {"error": {...}}, Nova {"itemNotFound": {...}}, Neutron {"NeutronError": {...}}, ...).

export const STATUS_TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Request Entity Too Large',
  415: 'Unsupported Media Type',
  500: 'Internal Server Error',
  501: 'Not Implemented',
};

export interface HttpErrorOptions {
  /** Overrides the standard reason phrase (e.g. Nova's "itemNotFound" key is chosen by the service). */
  title?: string;
  /** Service-specific machine-readable kind, e.g. Neutron's "NetworkNotFound". */
  type?: string;
  headers?: Record<string, string>;
}

export class HttpError extends Error {
  readonly status: number;
  readonly title: string;
  readonly type?: string;
  readonly headers?: Record<string, string>;

  constructor(status: number, message: string, opts: HttpErrorOptions = {}) {
    super(message);
    this.name = 'HttpError';
    this.status = status;
    this.title = opts.title ?? STATUS_TITLES[status] ?? 'Error';
    this.type = opts.type;
    this.headers = opts.headers;
  }
}

export const badRequest = (message: string, opts?: HttpErrorOptions) => new HttpError(400, message, opts);
export const unauthorized = (message = 'The request you have made requires authentication.') =>
  new HttpError(401, message);
export const forbidden = (message: string, opts?: HttpErrorOptions) => new HttpError(403, message, opts);
export const notFound = (message: string, opts?: HttpErrorOptions) => new HttpError(404, message, opts);
export const conflict = (message: string, opts?: HttpErrorOptions) => new HttpError(409, message, opts);

/** Every service turns an HttpError into its own JSON body. */
export type ErrorBodyFormatter = (err: HttpError) => unknown;
