'use client';

import Link from 'next/link';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { useResourceHref } from '@/lib/resources/hooks';
import { nodeDefinition } from '@/lib/resources/baremetal/node';
import { BaremetalAdminGate } from './admin-gate';

export function NodesList() {
  const href = useResourceHref();
  return (
    <BaremetalAdminGate>
      <ResourceList
        def={nodeDefinition}
        detail
        headerActions={
          <Link href={href('nodes', 'new')} className={buttonClass.primary}>
            Enroll node
          </Link>
        }
      />
    </BaremetalAdminGate>
  );
}
