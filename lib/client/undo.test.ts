import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferUndoable, dismiss, getPending, runNow, undo } from './undo';

// The page the operations live in: an EventTarget standing for window, so the test can fire pagehide.
const page = new EventTarget();
beforeAll(() => vi.stubGlobal('window', page));
const noLeave = () => {};

describe('undoable deletes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes the call only after the window', async () => {
    const run = vi.fn(async () => 'ok');
    const p = deferUndoable('Delete a', 5, run, noLeave);
    expect(getPending()).toMatchObject([{ label: 'Delete a', state: 'waiting' }]);
    await vi.advanceTimersByTimeAsync(4900);
    expect(run).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(run).toHaveBeenCalledOnce();
    await expect(p).resolves.toEqual({ undone: false });
    expect(getPending()).toEqual([]);
  });

  it('undo means no call at all', async () => {
    const run = vi.fn(async () => 'ok');
    const p = deferUndoable('Delete b', 5, run, noLeave);
    undo(getPending()[0].id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    await expect(p).resolves.toEqual({ undone: true });
  });

  it('runs now on request, once', async () => {
    const run = vi.fn(async () => 'ok');
    const p = deferUndoable('Delete c', 5, run, noLeave);
    runNow(getPending()[0].id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledOnce();
    await expect(p).resolves.toEqual({ undone: false });
  });

  it('keeps a failure until dismissed', async () => {
    const p = deferUndoable('Delete d', 1, async () => {
      throw new Error('409 in use');
    }, noLeave);
    const caught = p.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(caught).resolves.toBe('409 in use');
    expect(getPending()).toMatchObject([{ state: 'failed' }]);
    dismiss(getPending()[0].id);
    expect(getPending()).toEqual([]);
  });

  it('without a window the call is made at once', async () => {
    const run = vi.fn(async () => 'ok');
    await deferUndoable('Delete e', 0, run, noLeave);
    expect(run).toHaveBeenCalledOnce();
    expect(getPending()).toEqual([]);
  });

  it('closing or reloading the page sends every waiting delete at once, the keepalive way', async () => {
    const run = vi.fn(async () => 'ok');
    const leave = vi.fn();
    const p = deferUndoable('Delete f', 5, run, leave);
    const q = deferUndoable('Delete g', 5, run, leave);
    page.dispatchEvent(new Event('pagehide'));
    expect(leave).toHaveBeenCalledTimes(2);
    expect(getPending()).toEqual([]);
    await expect(Promise.all([p, q])).resolves.toEqual([{ undone: false }, { undone: false }]);
    // Sent once: neither the timer nor a second pagehide sends them again.
    await vi.advanceTimersByTimeAsync(10_000);
    page.dispatchEvent(new Event('pagehide'));
    expect(run).not.toHaveBeenCalled();
    expect(leave).toHaveBeenCalledTimes(2);
  });

  it('an undone delete is not sent when the page goes away', async () => {
    const leave = vi.fn();
    const p = deferUndoable('Delete h', 5, async () => 'ok', leave);
    undo(getPending()[0].id);
    page.dispatchEvent(new Event('pagehide'));
    expect(leave).not.toHaveBeenCalled();
    await expect(p).resolves.toEqual({ undone: true });
  });
});
