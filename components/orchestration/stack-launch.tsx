'use client';
// The stacks section's create page: the template form in launch mode (template-form.tsx says why it is its own).
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useSyncExternalStore } from 'react';
import { FormHeading } from '@/components/resource/form-parts';
import { useResourceHref } from '@/lib/resources/hooks';
import { readTemplate } from '@/lib/resources/iac/handoff';
import { stackRef } from '@/lib/resources/orchestration/heat';
import { TemplateForm } from './template-form';

const noSubscription = () => () => {};

export function StackLaunch() {
  const t = useTranslations('orchestration.form');
  const router = useRouter();
  const href = useResourceHref();
  const ti = useTranslations('iac.export');
  // A template exported from live resources (heat-export.tsx) arrives through sessionStorage, read after hydration.
  const fromExport = useSearchParams().get('template') === 'export';
  const stored = useSyncExternalStore(noSubscription, readTemplate, () => null);
  const initialText = fromExport ? stored : '';
  return (
    <div className="space-y-5">
      <FormHeading title={t('launchTitle')} back="stacks" backLabel={t('back')} />
      <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{t('explain')}</p>
      {fromExport && initialText && <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{ti('launchNote')}</p>}
      {initialText !== null && <TemplateForm
        mode="launch"
        initialText={initialText}
        cancelTo="stacks"
        onCreated={(body, name) => {
          // Heat answers 201 {"stack": {"id", "links"}}: the page of the new stack is its name and id.
          const id = (body as { stack?: { id?: unknown } } | undefined)?.stack?.id;
          router.push(typeof id === 'string' ? href('stacks', encodeURIComponent(stackRef({ stack_name: name, id }))) : href('stacks'));
        }}
      />}
    </div>
  );
}
