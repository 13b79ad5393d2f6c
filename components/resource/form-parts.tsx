'use client';
// The shells every hand-written form shares: the end of a form (the API's refusal, the CLI line, submit and cancel),
// an inline form in a panel on a detail page, and a create page's heading.
import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { type ComponentProps, type FormEvent, type ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField } from '@/components/ui/field';
import { FormButtons } from '@/components/ui/form-buttons';
import type { Text } from '@/lib/i18n/msg';
import { useResourceHref } from '@/lib/resources/hooks';
import { ApiErrorNotice } from './api-error';

export interface FormFooterProps {
  /** The API's refusal (shown when set), titled `errorTitle`. */
  error?: unknown;
  errorTitle?: Text;
  /** The CLI equivalent: one line or several. */
  cli?: ReactNode | readonly ReactNode[];
  submit: Text;
  pending: boolean;
  /** The submit button's words while pending ("Creating…"). */
  pendingLabel?: Text;
  disabled?: boolean;
  onCancel?: () => void;
  /** Cancel as a link to this section's list (a create page). */
  cancelTo?: string;
  /** Without the buttons (a form past its submit). */
  noButtons?: boolean;
}


export function FormFooter({ error, errorTitle, cli, submit, pending, pendingLabel, disabled, onCancel, cancelTo, noButtons }: FormFooterProps) {
  const t = useTranslations('resource.form');
  const m = useMsg();
  const href = useResourceHref();
  const lines = Array.isArray(cli) ? cli : cli === undefined ? [] : [cli];
  return (
    <>
      {!!error && <ApiErrorNotice title={errorTitle ?? t('refused')} error={error} />}
      {lines.map((c, i) => (
        <CliHint key={i}>{c}</CliHint>
      ))}
      {!noButtons && <FormButtons submit={m(submit)} pending={pending} pendingLabel={pendingLabel === undefined ? undefined : m(pendingLabel)} disabled={disabled} onCancel={onCancel} cancelHref={cancelTo === undefined ? undefined : href(cancelTo)} />}
    </>
  );
}

/** The box around an inline form on a detail page. */
export const panelClass = 'mt-2 max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

/** A small form in a panel: its name, a one-line explanation, the fields, then the footer. */
export function InlineForm({
  label, explain, children, onSubmit, className = panelClass, ...footer
}: FormFooterProps & {
  label: Text;
  explain?: ReactNode;
  children: ReactNode;
  onSubmit: (e: FormEvent<HTMLFormElement>) => void;
  className?: string;
}) {
  const m = useMsg();
  return (
    <form
      noValidate
      aria-label={m(label)}
      className={className}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit(e);
      }}
    >
      {explain && <p className="text-sm text-zinc-600 dark:text-zinc-400">{explain}</p>}
      {children}
      <FormFooter {...footer} />
    </form>
  );
}

/** A create page's heading: the title and a link back to the list. */
export function FormHeading({ title, back, backLabel }: { title: Text; back: string; backLabel: Text }) {
  const m = useMsg();
  const href = useResourceHref();
  return (
    <div className="flex flex-wrap items-baseline justify-between gap-2">
      <h1 className="text-2xl font-semibold tracking-tight">{m(title)}</h1>
      <Link href={href(back)} className="text-sm text-brand-700 hover:underline dark:text-brand-300">
        {m(backLabel)}
      </Link>
    </div>
  );
}

/** `<option>`s of plain values (each its own label). */
export function ValueOptions({ values }: { values: readonly string[] }) {
  return values.map((x) => (
    <option key={x} value={x}>
      {x}
    </option>
  ));
}

/** The availability zone select (Nova's or Cinder's zones): "Any", then the zones that are up. */
export function ZoneSelect({ zones, ...select }: Omit<ComponentProps<typeof SelectField>, 'label' | 'children'> & { zones: readonly { zoneName: string; zoneState?: { available?: boolean } | null }[] | undefined }) {
  const t = useTranslations('resource');
  return (
    <SelectField label={t('form.zone')} {...select}>
      <option value="">{t('list.any')}</option>
      <ValueOptions values={(zones ?? []).filter((z) => z.zoneState?.available !== false).map((z) => z.zoneName)} />
    </SelectField>
  );
}
