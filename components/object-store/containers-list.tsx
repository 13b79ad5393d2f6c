'use client';

import { useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { Spinner } from '@/components/resource/status-badge';
import { CopyLink } from '@/components/ui/copy-link';
import { buttonClass } from '@/components/ui/button';
import { InlineForm } from '@/components/resource/form-parts';
import { SubTable } from '@/components/resource/sub-list';
import { TextField } from '@/components/ui/field';
import { containerExists, createContainer } from '@/lib/resources/object-store/client';
import { useContainers, useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import { cli, containerNameError, formatBytes } from '@/lib/resources/object-store/swift';
import { useNow } from '@/components/shell/use-now';
import { useContainerDelete } from './container-delete';
import { Ago, CliHint, Pager } from './table';

/** Swift containers of the project: list (name, objects, bytes), create (private or public-read), delete. */
export function ContainersList() {
  const [markers, setMarkers] = useState<string[]>([]);
  const marker = markers[markers.length - 1];
  const list = useContainers(marker);
  const [creating, setCreating] = useState(false);
  const del = useContainerDelete();
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
      <SubTable
        look="list"
        label="Containers"
        busy={list.isPending}
        rows={list.isPending ? undefined : rows}
        rowKey={(c) => c.name}
        rowId={(c) => c.name}
        loading={
          <>
            <Spinner /> Loading containers…
          </>
        }
        empty={list.error ? '' : 'No containers yet. Create one to store files.'}
        columns={[
          { label: 'Name', link: (c) => ({ slug: 'containers', id: c.name }), cell: (c) => c.name },
          { label: 'Objects', numeric: true, cell: (c) => c.count },
          { label: 'Size', numeric: true, title: (c) => `${c.bytes} bytes`, cell: (c) => formatBytes(c.bytes) },
          { label: 'Last modified', cell: (c) => <Ago iso={c.last_modified} now={now} /> },
        ]}
        buttons={(c) => [{ label: 'Delete', danger: true, ariaLabel: `Delete container ${c.name}`, disabled: del.busy, onClick: () => del.ask(c.name) }]}
      />
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
    <InlineForm
      label="Create container"
      onSubmit={(e) => void submit(e)}
      error={error}
      errorTitle="Creating the container failed"
      cli={cli.createContainer(name || '<name>', publicRead)}
      submit="Create"
      pendingLabel="Creating…"
      pending={busy}
      onCancel={onDone}
    >
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
    </InlineForm>
  );
}
