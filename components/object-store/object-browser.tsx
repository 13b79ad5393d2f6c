'use client';

import Link from '@/components/ui/intent-link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { Spinner } from '@/components/resource/status-badge';
import { useNow } from '@/components/shell/use-now';
import { CopyLink } from '@/components/ui/copy-link';
import { ShareSnapshot } from '@/components/snapshot/share-snapshot';
import { tableCapture } from '@/lib/snapshot/capture';
import { buttonClass } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api';
import { useResourceHref } from '@/lib/resources/hooks';
import { deleteObject, setContainerAccess } from '@/lib/resources/object-store/client';
import { useInvalidateSwift, useObjectMetadata, useObjects } from '@/lib/resources/object-store/hooks';
import { baseName, breadcrumbs, cli, isPublicRead, objectNameError, PAGE_SIZE, splitListing, swiftPath, type ObjectRow } from '@/lib/resources/object-store/swift';
import { useContainerDelete } from './container-delete';
import { UploadPanel } from './upload-panel';
import { Ago, CliHint, dangerButton, linkClass, Pager, rowClass, smallButton, tableWrap, tdClass, theadClass, thClass, useBytes } from './table';

// Decoration beside a folder's name (aria-hidden): no text to translate.
const FOLDER_ICON = '📁 ';
const metaHeader = (key: string) => `X-Object-Meta-${key}`;

/** One container: pseudo-folders (prefix + "/" delimiter), objects, uploads, downloads, metadata, deletes. */
export function ObjectBrowser({ container }: { container: string }) {
  const search = useSearchParams();
  const prefix = search.get('prefix') ?? '';
  const limitParam = Number(search.get('limit'));
  // ?limit= picks the page size (Swift allows up to 10000), e.g. to look at paging on a small container.
  const limit = Number.isInteger(limitParam) && limitParam > 0 && limitParam <= 10000 ? limitParam : PAGE_SIZE;
  return <Folder key={`${prefix}|${limit}`} container={container} prefix={prefix} limit={limit} />;
}

