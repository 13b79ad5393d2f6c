// A page around one form (a create or edit page): a breadcrumb trail back, the heading, the form.
import Link from 'next/link';
import { Fragment, type ReactNode } from 'react';

export function FormPage({ trail = [], heading, children }: { trail?: readonly { label: string; href: string }[]; heading: string; children: ReactNode }) {
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      {trail.length > 0 && (
        <nav aria-label="Breadcrumb" className="text-sm">
          {trail.map((t, i) => (
            <Fragment key={t.href}>
              {i > 0 && ' / '}
              <Link href={t.href} className="text-brand-700 hover:underline dark:text-brand-300">
                {t.label}
              </Link>
            </Fragment>
          ))}
        </nav>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">{heading}</h1>
      {children}
    </div>
  );
}
