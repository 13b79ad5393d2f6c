'use client';

import { useQueryClient } from '@tanstack/react-query';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useEffect, useId, useRef, useState, useTransition } from 'react';
import { apiFetch } from '@/lib/client/api';

interface RegionSwitcherProps {
  /** The session's region. */
  region: string;
  regions: string[];
}

/**
 * A <select> of the session's regions. The URL's `?region=` wins on load (shareable links): when it
 * differs from the session region, the session is switched to it.
 */
export function RegionSwitcher({ region, regions }: RegionSwitcherProps) {
  const t = useTranslations('shell.regionSwitcher');
  const id = useId();
  const router = useRouter();
  const pathname = usePathname();
  const searchParams = useSearchParams();
  const queryClient = useQueryClient();
  // the choice being applied, until the session (the `region` prop) changes
  const [selected, setSelected] = useState<{ from: string; to: string }>();
  const [error, setError] = useState<string>();
  const [isPending, startTransition] = useTransition();
  const requested = useRef<string | undefined>(undefined);
  const urlRegion = searchParams.get('region');

  function urlWith(r: string) {
    const params = new URLSearchParams(searchParams.toString());
    params.set('region', r);
    return `${pathname}?${params.toString()}`;
  }

  async function switchTo(r: string, updateUrl: boolean) {
    requested.current = r;
    setSelected({ from: region, to: r });
    setError(undefined);
    try {
      await apiFetch('/api/auth/switch', { method: 'POST', body: { region: r } });
      queryClient.clear();
      startTransition(() => {
        if (updateUrl) router.replace(urlWith(r), { scroll: false });
        router.refresh();
      });
    } catch (err) {
      requested.current = undefined;
      setSelected(undefined);
      setError(err instanceof Error ? err.message : t('switchFailed'));
    }
  }

  useEffect(() => {
    if (urlRegion && urlRegion !== region && regions.includes(urlRegion)) {
      if (requested.current !== urlRegion) void switchTo(urlRegion, false);
    } else if (!urlRegion || !regions.includes(urlRegion)) {
      // keep the URL complete (and shareable) without another history entry
      router.replace(urlWith(region), { scroll: false });
    } else {
      requested.current = undefined;
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [urlRegion, region]);

  if (regions.length === 0) return null;
  return (
    <div className="flex items-center gap-1.5">
      <label htmlFor={id} className="hidden text-sm text-zinc-500 sm:inline dark:text-zinc-400">
        {t('region')}
      </label>
      <select
        id={id}
        aria-label={t('region')}
        value={selected && selected.from === region ? selected.to : region}
        disabled={isPending}
        aria-invalid={error ? true : undefined}
        title={error}
        onChange={(e) => void switchTo(e.target.value, true)}
        className="rounded-md border border-zinc-300 bg-white py-1.5 pr-7 pl-2 text-sm dark:border-zinc-700 dark:bg-zinc-900"
      >
        {regions.map((r) => (
          <option key={r} value={r}>
            {r}
          </option>
        ))}
      </select>
      {error && (
        <span role="alert" className="sr-only">
          {error}
        </span>
      )}
    </div>
  );
}
