// The refetch interval of a list or detail query, as a pure function of what is on screen.
// Busy (transitional) items: about every 2 s, backing off ×1.5 per poll that changed nothing, up to 30 s.
// Nothing busy: every 30 s. Hidden tab: never (TanStack also pauses intervals in the background).

export const BUSY_MS = 2_000;
export const IDLE_MS = 30_000;
export const BACKOFF = 1.5;

export interface PollInput {
  hidden: boolean;
  /** Anything on screen is transitional. */
  busy: boolean;
  /** Consecutive polls whose data did not change. */
  unchanged: number;
  /** The query is gone for good (404 on a detail page): stop. */
  gone?: boolean;
}

export function pollInterval({ hidden, busy, unchanged, gone }: PollInput): number | false {
  if (hidden || gone) return false;
  if (!busy) return IDLE_MS;
  return Math.min(IDLE_MS, Math.round(BUSY_MS * BACKOFF ** Math.max(0, unchanged)));
}

/** Change tracking between polls: pass the previous tracker, the data and when it was fetched. */
export interface ChangeTracker {
  updatedAt: number;
  data: unknown;
  unchanged: number;
}

export function trackChange(prev: ChangeTracker | undefined, data: unknown, updatedAt: number): ChangeTracker {
  if (!prev) return { updatedAt, data, unchanged: 0 };
  if (prev.updatedAt === updatedAt) return prev;
  // Structural sharing keeps the same reference when a refetch returned equal JSON.
  return { updatedAt, data, unchanged: prev.data === data ? prev.unchanged + 1 : 0 };
}
