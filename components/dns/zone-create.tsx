'use client';

import { useRouter } from 'next/navigation';
import { ResourceForm } from '@/components/resource/resource-form';
import { useResourceHref } from '@/lib/resources/hooks';
import { zoneCreateDefinition, ZoneSchema } from '@/lib/resources/dns/zone';

export function ZoneCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Create zone</h1>
      <ResourceForm
        def={zoneCreateDefinition}
        title="New primary zone"
        submitLabel="Create zone"
        onCancel={() => router.push(href('zones'))}
        onCreated={(body) => {
          const zone = ZoneSchema.safeParse(body);
          router.push(zone.success ? href('zones', encodeURIComponent(zone.data.id)) : href('zones'));
        }}
      />
    </div>
  );
}
