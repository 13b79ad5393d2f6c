import type { ServiceDefinition } from '../core/service';
import { identityService } from './identity';
import { networkService } from './network';
import { imageService } from './image';
import { blockStorageService, volumeService } from './volume';
import { dnsService } from './dns';
import { keyManagerService } from './key-manager';
import { containerInfraService } from './container-infra';
import { baremetalService } from './baremetal';
import { objectStoreService } from './object-store';
import { computeService } from './compute';
import { loadBalancerService } from './load-balancer';
import { orchestrationService } from './orchestration';
import { databaseService } from './database';
import { sharedFileSystemService } from './shared-file-system';

/**
 * The services the demo cloud runs, in catalog order. To add one: create
 * services/<type>/index.ts exporting a ServiceDefinition and append it here.
 */
export const defaultServices: readonly ServiceDefinition[] = [identityService, imageService, networkService, volumeService, blockStorageService, computeService, dnsService, keyManagerService, containerInfraService, baremetalService, objectStoreService, loadBalancerService, orchestrationService, sharedFileSystemService, databaseService];
