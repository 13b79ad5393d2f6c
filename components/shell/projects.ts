'use client';
// The user's projects (GET /api/auth/projects), for the switcher's popover and the rescope page.
import { useQuery } from '@tanstack/react-query';
import { apiFetch } from '@/lib/client/api';
import type { ProjectSummary } from '@/lib/client/session';

/** Most matches rendered at once; the rest are counted ("N more, refine your search"). */
export const MAX_VISIBLE_PROJECTS = 50;

export interface IndexedProject extends ProjectSummary {
  key: string;
}

export function filterProjects(projects: IndexedProject[], query: string): { visible: IndexedProject[]; total: number } {
  const q = query.trim().toLowerCase();
  const visible: IndexedProject[] = [];
  let total = 0;
  for (const p of projects) {
    if (q && !p.key.includes(q)) continue;
    total += 1;
    if (visible.length < MAX_VISIBLE_PROJECTS) visible.push(p);
  }
  return { visible, total };
}

export function useProjects(enabled: boolean) {
  return useQuery({
    queryKey: ['auth', 'projects'],
    queryFn: ({ signal }) => apiFetch<{ projects: ProjectSummary[] }>('/api/auth/projects', { signal }),
    enabled,
    staleTime: 5 * 60_000,
    select: (data): IndexedProject[] =>
      [...data.projects]
        .sort((a, b) => a.name.localeCompare(b.name))
        .map((p) => ({ ...p, key: `${p.name}\u0000${p.id}`.toLowerCase() })),
  });
}
