'use client';

import { useState } from 'react';
import { ResourceForm } from '@/components/resource/resource-form';
import { ResourceList } from '@/components/resource/resource-list';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { flavorDefinition } from '@/lib/resources/compute/flavor';

export function FlavorsList() {
  const isAdmin = useIsAdmin();
  const [creating, setCreating] = useState(false);
  return (
    <ResourceList
      def={flavorDefinition}
      headerActions={
        isAdmin && (
          <button type="button" className={buttonClass.primary} aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
            Create flavor
          </button>
        )
      }
      notice={
        creating && (
          <ResourceForm def={flavorDefinition} title="Create flavor" submitLabel="Create flavor" onCreated={() => setCreating(false)} onCancel={() => setCreating(false)} />
        )
      }
    />
  );
}
