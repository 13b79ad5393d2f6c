import type { CatalogSource } from './catalog';
import type { CloudCore } from './cloud';
import type { ErrorBodyFormatter, HttpError } from './errors';
import type { Router } from './router';

/**
 * One OpenStack service of the demo cloud. Adding a service = one module exporting a
 * ServiceDefinition, plus one line in services/index.ts.
 */
export interface ServiceDefinition extends CatalogSource {
  /** Mount point on the server: requests under it go to this service's router, with the prefix stripped. */
  prefix: string;
  /** The service's own error body (Keystone `{"error": {...}}`, Nova `{"badRequest": {...}}`, ...). */
  errorBody: ErrorBodyFormatter;
  /** Message of the 400 answered to a body that is not JSON. */
  malformedJsonMessage?: string;
  /** Message of the 400 answered when a zod schema rejects a body. */
  validationMessage?: (field: string, problem: string) => string;
  /** Extra headers on every response (e.g. `OpenStack-API-Version`). */
  responseHeaders?: (err: HttpError | null, baseUrl: string) => Record<string, string>;
  /** Seeds state (via core.state.slice) and registers routes. */
  setup(core: CloudCore, router: Router): void;
}

export const defineService = (def: ServiceDefinition): ServiceDefinition => def;
