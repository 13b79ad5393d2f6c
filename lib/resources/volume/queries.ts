'use client';
// Cinder reads of the volume and instance pages besides the kinds' own lists and items: limits, types, zones,
// snapshots to pick from, a volume's snapshots and messages, and the kinds an attach, detach or extend changes.
import { z } from 'zod';
import { usePathQuery } from '../queries';
import { SnapshotSchema, snapshotStatus } from './snapshot';
import { CINDER, remainingGigabytes, VolumeSchema, volumeStatus } from './volume';

export { CINDER };

/** A call on the volume pages (Cinder or Nova) changes these: an attach changes the volume and the server. */
export const STORAGE_CHANGES = ['volume', 'volume-snapshot', 'server'] as const;

const LimitsSchema = z.looseObject({ limits: z.looseObject({ absolute: z.record(z.string(), z.number()) }) });
const TypesSchema = z.looseObject({ volume_types: z.array(z.looseObject({ id: z.string(), name: z.string(), description: z.string().nullable().optional() })) });
const ZonesSchema = z.looseObject({ availabilityZoneInfo: z.array(z.looseObject({ zoneName: z.string(), zoneState: z.looseObject({ available: z.boolean() }).optional() })) });
const SnapshotsSchema = z.looseObject({ snapshots: z.array(SnapshotSchema) });
const VolumesSchema = z.looseObject({ volumes: z.array(VolumeSchema) });
const MessagesSchema = z.looseObject({
  messages: z.array(z.looseObject({ id: z.string(), user_message: z.string(), resource_uuid: z.string().nullable().optional(), request_id: z.string().optional(), created_at: z.string().optional() })),
});
const selectSnapshots = (b: z.infer<typeof SnapshotsSchema>) => b.snapshots;
const selectVolumes = (b: z.infer<typeof VolumesSchema>) => b.volumes;

/** Cinder's absolute limits; `remaining` is the gigabytes left (undefined = unlimited or unknown). */
export function useVolumeLimits() {
  // Under the 'volume' kind so any volume change refetches it.
  const q = usePathQuery('volume', CINDER, 'limits', LimitsSchema, { staleTime: 30_000 });
  const abs = q.data?.limits.absolute;
  return { ...q, abs, remaining: remainingGigabytes(abs) };
}

export const useVolumeTypes = () => usePathQuery('volume-type', CINDER, 'types', TypesSchema, { staleTime: 30_000 });
export const useVolumeZones = () => usePathQuery('volume-zone', CINDER, 'os-availability-zone', ZonesSchema, { staleTime: 30_000 });

/** Snapshots a new volume can start from. */
export const useAvailableSnapshots = (enabled: boolean) =>
  usePathQuery('volume-snapshot', CINDER, 'snapshots/detail?status=available&limit=1000', SnapshotsSchema, { enabled, staleTime: 10_000, select: selectSnapshots });

/** A volume's snapshots, polled every 2 s while one is being made or deleted. */
export const useVolumeSnapshots = (volumeId: string) =>
  usePathQuery('volume-snapshot', CINDER, `snapshots/detail?volume_id=${volumeId}`, SnapshotsSchema, {
    staleTime: 0,
    select: selectSnapshots,
    refetchInterval: (b) => (b?.snapshots.some((s) => snapshotStatus(s).tone === 'busy') ? 2000 : false),
  });

/** Cinder's user messages (GET /v3/{project}/messages, 3.3+) about a volume: why it went to error. */
export const useVolumeMessages = (volumeId: string) => usePathQuery('volume-message', CINDER, `messages?resource_uuid=${volumeId}`, MessagesSchema, { staleTime: 0 });

/** The project's volumes (under the 'volume' kind, so attach/detach refetch them), polled every 2 s while one changes. */
export const useProjectVolumes = () =>
  usePathQuery('volume', CINDER, 'volumes/detail?limit=1000', VolumesSchema, {
    staleTime: 0,
    select: selectVolumes,
    refetchInterval: (b) => (b?.volumes.some((v) => volumeStatus(v).tone === 'busy') ? 2000 : false),
  });
