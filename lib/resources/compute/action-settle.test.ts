import { describe, expect, it } from 'vitest';
import { ACTION_SETTLE_MS, actionStillSettling } from './queries';

describe('actionStillSettling', () => {
  it('reads the log again while its newest action is new here and has no outcome, for a minute at most', () => {
    const action = { request_id: 'req-settle-1', message: null };
    expect(actionStillSettling(action, 1_000)).toBe(true);
    expect(actionStillSettling(action, 1_000 + ACTION_SETTLE_MS - 1)).toBe(true);
    expect(actionStillSettling(action, 1_000 + ACTION_SETTLE_MS)).toBe(false);
  });

  it('stops at the outcome, and for an empty log', () => {
    expect(actionStillSettling({ request_id: 'req-settle-2', message: 'Error' }, 0)).toBe(false);
    expect(actionStillSettling(undefined, 0)).toBe(false);
  });
});
