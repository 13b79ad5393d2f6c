import type { ReactNode } from 'react';

export function InfoCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section aria-label={title} className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="text-xs font-semibold tracking-wide text-zinc-500 uppercase dark:text-zinc-400">{title}</h2>
      <dl className="mt-3 space-y-2 text-sm">{children}</dl>
    </section>
  );
}

/** `data`: the value is what the cloud sent (a name, an ID), marked for page translators to leave alone. */
export function InfoRow({ label, children, mono = false, data = false }: { label: string; children: ReactNode; mono?: boolean; data?: boolean }) {
  return (
    <div className="grid grid-cols-[6rem_1fr] gap-2">
      <dt className="text-zinc-500 dark:text-zinc-400">{label}</dt>
      <dd className={`min-w-0 break-all ${mono ? 'font-mono text-xs leading-5' : ''}`} translate={data ? 'no' : undefined}>
        {children}
      </dd>
    </div>
  );
}
