// Every fidelity scenario, in the order they run. Each service adds its own file here.
import { identity } from './identity';
import { image } from './image';
import { volume } from './volume';
import { network } from './network';
import { compute } from './compute';
import { dns } from './dns';
import { keyManager } from './key-manager';
import { containerInfra } from './container-infra';
import { baremetal } from './baremetal';
import { objectStore } from './object-store';
import { loadBalancer } from './load-balancer';
import { orchestration } from './orchestration';
import { sharedFileSystem } from './shared-file-system';
import { database } from './database';
import { computeActions } from './compute-actions';
import { volumeOps } from './volume-ops';
import type { Scenario } from '../types';

export const scenarios: Scenario[] = [identity, image, volume, network, compute, dns, keyManager, containerInfra, baremetal, objectStore, loadBalancer, orchestration, sharedFileSystem, database, computeActions, volumeOps];
