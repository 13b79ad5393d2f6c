// The browser's side of shared snapshots: the user's list, create and revoke (our own /api/snapshots routes).
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiFetch } from '@/lib/client/api';
import type { SnapshotCreate } from './schema';

const KEY = ['stratus', 'snapshots'] as const;

/**
 * Reload the list after a change. A first load still in flight would otherwise answer the refetch with the list from
 * before the change (TanStack dedupes a fetch of a query without data instead of cancelling it).
 */
async function reload(qc: ReturnType<typeof useQueryClient>) {
  await qc.cancelQueries({ queryKey: KEY });
  await qc.invalidateQueries({ queryKey: KEY });
}

const SummarySchema = z.object({ id: z.string(), title: z.string(), kindLabel: z.string(), createdAt: z.number(), expiresAt: z.number() });
const ListSchema = z.object({ snapshots: z.array(SummarySchema) });
const CreatedSchema = z.object({ id: z.string(), path: z.string(), expiresAt: z.number() });
export type SnapshotCreated = z.infer<typeof CreatedSchema>;

/** The user's live snapshots, loaded while `enabled` (the dialog is open). */
export function useMySnapshots(enabled: boolean) {
  return useQuery({ queryKey: KEY, queryFn: ({ signal }) => apiFetch('/api/snapshots', { schema: ListSchema, signal }), enabled, staleTime: 0 });
}

export function useCreateSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SnapshotCreate) => apiFetch('/api/snapshots', { method: 'POST', body, schema: CreatedSchema }),
    onSuccess: () => reload(qc),
  });
}

export function useRevokeSnapshot() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => apiFetch(`/api/snapshots/${encodeURIComponent(id)}`, { method: 'DELETE' }),
    onSuccess: () => reload(qc),
  });
}
