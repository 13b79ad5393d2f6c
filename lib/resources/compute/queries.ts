'use client';
// Nova reads of the instance, volume, network and Magnum pages besides the server kind's own list and item: the
// pickers (servers, flavors, key pairs, zones, limits) and the instance page's tabs (attachments, console, actions).
// One schema per path, so pages that read the same path share its cache entry.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { InstanceActionsSchema, type InstanceAction } from '@/lib/activity/feed';
import { osCall, useProjectScope } from '../hooks';
import { usePathQuery } from '../queries';
import { parseResponse } from '../schema';
import { FlavorSchema } from './flavor';
import { KeypairListItemSchema } from './keypair';
import { NOVA, ServerSchema, type Server } from './server';

export { NOVA };

const ServerNamesSchema = z.looseObject({ servers: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })) });
const selectServers = (b: z.infer<typeof ServerNamesSchema>) => b.servers;
/** The project's servers by id, name and status (attach a volume, associate a floating IP). */
export const useServerNames = (enabled = true) => usePathQuery('server', NOVA, 'servers/detail?limit=1000', ServerNamesSchema, { enabled, select: selectServers });

const FlavorsSchema = z.looseObject({ flavors: z.array(FlavorSchema) });
/** Every flavor with its sizes (launch, resize). */
export const useFlavorDetails = (staleTime = 60_000) => usePathQuery('flavor', NOVA, 'flavors/detail', FlavorsSchema, { staleTime });

const FlavorNamesSchema = z.looseObject({ flavors: z.array(z.looseObject({ id: z.string(), name: z.string().nullable().optional() })) });
/** Flavor names (Magnum's node flavors). */
export const useFlavorNames = () => usePathQuery('flavor', NOVA, 'flavors', FlavorNamesSchema, { staleTime: 30_000 });

const KeypairsSchema = z.looseObject({ keypairs: z.array(KeypairListItemSchema) });
export const useKeypairOptions = (staleTime = 30_000) => usePathQuery('keypair', NOVA, 'os-keypairs', KeypairsSchema, { staleTime });

const ZonesSchema = z.looseObject({ availabilityZoneInfo: z.array(z.looseObject({ zoneName: z.string(), zoneState: z.looseObject({ available: z.boolean() }).optional() })) });
export const useComputeZones = () => usePathQuery('availability-zone', NOVA, 'os-availability-zone', ZonesSchema, { staleTime: 60_000 });

const LimitsSchema = z.looseObject({ limits: z.looseObject({ absolute: z.record(z.string(), z.number()) }) });
/** Nova's absolute limits (under the 'limits' kind: a launch refetches them). */
export const useComputeLimits = () => usePathQuery('limits', NOVA, 'limits', LimitsSchema, { staleTime: 60_000 });

const ServersSchema = z.looseObject({ servers: z.array(ServerSchema) });
const selectFullServers = (b: z.infer<typeof ServersSchema>) => b.servers;
/** Servers booted from an image: Nova filters by image id (only this project's servers, or all for admins). */
export const useServersOfImage = (imageId: string) =>
  usePathQuery('server', NOVA, `servers/detail?image=${encodeURIComponent(imageId)}&limit=100`, ServersSchema, { staleTime: 0, select: selectFullServers });

const AttachmentsSchema = z.looseObject({ volumeAttachments: z.array(z.looseObject({ id: z.string().optional(), volumeId: z.string(), device: z.string().nullable().optional() })) });
const selectAttachments = (b: z.infer<typeof AttachmentsSchema>) => b.volumeAttachments;
export type VolumeAttachment = ReturnType<typeof selectAttachments>[number];
/**
 * The server's volume attachments, followed every 2 s while `follow` says so: while a volume changes, and until
 * Nova's list agrees with Cinder's statuses (Nova drops an attachment only after Cinder already says available).
 */
