import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deferUndoable, dismiss, getPending, runNow, undo } from './undo';

describe('undoable deletes', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes the call only after the window', async () => {
    const run = vi.fn(async () => 'ok');
    const p = deferUndoable('Delete a', 5, run);
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
    const p = deferUndoable('Delete b', 5, run);
    undo(getPending()[0].id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).not.toHaveBeenCalled();
    await expect(p).resolves.toEqual({ undone: true });
  });

  it('runs now on request, once', async () => {
    const run = vi.fn(async () => 'ok');
    const p = deferUndoable('Delete c', 5, run);
    runNow(getPending()[0].id);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(run).toHaveBeenCalledOnce();
    await expect(p).resolves.toEqual({ undone: false });
  });

  it('keeps a failure until dismissed', async () => {
    const p = deferUndoable('Delete d', 1, async () => {
      throw new Error('409 in use');
    });
    const caught = p.catch((e: Error) => e.message);
    await vi.advanceTimersByTimeAsync(1000);
    await expect(caught).resolves.toBe('409 in use');
    expect(getPending()).toMatchObject([{ state: 'failed' }]);
    dismiss(getPending()[0].id);
    expect(getPending()).toEqual([]);
  });

  it('without a window the call is made at once', async () => {
    const run = vi.fn(async () => 'ok');
    await deferUndoable('Delete e', 0, run);
    expect(run).toHaveBeenCalledOnce();
    expect(getPending()).toEqual([]);
  });
});
