'use client';

import { useRef, useState, type FormEvent } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import { uploadObject } from '@/lib/resources/object-store/client';
import { useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import { cli, formatBytes, normaliseFolder, objectNameError } from '@/lib/resources/object-store/swift';
import { CliHint, smallButton } from './table';

interface Item {
  key: string;
  name: string;
  file: File;
  loaded: number;
  status: 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';
  error?: unknown;
}

const PARALLEL = 2;

/** Upload one or many files into a folder (prefix), streamed through the proxy with progress and cancel. */
export function UploadPanel({ container, prefix, onClose }: { container: string; prefix: string; onClose: () => void }) {
  const [folder, setFolder] = useState(prefix);
  const [files, setFiles] = useState<File[]>([]);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const skipped = useRef(new Set<string>());
  const invalidate = useInvalidateSwift();
  const running = items.some((i) => i.status === 'queued' || i.status === 'uploading');
  const target = normaliseFolder(folder);

  const patch = (key: string, p: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  async function start(e: FormEvent) {
    e.preventDefault();
    if (!files.length) return setFieldError('Choose at least one file');
    const named = files.map((file, n) => ({ key: `${Date.now()}-${n}`, name: `${target}${file.name}`, file, loaded: 0, status: 'queued' as const }));
    const problem = named.map((i) => objectNameError(i.name)).find(Boolean);
    if (problem) return setFieldError(problem);
    setFieldError(null);
    setItems(named);
    const queue = [...named];
    const worker = async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        if (skipped.current.has(item.key)) continue;
        const ctl = new AbortController();
        controllers.current.set(item.key, ctl);
        const key = item.key;
        patch(key, { status: 'uploading' });
        try {
          await uploadObject(container, item.name, item.file, (p) => patch(key, { loaded: p.loaded }), ctl.signal);
          patch(key, { status: 'done', loaded: item.file.size });
        } catch (err) {
          const cancelled = err instanceof DOMException && err.name === 'AbortError';
          patch(key, cancelled ? { status: 'cancelled' } : { status: 'failed', error: err });
        } finally {
          controllers.current.delete(key);
        }
      }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
    await invalidate();
  }

  function cancel(item: Item) {
    const ctl = controllers.current.get(item.key);
    if (ctl) ctl.abort();
    else if (item.status === 'queued') {
      skipped.current.add(item.key);
      patch(item.key, { status: 'cancelled' });
    }
  }

  return (
    <form aria-label="Upload files" noValidate onSubmit={(e) => void start(e)} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="text-lg font-semibold">Upload files</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="upload-files" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
            Files
          </label>
          <input
            id="upload-files"
            type="file"
            multiple
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'upload-files-error' : undefined}
            className="block w-full text-sm"
            onChange={(e) => {
              setFiles(Array.from(e.target.files ?? []));
              setFieldError(null);
            }}
          />
          {fieldError && (
            <p id="upload-files-error" className="text-sm text-red-600 dark:text-red-400">
              {fieldError}
            </p>
          )}
        </div>
        <TextField label="Folder" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="(top level)" hint="A pseudo-folder path such as reports/2024; it is created by naming the objects under it." />
      </div>
      {files.length > 0 && !items.length && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {files.length} file{files.length === 1 ? '' : 's'}, {formatBytes(files.reduce((n, f) => n + f.size, 0))}, into {target ? <code className="font-mono">{target}</code> : 'the top level'}. An object with the same name is replaced.
        </p>
      )}
      {items.length > 0 && (
        <ul aria-label="Uploads" className="space-y-2">
          {items.map((i) => (
            <li key={i.key} className="space-y-1 text-sm">
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate font-mono text-xs" title={i.name}>
                  {i.name}
                </span>
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {formatBytes(i.loaded)} / {formatBytes(i.file.size)}
                </span>
                <span className="text-xs font-medium" data-status={i.status}>
                  {{ queued: 'Queued', uploading: 'Uploading', done: 'Uploaded', failed: 'Failed', cancelled: 'Cancelled' }[i.status]}
                </span>
                {(i.status === 'queued' || i.status === 'uploading') && (
                  <button type="button" className={smallButton} aria-label={`Cancel upload of ${i.name}`} onClick={() => cancel(i)}>
                    Cancel
                  </button>
                )}
              </div>
              <progress aria-label={`Upload progress of ${i.name}`} className="h-2 w-full" max={Math.max(1, i.file.size)} value={i.status === 'done' ? Math.max(1, i.file.size) : i.loaded} />
              {i.status === 'failed' && <ApiErrorNotice title={`Uploading ${i.name} failed`} error={i.error} />}
            </li>
          ))}
        </ul>
      )}
      <CliHint>{files.length ? files.map((f) => cli.upload(container, `${target}${f.name}`)).join('; ') : cli.upload(container, `${target}<file>`)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={running}>
          Upload
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            for (const i of items) cancel(i);
            onClose();
          }}
        >
          {running ? 'Cancel all and close' : 'Close'}
        </button>
      </div>
    </form>
  );
}
