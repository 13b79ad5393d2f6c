'use client';
// The generic pages of a resource kind, from its registry section and definition alone: the list (with its
// create button or inline form and links to related sections), the detail page and the create page.
// A kind with something special overrides one of them in kind-views.tsx.
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { findSection } from '@/lib/resources/registry';
import { useResourceHref } from '@/lib/resources/hooks';
import { useSection } from '@/lib/resources/use-section';
import { CompanionCards } from './companion-cards';
import { ResourceDetail } from './resource-detail';
import { ResourceForm } from './resource-form';
import { ResourceList } from './resource-list';
import { download } from './format';
import type { CreateMode, OneTimeSecret } from '@/lib/resources/types';

export function KindList({ slug }: { slug: string }) {
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
  const createLabel = `Create ${def.label.singular.toLowerCase()}`;
  const modes: readonly CreateMode[] = def.create?.modes ?? [{ id: 'create', label: createLabel, fields: def.create?.fields.map((f) => f.name) ?? [], submitLabel: createLabel }];
  const inline = !def.create || (def.create.adminOnly && !isAdmin) ? [] : section.create ? modes.filter((m) => m.request) : modes;
  const open = inline.find((m) => m.id === mode);
  const list = (
    <ResourceList
      def={def}
      detail={section.detail}
      notice={
        <>
          {section.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{section.description}</p>}
          {secret && (
            <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
              <p className="font-medium">{secret.message}</p>
              <div className="flex gap-2">
                <button type="button" className={buttonClass.primary} onClick={() => { download(secret.filename, secret.mime, secret.content); setSaved(secret); setSecret(null); }}>
                  {secret.downloadLabel}
                </button>
                <button type="button" className={buttonClass.secondary} onClick={() => setSecret(null)}>
                  Dismiss without downloading
                </button>
              </div>
            </div>
          )}
          {saved && !secret && (
            <p role="status" className="text-sm text-zinc-600 dark:text-zinc-400">
              {saved.saved}
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
              {findSection(r)?.label ?? r}
            </Link>
          ))}
          {inline.map((m) => (
            <button key={m.id} type="button" className={m.secondary ? buttonClass.secondary : buttonClass.primary} aria-expanded={mode === m.id} onClick={() => setMode(mode === m.id ? null : m.id)}>
              {m.label}
            </button>
          ))}
          {section.create && (
            <Link href={href(slug, 'new')} className={buttonClass.primary}>
              {section.create}
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
  const { section, def } = useSection(slug);
  const router = useRouter();
  const href = useResourceHref();
  if (!def?.create) throw new Error(`section ${slug} has no create form`);
  const create = def.create;
  const title = create.title ?? section.create ?? `Create ${def.label.singular.toLowerCase()}`;
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      {create.breadcrumb && (
        <nav aria-label="Breadcrumb" className="text-sm">
          <Link href={href(slug)} className="text-brand-700 hover:underline dark:text-brand-300">
            {def.label.plural}
          </Link>
        </nav>
      )}
      <h1 className="text-2xl font-semibold tracking-tight">{create.heading ?? title}</h1>
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
