'use client';
// The generic pages of a resource kind, from its registry section and definition alone: the list (with its
// create button or inline form and links to related sections), the detail page and the create page.
// A kind with something special overrides one of them in kind-views.tsx.
import Link from '@/components/ui/intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { findSection } from '@/lib/resources/registry';
import { useResourceHref } from '@/lib/resources/hooks';
import { useSection } from '@/lib/resources/use-section';
import { CompanionCards } from './companion-cards';
import { ResourceDetail } from './resource-detail';
import { ResourceForm } from './resource-form';
import { ResourceList } from './resource-list';
import { download } from './format';
import { useKindNoun } from './kind-noun';
import type { CreateMode, OneTimeSecret } from '@/lib/resources/types';

export function KindList({ slug }: { slug: string }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const { section, def } = useSection(slug);
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  // `?new=1` opens the (first) create form at once: the command palette's actions link here.
  const search = useSearchParams();
  const [mode, setMode] = useState<string | null>(search.get('new') === '1' ? (def?.create?.modes?.[0]?.id ?? 'create') : null);
  // Held in this component's memory only; dropped when dismissed or downloaded.
  const [secret, setSecret] = useState<OneTimeSecret | null>(null);
  const [saved, setSaved] = useState<OneTimeSecret | null>(null);
  if (!def) throw new Error(`section ${slug} has no definition`);
  // A kind with a create page links to it; one whose definition has a create form opens it inline. Beside a create
  // page, the modes with a call of their own (import a zone file) still open inline.
  const createLabel = t('create', { kind: kindNoun(def, 1) });
  const modes: readonly CreateMode[] = def.create?.modes ?? [{ id: 'create', label: createLabel, fields: def.create?.fields.map((f) => f.name) ?? [], submitLabel: createLabel }];
  const inline = !def.create || (def.create.adminOnly && !isAdmin) ? [] : section.create ? modes.filter((x) => x.request) : modes;
  const open = inline.find((x) => x.id === mode);
  const list = (
    <ResourceList
      def={def}
      detail={section.detail}
      notice={
        <>
          {section.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{m(section.description)}</p>}
          {secret && (
            <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
              <p className="font-medium">{m(secret.message)}</p>
              {secret.value && (
                <p className="flex flex-wrap items-center gap-2">
                  <span>{m(secret.value.label)}</span>
                  <code className="rounded bg-white px-1.5 py-0.5 font-mono dark:bg-zinc-900">{secret.value.text}</code>
                  <CopyButton text={secret.value.text} label={m(secret.value.copy)} />
                </p>
              )}
              <div className="flex gap-2">
                <button type="button" className={buttonClass.primary} onClick={() => { download(secret.filename, secret.mime, secret.content); setSaved(secret); setSecret(null); }}>
                  {m(secret.downloadLabel)}
                </button>
                <button type="button" className={buttonClass.secondary} onClick={() => setSecret(null)}>
                  {t('secret.dismiss')}
                </button>
              </div>
            </div>
          )}
          {saved && !secret && (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              {m(saved.saved)}
              {saved.savedCommand && <code className="font-mono">{saved.savedCommand}</code>}
            </p>
          )}
          {open && (
            <ResourceForm
              key={open.id}
              def={def}
              title={open.label}
              fields={open.fields}
              submitLabel={open.submitLabel}
              errorTitle={def.create?.errorTitle}
              onCancel={() => setMode(null)}
              onCreated={(body) => {
                // A mode that keeps its values stays open with its outcome.
                if (!open.keep) setMode(null);
                setSaved(null);
                setSecret(def.create?.oneTimeSecret?.(body) ?? null);
              }}
            />
          )}
        </>
      }
      headerActions={
        <>
          {(section.related ?? []).map((r) => (
            <Link key={r} href={href(r)} className={buttonClass.secondary}>
              {m(findSection(r)?.label ?? r)}
            </Link>
          ))}
          {inline.map((option) => (
            <button key={option.id} type="button" className={option.secondary ? buttonClass.secondary : buttonClass.primary} aria-expanded={mode === option.id} onClick={() => setMode(mode === option.id ? null : option.id)}>
              {m(option.label)}
            </button>
          ))}
          {section.create && (
            <Link href={href(slug, 'new')} className={buttonClass.primary}>
              {m(section.create)}
            </Link>
          )}
        </>
      }
    />
  );
  if (!def.companions?.length) return list;
  return (
    <div className="space-y-8">
      {list}
      {def.companions.map((c) => (
        <CompanionCards key={c.def.kind} spec={c} />
      ))}
    </div>
  );
}

export function KindDetail({ slug, id }: { slug: string; id: string }) {
  const { def } = useSection(slug);
  if (!def) throw new Error(`section ${slug} has no definition`);
  return <ResourceDetail def={def} id={id} />;
}

/** A create page for a kind whose definition's form is all it needs. */
export function KindCreate({ slug }: { slug: string }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const { section, def } = useSection(slug);
  const router = useRouter();
  const href = useResourceHref();
  if (!def?.create) throw new Error(`section ${slug} has no create form`);
  const create = def.create;
  const title = m(create.title ?? section.create ?? t('create', { kind: kindNoun(def, 1) }));
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      {create.breadcrumb && (
        <nav aria-label={t('breadcrumb')} className="text-sm">
          <Link href={href(slug)} className="text-brand-700 hover:underline dark:text-brand-300">
            {m(def.label.plural)}
          </Link>
        </nav>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">{create.heading ? m(create.heading) : title}</h1>
      <ResourceForm
        def={def}
        title={title}
        showTitle={!!create.heading}
        submitLabel={create.submitLabel ?? section.create ?? title}
        onCancel={() => router.push(href(slug))}
        cancelHref={create.cancelLink ? href(slug) : undefined}
        errorTitle={create.errorTitle}
        onCreated={(body) => {
          const created = create.created?.(body);
          router.push(created && section.detail ? href(slug, encodeURIComponent(def.id(created))) : href(slug));
        }}
      />
    </div>
  );
}
