// The reads the share page's mount commands need, cached under the kinds the tabs list (so adding or removing a
// rule there refetches them too). Rules are polled while one is queued or applying.
import { z } from 'zod';
import { BUSY_MS } from '../polling';
import { usePathQuery } from '../queries';
import { AccessRuleSchema, ExportLocationSchema, MANILA, MANILA_KINDS, RULE_BUSY, shareStatus, type Share } from './manila';

const LocationsSchema = z.object({ export_locations: z.array(ExportLocationSchema) });
const RulesSchema = z.object({ access_list: z.array(AccessRuleSchema) });

/**
 * A share gets its export locations when the driver has made it: asked again while there are none (every 2 s while
 * the share is busy, every 10 s after), so the mount commands appear when a new share turns available.
 */
export const useExportLocations = (share: Pick<Share, 'id' | 'status'>) =>
  usePathQuery(MANILA_KINDS.exportLocation, MANILA, `shares/${share.id}/export_locations`, LocationsSchema, {
    select: (d) => d.export_locations,
    refetchInterval: (d) => (d?.export_locations.length ? false : shareStatus(share).tone === 'busy' ? BUSY_MS : 10_000),
  });

export const useAccessRules = (shareId: string) =>
  usePathQuery(MANILA_KINDS.accessRule, MANILA, `share-access-rules?share_id=${encodeURIComponent(shareId)}`, RulesSchema, {
    select: (d) => d.access_list,
    refetchInterval: (d) => (d?.access_list.some((r) => (RULE_BUSY as readonly string[]).includes(r.state)) ? BUSY_MS : false),
  });
