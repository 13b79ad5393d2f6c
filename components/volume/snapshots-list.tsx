'use client';

import { ResourceList } from '@/components/resource/resource-list';
import { snapshotDefinition } from '@/lib/resources/volume/snapshot';

/** Snapshots are taken from a volume's page; this lists, opens and deletes them. */
export function SnapshotsList() {
  return <ResourceList def={snapshotDefinition} detail />;
}
