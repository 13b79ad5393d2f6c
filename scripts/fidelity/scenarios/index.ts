// Every fidelity scenario, in the order they run. Each service adds its own file here.
import { identity } from './identity';
import type { Scenario } from '../types';

export const scenarios: Scenario[] = [identity];
