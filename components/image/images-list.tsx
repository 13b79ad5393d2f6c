'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { useImageDefinition } from './use-image-definition';

export function ImagesList() {
  const href = useResourceHref();
  const def = useImageDefinition();
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        <Link href={href('images', 'new')} className={buttonClass.primary}>
          Create image
        </Link>
      }
    />
  );
}
