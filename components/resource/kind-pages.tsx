'use client';
// The generic pages of a resource kind, from its registry section and definition alone: the list (with its
// create button or inline form and links to related sections), the detail page and the create page.
// A kind with something special overrides one of them in kind-views.tsx.
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { findSection } from '@/lib/resources/registry';
import { useResourceHref } from '@/lib/resources/hooks';
import { useSection } from '@/lib/resources/use-section';
import { ResourceDetail } from './resource-detail';
import { ResourceForm } from './resource-form';
import { ResourceList } from './resource-list';

export function KindList({ slug }: { slug: string }) {
  const { section, def } = useSection(slug);
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  const [creating, setCreating] = useState(false);
  if (!def) throw new Error(`section ${slug} has no definition`);
  // A kind with a create page links to it; one whose definition has a create form opens it inline.
  const inline = !section.create && def.create && (!def.create.adminOnly || isAdmin);
  const createLabel = `Create ${def.label.singular.toLowerCase()}`;
  return (
    <ResourceList
      def={def}
      detail={section.detail}
      notice={
        <>
          {section.description && <p className="text-sm text-zinc-600 dark:text-zinc-400">{section.description}</p>}
          {creating && inline && (
            <ResourceForm def={def} title={createLabel} submitLabel={createLabel} onCreated={() => setCreating(false)} onCancel={() => setCreating(false)} />
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
          {section.create && (
            <Link href={href(slug, 'new')} className={buttonClass.primary}>
              {section.create}
            </Link>
          )}
          {inline && (
            <button type="button" className={buttonClass.primary} aria-expanded={creating} onClick={() => setCreating((c) => !c)}>
              {createLabel}
            </button>
          )}
        </>
      }
    />
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
  const title = section.create ?? `Create ${def.label.singular.toLowerCase()}`;
  return (
    <div className="mx-auto max-w-2xl">
      <ResourceForm
        def={def}
        title={title}
        submitLabel={title}
        onCancel={() => router.push(href(slug))}
        onCreated={(body) => {
          const created = def.create?.created?.(body);
          router.push(created && section.detail ? href(slug, encodeURIComponent(def.id(created))) : href(slug));
        }}
      />
    </div>
  );
}
