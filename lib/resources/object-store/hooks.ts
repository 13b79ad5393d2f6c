'use client';
// TanStack Query hooks for Swift, keyed like the generic ones (['os', projectId, kind, ...]) so that logout and
// project switches clear them too.
import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import { useProjectScope } from '@/lib/resources/hooks';
import { headObject, listContainers, listObjects } from './client';
import { PAGE_SIZE } from './swift';

export const CONTAINER_KIND = 'swift-container';
export const OBJECT_KIND = 'swift-object';

export function useContainers(marker: string | undefined) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, CONTAINER_KIND, 'list', { marker: marker ?? '' }],
    queryFn: ({ signal }) => listContainers({ marker, limit: PAGE_SIZE }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useObjects(container: string, prefix: string, marker: string | undefined, limit = PAGE_SIZE) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, OBJECT_KIND, 'list', { container, prefix, marker: marker ?? '', limit }],
    queryFn: ({ signal }) => listObjects(container, { prefix, delimiter: '/', marker, limit }, signal),
    placeholderData: keepPreviousData,
    refetchInterval: 30_000,
  });
}

export function useObjectMetadata(container: string, name: string | null) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, OBJECT_KIND, 'meta', container, name ?? ''],
    queryFn: ({ signal }) => headObject(container, name ?? '', signal),
    enabled: !!name,
    retry: false,
  });
}

/** Refetch every Swift listing of this project (after uploads and deletes). */
export function useInvalidateSwift() {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return () =>
    Promise.all([qc.invalidateQueries({ queryKey: ['os', projectId, CONTAINER_KIND] }), qc.invalidateQueries({ queryKey: ['os', projectId, OBJECT_KIND] })]);
}
