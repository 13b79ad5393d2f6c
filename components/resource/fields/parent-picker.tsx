'use client';
// A page that picks the parent object of a create below it: "Create DNS record" from an instance lands on the zones'
// picker with ?type=&name=&records=, and the chosen zone's recordset form opens with that query.
import Link from '@/components/ui/intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useResourceHref, useResourceList } from '@/lib/resources/hooks';
import type { ResourceDefinition, Text } from '@/lib/resources/types';
import { useKindNoun } from '../kind-noun';

export interface ParentPick<P> {
  parent: ResourceDefinition<P>;
  heading: Text;
  /** What will be created, from the query: a label and its text ("Record to create", `A web-1 192.0.2.7`). */
  summary: { label: Text; text: (query: URLSearchParams) => Text };
  /** The error when Continue is pressed without a choice. */
  required: Text;
  /** Parents that can take a child (not one being deleted). */
  usable?: (p: P) => boolean;
  /** The create page below the chosen parent, under the parent's slug (`<id>/recordsets/new`). */
  rest: (id: string) => string;
}

export function ParentPicker<P>({ parent, heading, summary, required, usable = () => true, rest }: ParentPick<P>) {
  const t = useTranslations('resource');
  const tc = useTranslations('common');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const router = useRouter();
  const search = useSearchParams();
  const href = useResourceHref();
  const list = useResourceList(parent, { filters: {}, limit: 1000 });
  const items = (list.data?.items ?? []).filter(usable).sort((a, b) => parent.name(a).localeCompare(parent.name(b)));
  const [id, setId] = useState('');
  const [error, setError] = useState<Text>();
  const query = new URLSearchParams(search.toString());
  query.delete('region');
  const text = m(summary.text(query));
  const kind = kindNoun(parent, 1);

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">{m(heading)}</h1>
      {text && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {t.rich('picker.summary', { label: m(summary.label), code: () => <code className="font-mono">{text}</code> })}
        </p>
      )}
      {list.isError && <ApiErrorNotice title={t('listFailed', { kind: kindNoun(parent, 2) })} error={list.error} />}
      {list.data && items.length === 0 && (
        <p className="text-sm">
          {t.rich('picker.none', {
            kind,
            link: (chunks) => (
              <Link href={href(parent.slug, 'new')} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
      {items.length > 0 && (
        <form
          noValidate
          aria-label={t('picker.form', { kind })}
          className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          onSubmit={(e) => {
            e.preventDefault();
            if (!id) return setError(required);
            router.push(href(parent.slug, rest(encodeURIComponent(id)), query.toString()));
          }}
        >
          <SelectField label={m(parent.label.singular)} value={id} error={error === undefined ? undefined : m(error)} onChange={(e) => setId(e.target.value)}>
            <option value="">{t('picker.choose', { kind })}</option>
            {items.map((p) => (
              <option key={parent.id(p)} value={parent.id(p)}>
                {parent.name(p)}
              </option>
            ))}
          </SelectField>
          <button type="submit" className={buttonClass.primary}>
            {tc('continue')}
          </button>
        </form>
      )}
    </div>
  );
}
