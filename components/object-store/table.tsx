import { useFormatter, useTranslations } from 'next-intl';
import { ago } from '@/components/resource/format';
import { buttonClass } from '@/components/ui/button';
import { listTableClass, tableClass } from '@/components/ui/table';

export { CliHint } from '@/components/ui/cli-hint';

// The look of the generic ResourceList table, for Swift's own listings.
export const tableWrap = tableClass.box;
export const { thead: theadClass, th: thClass, row: rowClass } = listTableClass;
export const tdClass = tableClass.td;
export const linkClass = 'font-medium text-brand-700 hover:underline dark:text-brand-300';
export const dangerButton = `${buttonClass.ghost} px-2 py-1 text-red-700 dark:text-red-300`;
export const smallButton = `${buttonClass.ghost} px-2 py-1`;

/** Marker paging: Swift lists forward from a marker, so "previous" pops the markers we came through. */
export function Pager({ label, markers, next, onFirst, onPrevious, onNext, shown }: {
  label: string;
  markers: readonly string[];
  next?: string;
  shown: number;
  onFirst: () => void;
  onPrevious: () => void;
  onNext: (marker: string) => void;
}) {
  const t = useTranslations('objectStore.pager');
  if (!markers.length && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" className={buttonClass.secondary} disabled={!markers.length} onClick={onFirst}>
        {t('first')}
      </button>
      <button type="button" className={buttonClass.secondary} disabled={!markers.length} onClick={onPrevious}>
        {t('previous')}
      </button>
      <button type="button" className={buttonClass.secondary} disabled={!next} onClick={() => next && onNext(next)}>
        {t('next')}
      </button>
      <span className="text-zinc-500 dark:text-zinc-400">{t('status', { page: markers.length + 1, shown })}</span>
    </nav>
  );
}

/** Swift's listing times are UTC without a zone ("2024-05-01T10:00:00.123456"). */
export function Ago({ iso, now }: { iso?: string; now: number | null }) {
  const format = useFormatter();
  if (!iso) return null;
  const utc = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`;
  // The generic lists' relative age (components/resource/format.ts), in the user's language.
  const text = now === null ? '' : ago(utc, now, format);
  return (
    <time dateTime={utc} title={utc} className="whitespace-nowrap">
      {text}
    </time>
  );
}

const UNITS = ['KiB', 'MiB', 'GiB', 'TiB', 'PiB'] as const;

/** Sizes in Swift's binary units, the number in the page's locale: "1.5 MiB" (one decimal below 10; under 1024 a unit, so no grouping). */
export function useBytes() {
  const t = useTranslations('objectStore.size');
  const format = useFormatter();
  return (n: number) => {
    if (n < 1024) return t('B', { size: format.number(n, { useGrouping: false }) });
    let v = n / 1024;
    let i = 0;
    while (v >= 1024 && i < UNITS.length - 1) {
      v /= 1024;
      i++;
    }
    const size = format.number(v, v < 10 ? { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false } : { maximumFractionDigits: 0, useGrouping: false });
    return t(UNITS[i], { size });
  };
}
