// Every CLI conformance step, in order. Each service keeps its steps in its own file.
import type { Step } from './harness';
import { identitySteps } from './identity';

export const allSteps: Step[] = [...identitySteps];
