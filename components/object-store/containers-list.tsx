'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState, type FormEvent } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { errorText } from '@/lib/client/api';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { Spinner } from '@/components/resource/status-badge';
import { CopyLink } from '@/components/ui/copy-link';
import { ShareSnapshot } from '@/components/snapshot/share-snapshot';
import { tableCapture } from '@/lib/snapshot/capture';
import { buttonClass } from '@/components/ui/button';
import { InlineForm } from '@/components/resource/form-parts';
import { SubTable } from '@/components/resource/sub-list';
import { TextField } from '@/components/ui/field';
import { containerExists, createContainer } from '@/lib/resources/object-store/client';
import { useContainers, useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import type { Text } from '@/lib/i18n/msg';
import { cli, containerNameError } from '@/lib/resources/object-store/swift';
import { useNow } from '@/components/shell/use-now';
import { useContainerDelete } from './container-delete';
import { Ago, CliHint, Pager, useBytes } from './table';

/** Swift containers of the project: list (name, objects, bytes), create (private or public-read), delete. */
export function ContainersList() {
  const t = useTranslations('objectStore');
  const tc = useTranslations('common');
  const m = useMsg();
  const bytes = useBytes();
  const format = useFormatter();
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
          <p className="text-sm text-zinc-500 dark:text-zinc-400">{t('containers.section')}</p>
          <h1 className="text-2xl font-semibold tracking-tight">{t('containers.heading')}</h1>
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <CopyLink />
          <ShareSnapshot
            capture={() =>
              tableCapture(
                t('containers.heading'),
                'containers',
                [
                  { id: 'name', label: tc('name') },
                  { id: 'objects', label: t('columns.objects') },
                  { id: 'size', label: t('columns.size') },
                  { id: 'lastModified', label: t('columns.lastModified') },
                ],
                rows.map((c) => [c.name, format.number(c.count), bytes(c.bytes), c.last_modified ?? '']),
              )
            }
          />
          <button type="button" className={buttonClass.primary} aria-expanded={creating} onClick={() => setCreating(!creating)}>
            {t('containers.create')}
          </button>
        </div>
      </div>
      {creating && <CreateContainerForm onDone={() => setCreating(false)} />}
      {del.ui}
      {list.error && !list.data && <ApiErrorNotice title={t('containers.listFailed')} error={list.error} />}
      {list.error && list.data && (
        <p role="status" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
          {t('containers.stale', { error: m(errorText(list.error)) })}
        </p>
      )}
      <SubTable
        look="list"
        label={t('containers.heading')}
        busy={list.isPending}
        rows={list.isPending ? undefined : rows}
        rowKey={(c) => c.name}
        rowId={(c) => c.name}
        loading={
          <>
            <Spinner /> {t('containers.loading')}
          </>
        }
        empty={list.error ? '' : t('containers.empty')}
        columns={[
          { label: tc('name'), link: (c) => ({ slug: 'containers', id: c.name }), cell: (c) => c.name },
          { label: t('columns.objects'), numeric: true, cell: (c) => format.number(c.count) },
          { label: t('columns.size'), numeric: true, title: (c) => t('size.exact', { count: c.bytes }), cell: (c) => bytes(c.bytes) },
          { label: t('columns.lastModified'), cell: (c) => <Ago iso={c.last_modified} now={now} /> },
        ]}
        buttons={(c) => [{ label: tc('delete'), danger: true, ariaLabel: t('containers.deleteLabel', { name: c.name }), disabled: del.busy, onClick: () => del.ask(c.name, c.count) }]}
      />
      <Pager
        label={t('containers.pages')}
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
  const t = useTranslations('objectStore.containers');
  const tc = useTranslations('common');
  const m = useMsg();
  const [name, setName] = useState('');
  const [publicRead, setPublicRead] = useState(false);
  // The name check's text (swift.ts), or ours.
  const [fieldError, setFieldError] = useState<Text | null>(null);
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
        setFieldError(t('form.exists', { name }));
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
      label={t('create')}
      onSubmit={(e) => void submit(e)}
      error={error}
      errorTitle={t('form.failed')}
      cli={cli.createContainer(name || '<name>', publicRead)}
      submit={t('form.submit')}
      pendingLabel={t('form.pending')}
      pending={busy}
      onCancel={onDone}
    >
      <h2 className="text-lg font-semibold">{t('create')}</h2>
      <TextField label={tc('name')} value={name} onChange={(e) => setName(e.target.value)} error={fieldError === null ? undefined : m(fieldError)} autoFocus maxLength={256} hint={t('form.hint')} />
      <fieldset className="space-y-1.5">
        <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{t('form.access')}</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="access" checked={!publicRead} onChange={() => setPublicRead(false)} /> {t('form.private')}
        </label>
        <label className="flex items-center gap-2 text-sm">
          <input type="radio" name="access" checked={publicRead} onChange={() => setPublicRead(true)} /> {t('form.publicRead')}
        </label>
      </fieldset>
    </InlineForm>
  );
}
