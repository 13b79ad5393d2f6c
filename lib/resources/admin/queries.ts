'use client';
// Keystone reads of the shell: the user's own record. The header sits outside the project's SessionProvider,
// so the project comes as an argument.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { osCall } from '../hooks';
import { parseResponse } from '../schema';

const OwnUserSchema = z.looseObject({ user: z.looseObject({ email: z.string().nullish() }).optional() });

/** The user's own Keystone record (`GET /v3/users/{id}`, allowed for oneself): the optional e-mail. */
export function useOwnEmail(userId: string, projectId: string, enabled: boolean): string | undefined {
  const path = `users/${encodeURIComponent(userId)}`;
  const q = useQuery({
    queryKey: ['os', projectId, 'user', 'item', userId],
    queryFn: async ({ signal }) => parseResponse(OwnUserSchema, await osCall({ service: 'identity' }, { method: 'GET', path }, signal), `identity ${path}`),
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
  });
  return q.data?.user?.email || undefined;
}
