'use client';
// The project's usage over a period, every page of it (Nova 2.40 pages server usages at its max_limit).
import { useQuery } from '@tanstack/react-query';
import { osCall } from '../hooks';
import { parseResponse } from '../schema';
import { instanceUsages, nextMarker, TenantUsageSchema, usagePath, USAGE_TARGET, type InstanceUsage, type ServerUsage } from './tenant-usage';

/** More pages than this is a runaway (a link that never ends), not a project. */
const MAX_PAGES = 50;

export function useTenantUsage(projectId: string, period: { start: string; end: string } | undefined, enabled: boolean) {
  return useQuery({
    queryKey: ['os', projectId, 'tenant-usage', period?.start, period?.end],
    enabled: enabled && !!period,
    staleTime: 60_000,
    queryFn: async ({ signal }): Promise<InstanceUsage[]> => {
      const rows: ServerUsage[] = [];
      let marker: string | undefined;
      for (let page = 0; page < MAX_PAGES; page++) {
        const path = usagePath(projectId, period!, marker);
        const body = parseResponse(TenantUsageSchema, await osCall(USAGE_TARGET, { method: 'GET', path }, signal), 'compute os-simple-tenant-usage');
        rows.push(...(body.tenant_usage.server_usages ?? []));
        marker = nextMarker(body);
        if (!marker) break;
      }
      return instanceUsages(rows);
    },
  });
}
