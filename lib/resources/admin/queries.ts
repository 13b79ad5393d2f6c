'use client';
// Keystone user reads: the user's own record for the shell (the header sits outside the project's SessionProvider,
// so the project comes as an argument), and another user's name for admins.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { osCall } from '../hooks';
import { usePathQuery } from '../queries';
import { parseResponse } from '../schema';
import { KeystoneUserSchema } from './identity';

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

const KeystoneUserReply = z.looseObject({ user: KeystoneUserSchema });
const selectUserName = (b: z.infer<typeof KeystoneUserReply>) => b.user.name;

/**
 * Another user's name from Keystone's `GET /v3/users/{id}`, asked only when `enabled` (admins: most clouds' policy
 * refuses it to others); undefined until known or when refused.
 */
export function useUserName(id: string, enabled: boolean): string | undefined {
  return usePathQuery('admin-user', { service: 'identity' }, `users/${encodeURIComponent(id)}`, KeystoneUserReply, {
    enabled,
    staleTime: 5 * 60_000,
    retry: false,
    select: selectUserName,
  }).data;
}
