import { age } from '@/components/resource/format';
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
  if (!markers.length && !next) return null;
  return (
    <nav aria-label={label} className="flex flex-wrap items-center gap-2 text-sm">
      <button type="button" className={buttonClass.secondary} disabled={!markers.length} onClick={onFirst}>
        First page
      </button>
      <button type="button" className={buttonClass.secondary} disabled={!markers.length} onClick={onPrevious}>
        Previous page
      </button>
      <button type="button" className={buttonClass.secondary} disabled={!next} onClick={() => next && onNext(next)}>
        Next page
      </button>
      <span className="text-zinc-500 dark:text-zinc-400">
        Page {markers.length + 1} · {shown} shown
      </span>
    </nav>
  );
}

/** Swift's listing times are UTC without a zone ("2024-05-01T10:00:00.123456"). */
export function Ago({ iso, now }: { iso?: string; now: number | null }) {
  if (!iso) return null;
  const utc = /[zZ]|[+-]\d\d:?\d\d$/.test(iso) ? iso : `${iso}Z`;
  return (
    <time dateTime={utc} title={utc} className="whitespace-nowrap">
      {now === null ? '' : `${age(utc, now)} ago`}
    </time>
  );
}
