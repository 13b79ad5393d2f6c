import { describe, expect, it } from 'vitest';
import { Clock, isoMicro, isoSeconds } from './clock';
import { isBusy, publicView, schedule, settle, type Transitional } from './transitions';

interface Server extends Transitional {
  status: string;
  task_state: string | null;
}

describe('transitions with a speed factor', () => {
  it('applies due patches in order, faster with speed', () => {
    let now = 1_000_000;
    const clock = new Clock(10, () => now); // 10x: nominal 5 s takes 0.5 s
    const s: Server = { status: 'BUILD', task_state: 'spawning' };
    schedule(s, clock, [
      [5, { task_state: 'networking' }],
      [5, { status: 'ACTIVE', task_state: null }],
    ]);
    expect(isBusy(s)).toBe(true);
    now += 400;
    expect(settle(s, clock)).toBe(false);
    now += 200;
    settle(s, clock);
    expect(s).toMatchObject({ status: 'BUILD', task_state: 'networking' });
    now += 500;
    settle(s, clock);
    expect(publicView(s)).toEqual({ status: 'ACTIVE', task_state: null });
    expect(isBusy(s)).toBe(false);
  });

  it('rejects a non-positive speed', () => {
    expect(() => new Clock(0)).toThrow();
  });

  it('formats timestamps like OpenStack', () => {
    const t = Date.UTC(2026, 10, 25, 15, 0, 0, 123);
    expect(isoMicro(t)).toBe('2026-11-25T15:00:00.123000Z');
    expect(isoSeconds(t)).toBe('2026-11-25T15:00:00Z');
  });
});