export const useVolumeAttachments = (serverId: string, follow: (attachments: readonly VolumeAttachment[]) => boolean) =>
  usePathQuery('server', NOVA, `servers/${serverId}/os-volume_attachments`, AttachmentsSchema, {
    staleTime: 0,
    select: selectAttachments,
    refetchInterval: (b) => (follow(b ? selectAttachments(b) : []) ? 2000 : false),
  });

const ConsoleSchema = z.object({ output: z.string() });
/** How often a followed console log is read again (the tail on a projector; paused while the tab is hidden). */
export const CONSOLE_FOLLOW_MS = 3000;
/** The last `length` lines of the console log (a POST: not a path query), read again every few seconds while `follow`. */
export function useConsoleOutput(serverId: string, length: number, follow = false) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'server', 'item', serverId, 'console', length],
    queryFn: async ({ signal }) =>
      parseResponse(ConsoleSchema, await osCall(NOVA, { method: 'POST', path: `servers/${serverId}/action`, body: { 'os-getConsoleOutput': { length } } }, signal), 'compute os-getConsoleOutput').output,
    placeholderData: (prev) => prev,
    retry: false,
    // TanStack Query skips the interval while the document is hidden (refetchIntervalInBackground is off).
    refetchInterval: follow ? CONSOLE_FOLLOW_MS : false,
  });
}

/** How long, and how often, the action log is read again after a new action appears without an outcome. */
export const ACTION_SETTLE_MS = 60_000;
const ACTION_SETTLE_POLL_MS = 3000;
/** When this tab first listed each action (by request id): the browser's clock, never compared with the cloud's. */
const firstSeen = new Map<string, number>();

/** Whether the log should be read again: its newest action is recent here and has no message yet. Nova sets "Error"
 *  when one of the action's events fails, which may be just after the server itself has settled (a cold migration
 *  with no other host puts the server back ACTIVE, then fails its conductor event): the server's `updated` no
 *  longer changes, so without this the log would keep the action without its outcome. */
export function actionStillSettling(newest: Pick<InstanceAction, 'request_id' | 'message'> | undefined, now: number): boolean {
  if (!newest || newest.message) return false;
  const seen = firstSeen.get(newest.request_id) ?? now;
  firstSeen.set(newest.request_id, seen);
  return now - seen < ACTION_SETTLE_MS;
}

/** GET /servers/{id}/os-instance-actions (newest first), refetched when the server changes and while its newest
 *  action may still get its outcome. */
export function useInstanceActions(server: Pick<Server, 'id' | 'updated'>, enabled = true) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'server', 'item', server.id, 'actions', server.updated],
    queryFn: async ({ signal }) =>
      parseResponse(InstanceActionsSchema, await osCall(NOVA, { method: 'GET', path: `servers/${server.id}/os-instance-actions` }, signal), 'compute os-instance-actions').instanceActions,
    enabled,
    refetchInterval: (query) => (actionStillSettling(query.state.data?.[0], Date.now()) ? ACTION_SETTLE_POLL_MS : false),
  });
}

/** Name and description of an instance (PUT /servers/{id}; description needs microversion 2.19, which COMPUTE_HEADERS pins). */
export const ServerEditSchema = z.object({
  name: z.string().trim().min(1, { error: 'kinds.server.errors.nameRequired' }).max(255, { error: 'kinds.server.errors.tooLong' }),
  description: z.string().max(255, { error: 'kinds.server.errors.tooLong' }),
});
export type ServerEdit = z.infer<typeof ServerEditSchema>;
export const serverEditRequest = (serverId: string, v: ServerEdit) => ({ method: 'PUT' as const, path: `servers/${serverId}`, body: { server: { name: v.name, description: v.description || null } } });


const ServerGroupsSchema = z.looseObject({ server_groups: z.array(z.looseObject({ id: z.string(), name: z.string(), policy: z.string().optional(), policies: z.array(z.string()).optional() })) });
/** The project's server groups (the launch form's "Server group"), under their kind so a create or delete refetches them. */
export const useServerGroupOptions = () => usePathQuery('server-group', NOVA, 'os-server-groups', ServerGroupsSchema, { staleTime: 30_000 });