function Folder({ container, prefix, limit }: { container: string; prefix: string; limit: number }) {
  const t = useTranslations('objectStore');
  const tc = useTranslations('common');
  const format = useFormatter();
  const bytes = useBytes();
  const [markers, setMarkers] = useState<string[]>([]);
  const list = useObjects(container, prefix, markers[markers.length - 1], limit);
  const [uploading, setUploading] = useState(false);
  const [shown, setShown] = useState<string | null>(null);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [confirm, setConfirm] = useState<string[] | null>(null);
  const [deleting, setDeleting] = useState<{ done: number; total: number } | null>(null);
  const [actionError, setActionError] = useState<{ title: string; error: unknown } | null>(null);
  const [accessBusy, setAccessBusy] = useState(false);
  const invalidate = useInvalidateSwift();
  const href = useResourceHref();
  const router = useRouter();
  const now = useNow();
  const del = useContainerDelete(() => router.push(href('containers')));

  const folderHref = (p: string) => href('containers', encodeURIComponent(container), p ? new URLSearchParams({ prefix: p }).toString() : '');
  const { folders, objects } = splitListing(list.data?.entries ?? [], prefix);
  const info = list.data?.info;
  const publicRead = isPublicRead(info?.read);
  const missing = list.error instanceof ApiError && list.error.status === 404;

  async function removeObjects(names: string[]) {
    setConfirm(null);
    setActionError(null);
    setDeleting({ done: 0, total: names.length });
    let done = 0;
    try {
      for (const n of names) {
        await deleteObject(container, n);
        setDeleting({ done: ++done, total: names.length });
      }
    } catch (e) {
      setActionError({ title: t('browser.deleteFailed', { done, total: names.length }), error: e });
    } finally {
      setDeleting(null);
      setSelected(new Set());
      if (shown && names.includes(shown)) setShown(null);
      await invalidate();
    }
  }

  async function toggleAccess() {
    setAccessBusy(true);
    setActionError(null);
    try {
      await setContainerAccess(container, !publicRead);
      await invalidate();
    } catch (e) {
      setActionError({ title: t('browser.accessFailed'), error: e });
    } finally {
      setAccessBusy(false);
    }
  }

  const toggle = (name: string) =>
    setSelected((s) => {
      const n = new Set(s);
      if (n.has(name)) n.delete(name);
      else n.add(name);
      return n;
    });

  return (
    <div className="space-y-4">
      <nav aria-label={t('browser.path')} className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-zinc-600 dark:text-zinc-400">
          <li>
            <Link href={href('containers')} className={linkClass}>
              {t('containers.heading')}
            </Link>
          </li>
          <li aria-hidden="true">/</li>
          <li>
            {prefix ? (
              <Link href={folderHref('')} className={linkClass}>
                {container}
              </Link>
            ) : (
              <span aria-current="page">{container}</span>
            )}
          </li>
          {breadcrumbs(prefix).map((b, i, all) => (
            <li key={b.prefix} className="flex items-center gap-1">
              <span aria-hidden="true">/</span>
              {i === all.length - 1 ? (
                <span aria-current="page">{b.name}</span>
              ) : (
                <Link href={folderHref(b.prefix)} className={linkClass}>
                  {b.name}
                </Link>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('browser.container')}</p>
          <h1 className="text-2xl font-semibold tracking-tight break-all">{container}</h1>
        </div>
        {!missing && (
          <div className="flex flex-wrap gap-2">
            <CopyLink />
            <ShareSnapshot
              capture={() =>
                tableCapture(
                  prefix ? `${container}/${prefix}` : container,
                  '',
                  [
                    { id: 'name', label: tc('name') },
                    { id: 'size', label: t('columns.size') },
                    { id: 'type', label: t('columns.type') },
                    { id: 'lastModified', label: t('columns.lastModified') },
                  ],
                  [
                    ...folders.map((f) => [`${f.name}/`, '', t('browser.folderType'), '']),
                    ...objects.map((o) => [o.display, bytes(o.bytes), o.content_type ?? '', o.last_modified]),
                  ],
                )
              }
            />
            <button type="button" className={buttonClass.primary} aria-expanded={uploading} onClick={() => setUploading(!uploading)}>
              {t('upload.heading')}
            </button>
            <button type="button" className={`${buttonClass.secondary} text-red-700 dark:text-red-300`} disabled={del.busy} onClick={() => del.ask(container, info?.objectCount)}>
              {t('delete.confirm')}
            </button>
          </div>
        )}
      </div>
      {info && (
        <section aria-label={t('browser.details')}>
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t('columns.objects')}</dt>
              <dd className="tabular-nums">{info.objectCount === undefined ? '?' : format.number(info.objectCount)}</dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t('columns.size')}</dt>
              <dd>{info.bytesUsed === undefined ? '?' : bytes(info.bytesUsed)}</dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">{t('containers.form.access')}</dt>
              <dd className="flex items-center gap-2">
                {publicRead ? t('browser.publicRead') : t('browser.private')}
                <button type="button" className={smallButton} disabled={accessBusy} title={cli.setAccess(container, !publicRead)} onClick={() => void toggleAccess()}>
                  {publicRead ? t('browser.makePrivate') : t('browser.makePublic')}
                </button>
              </dd>
            </div>
            {info.storagePolicy && (
              <div>
                <dt className="text-zinc-500 dark:text-zinc-400">{t('browser.storagePolicy')}</dt>
                <dd>{info.storagePolicy}</dd>
              </div>
            )}
          </dl>
          <CliHint>{[cli.showContainer(container), cli.setAccess(container, !publicRead)].join('; ')}</CliHint>
        </section>
      )}
      {del.ui}
      {uploading && <UploadPanel container={container} prefix={prefix} onClose={() => setUploading(false)} />}
      {actionError && <ApiErrorNotice title={actionError.title} error={actionError.error} />}
      {deleting && (
        <div role="status" aria-label={t('browser.deleting')} className="space-y-1 text-sm">
          <p>{t('browser.deletingProgress', { done: deleting.done, total: deleting.total })}</p>
          <progress aria-label={t('browser.deleted')} className="h-2 w-full" max={deleting.total} value={deleting.done} />
        </div>
      )}
      {missing ? (
        <div className="space-y-2">
          <ApiErrorNotice title={t('browser.missing', { name: container })} error={list.error} />
          <Link href={href('containers')} className={linkClass}>
            {t('browser.back')}
          </Link>
        </div>
      ) : (
        list.error && <ApiErrorNotice title={t('browser.listFailed')} error={list.error} />
      )}
      {!missing && (
        <>
          <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label={t('browser.actions')}>
            <button type="button" className={`${buttonClass.secondary} text-red-700 dark:text-red-300`} disabled={!selected.size || !!deleting} onClick={() => setConfirm([...selected])}>
              {t('browser.deleteSelected')}
            </button>
            <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
              {selected.size ? t('browser.selected', { count: selected.size }) : ''}
            </span>
          </div>
          <div className={tableWrap}>
            <table className="min-w-full text-sm" aria-busy={list.isPending}>
              <caption className="sr-only">{t('columns.objects')}</caption>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className="w-8 px-3 py-2">
                    <span className="sr-only">{t('browser.select')}</span>
                  </th>
                  <th scope="col" className={thClass}>{tc('name')}</th>
                  <th scope="col" className={`${thClass} text-right`}>{t('columns.size')}</th>
                  <th scope="col" className={thClass}>{t('columns.type')}</th>
                  <th scope="col" className={thClass}>{t('columns.lastModified')}</th>
                  <th scope="col" className={thClass}>
                    <span className="sr-only">{t('browser.rowActions')}</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {list.isPending && (
                  <tr>
                    <td colSpan={6} className="px-3 py-6 text-center text-zinc-500 dark:text-zinc-400">
                      <Spinner /> {t('browser.loading')}
                    </td>
                  </tr>
                )}
                {!list.isPending && !list.error && folders.length + objects.length === 0 && (
                  <tr>
                    <td colSpan={6} className="px-3 py-8 text-center text-zinc-500 dark:text-zinc-400">
                      {prefix ? t('browser.emptyFolder') : t('browser.emptyContainer')}
                    </td>
                  </tr>
                )}
                {folders.map((f) => (
                  <tr key={f.prefix} className={rowClass} data-id={f.prefix}>
                    <td className="px-3 py-2" />
                    <td className={tdClass}>
                      <Link href={folderHref(f.prefix)} className={linkClass} aria-label={t('browser.folder', { name: f.name })}>
                        <span aria-hidden="true">{FOLDER_ICON}</span>
                        {f.name}/
                      </Link>
                    </td>
                    <td className={tdClass} />
                    <td className={`${tdClass} text-zinc-500 dark:text-zinc-400`}>{t('browser.folderType')}</td>
                    <td className={tdClass} />
                    <td className={tdClass} />
                  </tr>
                ))}
                {objects.map((o) => (
                  <ObjectLine
                    key={o.name}
                    container={container}
                    o={o}
                    now={now}
                    selected={selected.has(o.name)}
                    onSelect={() => toggle(o.name)}
                    open={shown === o.name}
                    onToggle={() => setShown(shown === o.name ? null : o.name)}
                    onDelete={() => setConfirm([o.name])}
                  />
                ))}
              </tbody>
            </table>
          </div>
          <Pager
            label={t('browser.pages')}
            markers={markers}
            next={list.data?.next}
            shown={folders.length + objects.length}
            onFirst={() => setMarkers([])}
            onPrevious={() => setMarkers(markers.slice(0, -1))}
            onNext={(m) => setMarkers([...markers, m])}
          />
          {shown && <MetadataPanel container={container} name={shown} onClose={() => setShown(null)} />}
          <CliHint>{cli.listObjects(container, prefix)}</CliHint>
        </>
      )}
      <ConfirmDialog
        open={!!confirm}
        title={t('browser.confirmTitle', { count: confirm?.length ?? 1 })}
        body={t('browser.confirmBody')}
        items={confirm ?? []}
        confirmLabel={tc('delete')}
        destructive
        cli={confirm ? confirm.map((n) => cli.deleteObject(container, n)).join('; ') : undefined}
        onConfirm={() => confirm && void removeObjects(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </div>
  );
}

function ObjectLine({ container, o, now, selected, onSelect, open, onToggle, onDelete }: {
  container: string;
  o: ObjectRow;
  now: number | null;
  selected: boolean;
  onSelect: () => void;
  open: boolean;
  onToggle: () => void;
  onDelete: () => void;
}) {
  const t = useTranslations('objectStore');
  const tc = useTranslations('common');
  const m = useMsg();
  const bytes = useBytes();
  // E.g. a "folder/" marker made by another client: the proxy cannot address it exactly, so offer no actions.
  const unaddressable = objectNameError(o.name);
  return (
    <tr className={rowClass} data-id={o.name}>
      <td className="px-3 py-2">
        {!unaddressable && <input type="checkbox" aria-label={t('browser.selectObject', { name: o.name })} checked={selected} onChange={onSelect} />}
      </td>
      <td className={`${tdClass} break-all`}>
        {unaddressable ? (
          <span title={m(unaddressable)} className="text-zinc-600 dark:text-zinc-400">
            {o.display || t('browser.folderMarker')}
          </span>
        ) : (
          <button type="button" className={`${linkClass} text-left`} aria-expanded={open} onClick={onToggle} title={t('browser.showMetadata')}>
            {o.display}
          </button>
        )}
      </td>
      <td className={`${tdClass} text-right tabular-nums`} title={t('size.exact', { count: o.bytes })}>
        {bytes(o.bytes)}
      </td>
      <td className={`${tdClass} font-mono text-xs`}>{o.content_type}</td>
      <td className={tdClass}>
        <Ago iso={o.last_modified} now={now} />
      </td>
      <td className={`${tdClass} text-right whitespace-nowrap`}>
        {unaddressable ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">{t('browser.cliOnly')}</span>
        ) : (
          <>
            {/* Same-origin GET through the proxy, streamed; `download` names the file. */}
            <a href={swiftPath(container, o.name)} download={baseName(o.name)} className={smallButton} aria-label={t('browser.downloadObject', { name: o.name })} title={cli.download(container, o.name)}>
              {t('browser.download')}
            </a>
            <button type="button" className={dangerButton} aria-label={t('browser.deleteObject', { name: o.name })} onClick={onDelete}>
              {tc('delete')}
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

function MetadataPanel({ container, name, onClose }: { container: string; name: string; onClose: () => void }) {
  const t = useTranslations('objectStore');
  const tc = useTranslations('common');
  const meta = useObjectMetadata(container, name);
  // Values as Swift's headers carry them (the expiry as the ISO form of its epoch seconds), shown in monospace.
  const rows: Array<[string, string | undefined]> = meta.data
    ? [
        [tc('name'), name],
        [t('metadata.contentType'), meta.data.contentType],
        [t('metadata.etag'), meta.data.etag],
        [t('columns.lastModified'), meta.data.lastModified],
        [t('metadata.timestamp'), meta.data.timestamp],
        [t('metadata.expiresAt'), meta.data.deleteAt && new Date(Number(meta.data.deleteAt) * 1000).toISOString()],
        [t('metadata.manifest'), meta.data.manifest],
      ]
    : [];
  const custom = Object.entries(meta.data?.meta ?? {});
  return (
    <section aria-label={t('metadata.heading', { name })} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold break-all">{t('metadata.heading', { name: baseName(name) })}</h2>
        <button type="button" className={smallButton} onClick={onClose}>
          {tc('close')}
        </button>
      </div>
      {meta.isPending && (
        <p className="text-sm text-zinc-500 dark:text-zinc-400">
          <Spinner /> {tc('loading')}
        </p>
      )}
      <ApiErrorNotice title={t('metadata.readFailed')} error={meta.error} />
      {meta.data && (
        <>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm">
            {rows
              .filter(([, v]) => v)
              .map(([k, v]) => (
                <div key={k} className="contents">
                  <dt className="text-zinc-500 dark:text-zinc-400">{k}</dt>
                  <dd className="font-mono text-xs break-all">{v}</dd>
                </div>
              ))}
          </dl>
          <h3 className="text-sm font-semibold">{t('metadata.custom')}</h3>
          {custom.length ? (
            <table className="text-sm">
              <caption className="sr-only">{t('metadata.custom')}</caption>
              <tbody>
                {custom.map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row" className="pr-4 text-left font-mono text-xs font-normal text-zinc-500 dark:text-zinc-400">
                      {metaHeader(k)}
                    </th>
                    <td className="font-mono text-xs break-all">{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('metadata.none')}</p>
          )}
        </>
      )}
      <CliHint>{[cli.showObject(container, name), cli.download(container, name)].join('; ')}</CliHint>
    </section>
  );
}
