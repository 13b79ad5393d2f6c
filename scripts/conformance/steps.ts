// Every CLI conformance step, in order. Each service keeps its steps in its own file.
import type { Step } from './harness';
import { identitySteps } from './identity';
import { identityAdminSteps } from './identity-admin';
import { imageSteps } from './image';
import { volumeSteps } from './volume';
import { volumeOpsSteps } from './volume-ops';
import { imageOpsSteps } from './image-ops';
import { networkSteps } from './network';
import { computeSteps } from './compute';
import { computeActionSteps } from './compute-actions';
import { dnsSteps } from './dns';
import { keyManagerSteps } from './key-manager';
import { containerInfraSteps } from './container-infra';
import { baremetalSteps } from './baremetal';
import { objectStoreSteps } from './object-store';
import { loadBalancerSteps } from './load-balancer';
import { orchestrationSteps } from './orchestration';
import { generatedSteps } from './generated';
import { generatedServiceSteps } from './generated-services';
import { byNameSteps } from './by-name';
import { databaseSteps } from './database';
import { sharedFileSystemSteps } from './shared-file-system';

export const allSteps: Step[] = [...identitySteps, ...identityAdminSteps, ...imageSteps, ...volumeSteps, ...volumeOpsSteps, ...imageOpsSteps, ...networkSteps, ...computeSteps, ...computeActionSteps, ...dnsSteps, ...keyManagerSteps, ...containerInfraSteps, ...baremetalSteps, ...objectStoreSteps, ...loadBalancerSteps, ...orchestrationSteps, ...sharedFileSystemSteps, ...generatedSteps, ...generatedServiceSteps, ...byNameSteps, ...databaseSteps];
