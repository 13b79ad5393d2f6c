'use client';
// The project's activity, whoever acted: every kind that declares an `activity` source, polled every
// ACTIVITY_POLL_MS while the panel is open and the page visible (TanStack pauses intervals in the background, and the interval answers
// false when hidden), each poll asking only for what changed since the last one (activity-poll.ts). The names of
// the users who acted come from Keystone where this user may read them (GET /v3/users/{id}: admins, and oneself).
import { useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { z } from 'zod';
import type { ActivityEntry } from '@/lib/activity/feed';
import { ACTIVITY_POLL_MS, newPollState, pollActivity, type PollState } from './activity-poll';
import { osCall, useProjectScope } from './hooks';
import { parseResponse } from './schema';
import type { AnyDefinition } from './types';

/** The polls' memory per project and region, kept while the page lives (the panel may close and open again). */
const states = new Map<string, PollState>();

const hidden = () => typeof document !== 'undefined' && document.visibilityState === 'hidden';

interface Feed {
  entries: readonly ActivityEntry[];
  /** Per kind: why its last poll failed. */
  errors: Readonly<Record<string, string>>;
}

export interface ProjectActivity extends Feed {
  /** The names of the users who acted, by id, where known. */
  names: Readonly<Record<string, string>>;
}

const NOTHING: Feed = { entries: [], errors: {} };

/**
 * The entries of the kinds `defs` (those declaring `activity`), and the names of who acted; `self` is this user.
 * Polled only while `open` (the panel is shown): each poll is several upstream calls, which every page load of every
 * user would otherwise add to the server's and the cloud's load (issue 16: a page costs its own calls only).
 */
export function useProjectActivity(defs: readonly AnyDefinition[], self: { id: string; name: string }, open: boolean): ProjectActivity {
  const { projectId, region } = useProjectScope();
  const kinds = defs.map((d) => d.kind).join(',');
  const { data } = useQuery({
    queryKey: ['os', projectId, 'activity', 'feed', region, kinds],
    queryFn: async (): Promise<Feed> => {
      const key = `${projectId}\u0000${region}`;
      const next = await pollActivity(states.get(key) ?? newPollState(Date.now()), defs, (target, path) => osCall(target, { method: 'GET', path }));
      states.set(key, next);
      return { entries: next.entries, errors: Object.fromEntries(next.errors) };
    },
    enabled: defs.length > 0 && open,
    staleTime: ACTIVITY_POLL_MS / 2,
    refetchOnWindowFocus: true,
    refetchInterval: () => (hidden() ? false : ACTIVITY_POLL_MS),
  });
  const feed = data ?? NOTHING;
  const names = useUserNames(feed.entries.flatMap((e) => (e.userId ? [e.userId] : [])), self);
  return { ...feed, names };
}

const UserSchema = z.looseObject({ user: z.looseObject({ id: z.string(), name: z.string() }) });

/**
 * Names of the users who acted, by id: this user's own from the session, the others from Keystone where policy lets
 * this user read them (asked once per id; a refusal leaves the id, shown shortened).
 */
function useUserNames(ids: readonly string[], self: { id: string; name: string }): Record<string, string> {
  const { projectId } = useProjectScope();
  const others = [...new Set(ids)].filter((id) => id && id !== self.id).sort();
  const results = useQueries({
    queries: others.map((id) => ({
      queryKey: ['os', projectId, 'user', 'name', id],
      queryFn: async ({ signal }: { signal: AbortSignal }) => {
        const path = `users/${encodeURIComponent(id)}`;
        return parseResponse(UserSchema, await osCall({ service: 'identity' }, { method: 'GET', path }, signal), 'identity users').user.name;
      },
      staleTime: Infinity,
      gcTime: Infinity,
      retry: false,
    })),
  });
  const names = results.map((r) => r.data ?? '').join('\u0000');
  const othersKey = others.join(',');
  return useMemo(() => {
    const found = names.split('\u0000');
    const ids = othersKey ? othersKey.split(',') : [];
    const out: Record<string, string> = { [self.id]: self.name };
    ids.forEach((id, i) => {
      if (found[i]) out[id] = found[i];
    });
    return out;
  }, [names, othersKey, self.id, self.name]);
}
