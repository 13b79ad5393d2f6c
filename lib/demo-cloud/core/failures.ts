import type { CloudCore } from './cloud';

// Failure injection is opt-in (`--failure-fixtures`, used by the tests): a presenter's cloud never seeds
// resources built to fail, and never fails a resource for its name.

/** The prefix that makes a server, volume, node or cluster template fail on demand. */
export const FAIL_PREFIX = 'fail-';

export function failureFixtures(core: CloudCore): boolean {
  return core.options.failureFixtures;
}

/** Servers whose name holds this build ten times slower on demand (a test can watch BUILD whatever the load). */
export const SLOW_MARK = '-slowbuild';

/** Whether a server of this name builds slowly on demand (only with failure fixtures on). */
export function slowOnDemand(core: CloudCore, name: string | null | undefined): boolean {
  return failureFixtures(core) && (name ?? '').includes(SLOW_MARK);
}

/** Whether a resource of this name fails on demand (only with failure fixtures on). */
export function failsOnDemand(core: CloudCore, name: string | null | undefined): boolean {
  return failureFixtures(core) && (name ?? '').startsWith(FAIL_PREFIX);
}
