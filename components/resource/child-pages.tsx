'use client';
// The pages of the objects below another, for a detail tab that declares `pages` (a zone's recordsets): the create page
// `<slug>/<id>/<tab>/new` and the edit page `<slug>/<id>/<tab>/<child id>` with the forms of the tab's definition made
// with the parent (its name resolves relative names, its TTL is the default), and the page choosing the parent
// (`<slug>/<picker name>`, "Create DNS record" on an instance). The create page takes its form's query to prefill.
import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useMsg } from '@/components/i18n/use-msg';
import { isGone, useResource, useResourceHref } from '@/lib/resources/hooks';
import { useSection } from '@/lib/resources/use-section';
import type { AnyDefinition, ChildPages, ChildTab } from '@/lib/resources/types';
import { ApiErrorNotice } from './api-error';
import { FormPage } from './fields/form-page';
import { ParentPicker } from './fields/parent-picker';
import { useKindNoun } from './kind-noun';
import { DetailFormBody, ResourceForm } from './resource-form';

/** An object of `def` that is loading, or could not be loaded. */
function useLoadState() {
  const t = useTranslations('resource');
  const m = useMsg();
  const kindNoun = useKindNoun();
  return {
    loading: (def: AnyDefinition) => <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('detail.loading', { kind: kindNoun(def, 1) })}</p>,
    notLoaded: (def: AnyDefinition, error: unknown) => (
      <ApiErrorNotice title={isGone(error) ? t('detail.notFound', { label: m(def.label.singular) }) : t('detail.loadFailed', { kind: kindNoun(def, 1) })} error={error} />
    ),
  };
}

/** `<slug>/<id>/<tab>/new` or `<slug>/<id>/<tab>/<child id>`; the server page checked that the tab has pages. */
export function ChildPage({ slug, id, rest }: { slug: string; id: string; rest: string[] }) {
  const { def } = useSection(slug);
  const tab = def?.tabs?.find((t) => t.id === rest[0] && t.pages);
  if (!def || !tab) throw new Error(`section ${slug} has no pages below its ${rest[0]}`);
  return <WithParent def={def} tab={tab} id={id} childId={rest[1] === 'new' ? undefined : rest[1]} />;
}

/** The parent, the child definition made with it, and the way back to its tab. */
function WithParent({ def, tab, id, childId }: { def: AnyDefinition; tab: ChildTab<unknown>; id: string; childId?: string }) {
  const t = useTranslations('resource');
  const m = useMsg();
  const kindNoun = useKindNoun();
  const { loading, notLoaded } = useLoadState();
  const router = useRouter();
  const href = useResourceHref();
  const parent = useResource(def, id);
  if (parent.isPending) return loading(def);
  if (!parent.data) return notLoaded(def, parent.error);
  const child = tab.list(parent.data);
  const back = href(def.slug, encodeURIComponent(id), `tab=${tab.id}`);
  const trail = [{ label: m(def.label.plural), href: href(def.slug) }, { label: def.name(parent.data), href: back }];
  if (childId) return <EditChild def={child} pages={tab.pages!} id={childId} trail={trail} back={back} />;
  const create = child.create!;
  const title = m(create.title ?? t('create', { kind: kindNoun(child, 1) }));
  return (
    <FormPage trail={trail} heading={t('child.createIn', { title, name: def.name(parent.data) })}>
      <ResourceForm def={child} title={title} showTitle={false} submitLabel={create.submitLabel ?? title} errorTitle={create.errorTitle} cancelHref={back} onCreated={() => router.push(back)} />
    </FormPage>
  );
}

function EditChild({ def, pages, id, trail, back }: { def: AnyDefinition; pages: ChildPages<unknown>; id: string; trail: { label: string; href: string }[]; back: string }) {
  const t = useTranslations('resource.child');
  const m = useMsg();
  const { loading, notLoaded } = useLoadState();
  const router = useRouter();
  const q = useResource(def, id);
  if (q.isPending) return loading(def);
  if (!q.data) return notLoaded(def, q.error);
  const spec = def.forms![0];
  if (spec.when && !spec.when(q.data)) {
    const { text, content } = pages.notEditable(q.data);
    return (
      <div className="space-y-2">
        <h1 className="text-2xl font-semibold tracking-tight">{pages.name(q.data)}</h1>
        <p className="text-sm">{m(text)}</p>
        <pre className="rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">{content}</pre>
      </div>
    );
  }
  return (
    <FormPage trail={trail} heading={t('edit', { name: pages.name(q.data) })}>
      <DetailFormBody def={def} spec={spec} row={q.data} cancelHref={back} onDone={() => router.push(back)} />
    </FormPage>
  );
}

/** `<slug>/<name>`: choose the parent, then its tab's create page with this page's query. */
export function ChildPicker({ slug, name }: { slug: string; name: string }) {
  const { def } = useSection(slug);
  const tab = def?.tabs?.find((t) => t.pages?.picker?.name === name);
  if (!def || !tab) throw new Error(`section ${slug} has no page ${name}`);
  const { heading, summary, required } = tab.pages!.picker!;
  const usable = (p: unknown) => tab.createLink?.when?.(p) ?? true;
  return <ParentPicker parent={def} heading={heading} summary={summary} required={required} usable={usable} rest={(id) => `${id}/${tab.id}/new`} />;
}
