'use client';

import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { Spinner } from '@/components/resource/status-badge';
import { useNow } from '@/components/shell/use-now';
import { CopyLink } from '@/components/ui/copy-link';
import { buttonClass } from '@/components/ui/button';
import { ApiError } from '@/lib/client/api';
import { useResourceHref } from '@/lib/resources/hooks';
import { deleteObject, setContainerAccess } from '@/lib/resources/object-store/client';
import { useInvalidateSwift, useObjectMetadata, useObjects } from '@/lib/resources/object-store/hooks';
import { baseName, breadcrumbs, cli, formatBytes, isPublicRead, objectNameError, PAGE_SIZE, splitListing, swiftPath, type ObjectRow } from '@/lib/resources/object-store/swift';
import { useContainerDelete } from './container-delete';
import { UploadPanel } from './upload-panel';
import { Ago, CliHint, dangerButton, linkClass, Pager, rowClass, smallButton, tableWrap, tdClass, theadClass, thClass } from './table';

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
      setActionError({ title: `Deleting objects failed after ${done} of ${names.length}`, error: e });
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
      setActionError({ title: 'Changing the access failed', error: e });
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
      <nav aria-label="Folder path" className="text-sm">
        <ol className="flex flex-wrap items-center gap-1 text-zinc-600 dark:text-zinc-400">
          <li>
            <Link href={href('containers')} className={linkClass}>
              Containers
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
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Container</p>
          <h1 className="text-2xl font-semibold tracking-tight break-all">{container}</h1>
        </div>
        {!missing && (
          <div className="flex flex-wrap gap-2">
            <CopyLink />
            <button type="button" className={buttonClass.primary} aria-expanded={uploading} onClick={() => setUploading(!uploading)}>
              Upload files
            </button>
            <button type="button" className={`${buttonClass.secondary} text-red-700 dark:text-red-300`} disabled={del.busy} onClick={() => del.ask(container)}>
              Delete container
            </button>
          </div>
        )}
      </div>
      {info && (
        <section aria-label="Container details">
          <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">Objects</dt>
              <dd className="tabular-nums">{info.objectCount ?? '?'}</dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">Size</dt>
              <dd>{info.bytesUsed === undefined ? '?' : formatBytes(info.bytesUsed)}</dd>
            </div>
            <div>
              <dt className="text-zinc-500 dark:text-zinc-400">Access</dt>
              <dd className="flex items-center gap-2">
                {publicRead ? 'Public read' : 'Private'}
                <button type="button" className={smallButton} disabled={accessBusy} title={cli.setAccess(container, !publicRead)} onClick={() => void toggleAccess()}>
                  {publicRead ? 'Make private' : 'Make public'}
                </button>
              </dd>
            </div>
            {info.storagePolicy && (
              <div>
                <dt className="text-zinc-500 dark:text-zinc-400">Storage policy</dt>
                <dd>{info.storagePolicy}</dd>
              </div>
            )}
          </dl>
          <CliHint>
            {cli.showContainer(container)}; {cli.setAccess(container, !publicRead)}
          </CliHint>
        </section>
      )}
      {del.ui}
      {uploading && <UploadPanel container={container} prefix={prefix} onClose={() => setUploading(false)} />}
      {actionError && <ApiErrorNotice title={actionError.title} error={actionError.error} />}
      {deleting && (
        <div role="status" aria-label="Deleting objects" className="space-y-1 text-sm">
          <p>
            Deleting objects: {deleting.done} of {deleting.total}…
          </p>
          <progress aria-label="Objects deleted" className="h-2 w-full" max={deleting.total} value={deleting.done} />
        </div>
      )}
      {missing ? (
        <div className="space-y-2">
          <ApiErrorNotice title={`Container ${container} does not exist`} error={list.error} />
          <Link href={href('containers')} className={linkClass}>
            Back to the containers
          </Link>
        </div>
      ) : (
        list.error && <ApiErrorNotice title="Could not list the objects" error={list.error} />
      )}
      {!missing && (
        <>
          <div className="flex flex-wrap items-center gap-2" role="toolbar" aria-label="Object actions">
            <button type="button" className={`${buttonClass.secondary} text-red-700 dark:text-red-300`} disabled={!selected.size || !!deleting} onClick={() => setConfirm([...selected])}>
              Delete selected
            </button>
            <span className="text-xs text-zinc-500 dark:text-zinc-400" aria-live="polite">
              {selected.size ? `${selected.size} selected` : ''}
            </span>
          </div>
          <div className={tableWrap}>
            <table className="min-w-full text-sm" aria-label="Objects" aria-busy={list.isPending}>
              <thead className={theadClass}>
                <tr>
                  <th scope="col" className="w-8 px-3 py-2">
                    <span className="sr-only">Select</span>
                  </th>
                  <th scope="col" className={thClass}>Name</th>
                  <th scope="col" className={`${thClass} text-right`}>Size</th>
                  <th scope="col" className={thClass}>Type</th>
                  <th scope="col" className={thClass}>Last modified</th>
                  <th scope="col" className={thClass}>
                    <span className="sr-only">Actions</span>
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
                {list.isPending && (
                  <tr>
                    <td colSpan={6} className="px-3 py-6 text-center text-zinc-500">
                      <Spinner /> Loading objects…
                    </td>
                  </tr>
                )}
                {!list.isPending && !list.error && folders.length + objects.length === 0 && (
                  <tr>
                    <td colSpan={6} className="px-3 py-8 text-center text-zinc-500 dark:text-zinc-400">
                      {prefix ? 'This folder is empty.' : 'This container is empty. Upload files to add objects.'}
                    </td>
                  </tr>
                )}
                {folders.map((f) => (
                  <tr key={f.prefix} className={rowClass} data-id={f.prefix}>
                    <td className="px-3 py-2" />
                    <td className={tdClass}>
                      <Link href={folderHref(f.prefix)} className={linkClass} aria-label={`Folder ${f.name}`}>
                        <span aria-hidden="true">📁 </span>
                        {f.name}/
                      </Link>
                    </td>
                    <td className={tdClass} />
                    <td className={`${tdClass} text-zinc-500 dark:text-zinc-400`}>Folder</td>
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
            label="Object pages"
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
        title={confirm && confirm.length > 1 ? `Delete ${confirm.length} objects?` : 'Delete object?'}
        body="Deleted objects cannot be recovered."
        items={confirm ?? []}
        confirmLabel="Delete"
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
  // E.g. a "folder/" marker made by another client: the proxy cannot address it exactly, so offer no actions.
  const unaddressable = objectNameError(o.name);
  return (
    <tr className={rowClass} data-id={o.name}>
      <td className="px-3 py-2">
        {!unaddressable && <input type="checkbox" aria-label={`Select ${o.name}`} checked={selected} onChange={onSelect} />}
      </td>
      <td className={`${tdClass} break-all`}>
        {unaddressable ? (
          <span title={unaddressable} className="text-zinc-600 dark:text-zinc-400">
            {o.display || '(folder marker)'}
          </span>
        ) : (
          <button type="button" className={`${linkClass} text-left`} aria-expanded={open} onClick={onToggle} title="Show metadata">
            {o.display}
          </button>
        )}
      </td>
      <td className={`${tdClass} text-right tabular-nums`} title={`${o.bytes} bytes`}>
        {formatBytes(o.bytes)}
      </td>
      <td className={`${tdClass} font-mono text-xs`}>{o.content_type}</td>
      <td className={tdClass}>
        <Ago iso={o.last_modified} now={now} />
      </td>
      <td className={`${tdClass} text-right whitespace-nowrap`}>
        {unaddressable ? (
          <span className="text-xs text-zinc-500 dark:text-zinc-400">CLI only</span>
        ) : (
          <>
            {/* Same-origin GET through the proxy, streamed; `download` names the file. */}
            <a href={swiftPath(container, o.name)} download={baseName(o.name)} className={smallButton} aria-label={`Download ${o.name}`} title={cli.download(container, o.name)}>
              Download
            </a>
            <button type="button" className={dangerButton} aria-label={`Delete ${o.name}`} onClick={onDelete}>
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  );
}

function MetadataPanel({ container, name, onClose }: { container: string; name: string; onClose: () => void }) {
  const meta = useObjectMetadata(container, name);
  const rows: Array<[string, string | undefined]> = meta.data
    ? [
        ['Name', name],
        ['Content type', meta.data.contentType],
        ['ETag (MD5)', meta.data.etag],
        ['Last modified', meta.data.lastModified],
        ['Timestamp', meta.data.timestamp],
        ['Expires at', meta.data.deleteAt && new Date(Number(meta.data.deleteAt) * 1000).toISOString()],
        ['Large-object manifest', meta.data.manifest],
      ]
    : [];
  const custom = Object.entries(meta.data?.meta ?? {});
  return (
    <section aria-label={`Metadata of ${name}`} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-lg font-semibold break-all">Metadata of {baseName(name)}</h2>
        <button type="button" className={smallButton} onClick={onClose}>
          Close
        </button>
      </div>
      {meta.isPending && (
        <p className="text-sm text-zinc-500">
          <Spinner /> Loading…
        </p>
      )}
      <ApiErrorNotice title="Could not read the object's metadata" error={meta.error} />
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
          <h3 className="text-sm font-semibold">Custom metadata</h3>
          {custom.length ? (
            <table className="text-sm" aria-label="Custom metadata">
              <tbody>
                {custom.map(([k, v]) => (
                  <tr key={k}>
                    <th scope="row" className="pr-4 text-left font-mono text-xs font-normal text-zinc-500">
                      X-Object-Meta-{k}
                    </th>
                    <td className="font-mono text-xs break-all">{v}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          ) : (
            <p className="text-sm text-zinc-500 dark:text-zinc-400">None.</p>
          )}
        </>
      )}
      <CliHint>
        {cli.showObject(container, name)}; {cli.download(container, name)}
      </CliHint>
    </section>
  );
}
