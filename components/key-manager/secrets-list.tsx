'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { secretDefinition } from '@/lib/resources/key-manager/secret';

/** Secrets never show a payload here: it is read on a secret's own page, on request. */
export function SecretsList() {
  const href = useResourceHref();
  return (
    <ResourceList
      def={secretDefinition}
      detail
      headerActions={
        <>
          <Link href={href('secret-containers')} className={buttonClass.secondary}>
            Containers
          </Link>
          <Link href={href('secrets', 'new')} className={buttonClass.primary}>
            Store secret
          </Link>
        </>
      }
    />
  );
}
