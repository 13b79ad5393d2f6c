import type { ServiceDefinition } from '../core/service';
import { identityService } from './identity';

/**
 * The services the demo cloud runs, in catalog order. To add one: create
 * services/<type>/index.ts exporting a ServiceDefinition and append it here.
 */
export const defaultServices: readonly ServiceDefinition[] = [identityService];
