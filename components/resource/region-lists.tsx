'use client';
// The "All regions" view of any registry list: the choice (in the URL: `?regions=all`), the merged rows of every
// region of the catalog, and what each region said when it did not answer with rows. The list page
// (resource-list.tsx) reads everything else as it does for one region.
import Link from '@/components/ui/intent-link';
import { usePathname, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMemo, useState } from 'react';
import { useClientSession } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { useRegionLists, type ListParams, type RegionLists } from '@/lib/resources/hooks';
import { isAllRegions, regionColumn, withAllRegions } from '@/lib/resources/regions';
import type { Column, ResourceDefinition } from '@/lib/resources/types';
import { withQuery } from '@/lib/resources/url-state';
import { ApiErrorNotice } from './api-error';

const NO_REGIONS: readonly string[] = [];

export interface RegionScope<T> {
  /** The list shows every region: the URL asks for it and the catalog has more than one. */
  on: boolean;
  /** The catalog's regions (for the choice: shown only when there are several). */
  regions: readonly string[];
  lists: RegionLists<T>;
  /** The Region column, first, while on. */
  columns: readonly Column<T>[];
}

/** The list's page in every region of the catalog while the URL asks for all regions; nothing is fetched otherwise. */
export function useRegionScope<T>(def: ResourceDefinition<T>, params: ListParams): RegionScope<T> {
  const search = useSearchParams();
  const all = useClientSession()?.regions ?? NO_REGIONS;
  // Keystone is one service for the whole cloud, whatever region its endpoints name: its objects are in no region.
  const regions = def.service === 'identity' ? NO_REGIONS : all;
  const on = regions.length > 1 && isAllRegions(search);
  const lists = useRegionLists(def, params, on ? regions : NO_REGIONS);
  const columns = useMemo(() => (on ? [regionColumn<T>(), ...def.columns] : def.columns), [on, def.columns]);
  return { on, regions, lists, columns };
}

/** The choice itself, beside the list's other view controls; only in a cloud with more than one region. */
export function AllRegionsToggle({ scope }: { scope: Pick<RegionScope<unknown>, 'on' | 'regions'> }) {
  const t = useTranslations('resource.regions');
  const pathname = usePathname();
  // The box follows the click at once; the URL (and so `scope.on`) catches up a moment later and then leads again.
  const [checked, setChecked] = useState(scope.on);
  const [urlOn, setUrlOn] = useState(scope.on);
  if (urlOn !== scope.on) {
    setUrlOn(scope.on);
    setChecked(scope.on);
  }
  if (scope.regions.length < 2) return null;
  return (
    <label className="inline-flex items-center gap-1.5 text-sm">
      <input
        type="checkbox"
        checked={checked}
        onChange={(e) => {
          setChecked(e.target.checked);
          // Like the list's other view state: a history entry of its own, no server round trip.
          window.history.pushState(null, '', withQuery(pathname, withAllRegions(new URLSearchParams(window.location.search), e.target.checked)));
        }}
      />
      {t('all', { count: scope.regions.length })}
    </label>
  );
}

/** Each region that failed (with its error and a retry), and each region with more rows than one page holds. */
export function RegionNotices<T>({ scope, kind }: { scope: RegionScope<T>; kind: string }) {
  const t = useTranslations('resource.regions');
  const search = useSearchParams();
  const pathname = usePathname();
  if (!scope.on) return null;
  const { failed, more } = scope.lists;
  // The region's own list (the session moves to that region, as the header's switcher does), on this list's view.
  const regionList = (region: string) => {
    const q = new URLSearchParams(withAllRegions(new URLSearchParams(search.toString()), false));
    q.set('region', region);
    return withQuery(pathname, q.toString());
  };
  return (
    <>
      {failed.map(({ region, error }) => (
        <div key={region} className="space-y-2">
          <ApiErrorNotice title={t('failed', { region, kind })} error={error} />
          <button type="button" className={buttonClass.secondary} onClick={() => scope.lists.refetch(region)}>
            {t('retry', { region })}
          </button>
        </div>
      ))}
      {more.length > 0 && (
        <div role="status" className="flex flex-wrap items-baseline gap-2 text-sm text-zinc-600 dark:text-zinc-400">
          <span>{t('more', { kind })}</span>
          <ul className="flex flex-wrap gap-2">
            {more.map((region) => (
              <li key={region}>
                <Link href={regionList(region)} className="text-brand-700 hover:underline dark:text-brand-300" translate="no">
                  {region}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      )}
    </>
  );
}
