'use client';
// A page around one form (a create or edit page): a breadcrumb trail back, the heading, the form.
import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { Fragment, type ReactNode } from 'react';

// Between the breadcrumb's links.
const SEPARATOR = ' / ';

export function FormPage({ trail = [], heading, children }: { trail?: readonly { label: string; href: string }[]; heading: string; children: ReactNode }) {
  const t = useTranslations('resource');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      {trail.length > 0 && (
        <nav aria-label={t('breadcrumb')} className="text-sm">
          {trail.map((step, i) => (
            <Fragment key={step.href}>
              {i > 0 && SEPARATOR}
              <Link href={step.href} className="text-brand-700 hover:underline dark:text-brand-300">
                {step.label}
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
