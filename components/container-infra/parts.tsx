'use client';
// Pieces both Magnum create forms use.
import Link from 'next/link';
import { useResourceHref } from '@/lib/resources/hooks';
import { useFlavorNames } from '@/lib/resources/compute/queries';

/** `<option>`s of the project's flavors, by name (Magnum takes a flavor name or id). */
export function FlavorOptions() {
  const flavors = useFlavorNames();
  return (
    <>
      {(flavors.data?.flavors ?? []).map((f) => (
        <option key={f.id} value={f.name ?? f.id}>
          {f.name ?? f.id}
        </option>
      ))}
    </>
  );
}

export function FormHeading({ title, back, backLabel }: { title: string; back: string; backLabel: string }) {
  const href = useResourceHref();
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <Link href={href(back)} className="text-sm text-brand-700 hover:underline dark:text-brand-300">
        {backLabel}
      </Link>
    </div>
  );
}
