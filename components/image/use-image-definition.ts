'use client';

import { useMemo } from 'react';
import { useProjectScope } from '@/lib/resources/hooks';
import { imageDefinition } from '@/lib/resources/image/image';

/** The images definition for the project on screen (its owner filter needs the project id). */
export function useImageDefinition() {
  const { projectId } = useProjectScope();
  return useMemo(() => imageDefinition(projectId), [projectId]);
}
