'use client';

import Link from 'next/link';
import { useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { Spinner } from '@/components/resource/status-badge';
import { CopyLink } from '@/components/ui/copy-link';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import { containerExists, createContainer } from '@/lib/resources/object-store/client';
import { useContainers, useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import { cli, containerNameError, formatBytes } from '@/lib/resources/object-store/swift';
import { useNow } from '@/components/shell/use-now';
import { useContainerDelete } from './container-delete';
import { Ago, CliHint, dangerButton, linkClass, Pager, rowClass, tableWrap, tdClass, theadClass, thClass } from './table';

/** Swift containers of the project: list (name, objects, bytes), create (private or public-read), delete. */
export function ContainersList() {
  const [markers, setMarkers] = useState<string[]>([]);
  const marker = markers[markers.length - 1];
  const list = useContainers(marker);
  const [creating, setCreating] = useState(false);
  const del = useContainerDelete();
  const href = useResourceHref();
  const now = useNow();
  const rows = list.data?.items ?? [];

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div>
          <p className="text-sm text-zinc-500 dark:text-zinc-400">Object Storage</p>
          <h1 className="text-2xl font-semibold tracking-tight">Containers</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CopyLink />
          <button type="button" className={buttonClass.primary} aria-expanded={creating} onClick={() => setCreating(!creating)}>
            Create container
          </button>
        </div>
      </div>
      {creating && <CreateContainerForm onDone={() => setCreating(false)} />}
      {del.ui}
      {list.error && !list.data && <ApiErrorNotice title="Could not list containers" error={list.error} />}
      {list.error && list.data && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          Showing the last data received: the latest refresh failed ({list.error.message}).
        </p>
      )}
      <div className={tableWrap}>
        <table className="min-w-full text-sm" aria-label="Containers" aria-busy={list.isPending}>
          <thead className={theadClass}>
            <tr>
              <th scope="col" className={thClass}>Name</th>
              <th scope="col" className={`${thClass} text-right`}>Objects</th>
              <th scope="col" className={`${thClass} text-right`}>Size</th>
              <th scope="col" className={thClass}>Last modified</th>
              <th scope="col" className={thClass}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {list.isPending && (
              <tr>
                <td colSpan={5} className="px-3 py-6 text-center text-zinc-500">
                  <Spinner /> Loading containers…
                </td>
              </tr>
            )}
            {!list.isPending && rows.length === 0 && !list.error && (
              <tr>
                <td colSpan={5} className="px-3 py-8 text-center text-zinc-500 dark:text-zinc-400">
                  No containers yet. Create one to store files.
                </td>
              </tr>
            )}
            {rows.map((c) => (
              <tr key={c.name} className={rowClass} data-id={c.name}>
                <td className={tdClass}>
                  <Link href={href('containers', encodeURIComponent(c.name))} className={linkClass}>
                    {c.name}
                  </Link>
                </td>
                <td className={`${tdClass} text-right tabular-nums`}>{c.count}</td>
                <td className={`${tdClass} text-right tabular-nums`} title={`${c.bytes} bytes`}>
                  {formatBytes(c.bytes)}
                </td>
                <td className={tdClass}>
                  <Ago iso={c.last_modified} now={now} />
                </td>
                <td className={`${tdClass} text-right`}>
                  <button type="button" className={dangerButton} aria-label={`Delete container ${c.name}`} disabled={del.busy} onClick={() => del.ask(c.name)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <Pager
        label="Container pages"
        markers={markers}
        next={list.data?.next}
        shown={rows.length}
        onFirst={() => setMarkers([])}
        onPrevious={() => setMarkers(markers.slice(0, -1))}
        onNext={(m) => setMarkers([...markers, m])}
      />
      <CliHint>{cli.listContainers()}</CliHint>
    </div>
  );
}

function CreateContainerForm({ onDone }: { onDone: () => void }) {
  const [name, setName] = useState('');
  const [publicRead, setPublicRead] = useState(false);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const invalidate = useInvalidateSwift();

  async function submit(e: FormEvent) {
    e.preventDefault();
    const problem = containerNameError(name);
    setFieldError(problem);
    setError(null);
    if (problem) return;
    setBusy(true);
    try {
      // Swift answers 202 to a PUT on an existing container (and would change its ACL): say so instead.
      if (await containerExists(name)) {
        setFieldError(`A container named ${name} already exists`);
        return;
      }
      await createContainer(name, publicRead);
      await invalidate();
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form aria-label="Create container" noValidate onSubmit={(e) => void submit(e)} className="max-w-xl space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="text-lg font-semibold">Create container</h2>
      <TextField label="Name" value={name} onChange={(e) => setName(e.target.value)} error={fieldError ?? undefined} autoFocus maxLength={256} hint="Up to 256 bytes; no “/”." />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Access</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="access" checked={!publicRead} onChange={() => setPublicRead(false)} /> Private (project members only)
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="access" checked={publicRead} onChange={() => setPublicRead(true)} /> Public read (anyone with the URL can read and list)
        </label>
      </fieldset>
      <ApiErrorNotice title="Creating the container failed" error={error} />
      <CliHint>{cli.createContainer(name || '<name>', publicRead)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={busy}>
          {busy && <Spinner />} Create
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
