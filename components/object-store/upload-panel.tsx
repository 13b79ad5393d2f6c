'use client';

import { useTranslations } from 'next-intl';
import { useRef, useState, type FormEvent } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { TextField } from '@/components/ui/field';
import type { MsgKey, Text } from '@/lib/i18n/msg';
import { uploadObject } from '@/lib/resources/object-store/client';
import { useInvalidateSwift } from '@/lib/resources/object-store/hooks';
import { cli, normaliseFolder, objectNameError } from '@/lib/resources/object-store/swift';
import { CliHint, smallButton, useBytes } from './table';

interface Item {
  key: string;
  name: string;
  file: File;
  loaded: number;
  status: 'queued' | 'uploading' | 'done' | 'failed' | 'cancelled';
  error?: unknown;
}

const PARALLEL = 2;

const STATUS: Record<Item['status'], MsgKey> = {
  queued: 'objectStore.upload.status.queued',
  uploading: 'objectStore.upload.status.uploading',
  done: 'objectStore.upload.status.done',
  failed: 'objectStore.upload.status.failed',
  cancelled: 'objectStore.upload.status.cancelled',
};

/** Upload one or many files into a folder (prefix), streamed through the proxy with progress and cancel. */
export function UploadPanel({ container, prefix, onClose }: { container: string; prefix: string; onClose: () => void }) {
  const t = useTranslations('objectStore.upload');
  const tc = useTranslations('common');
  const m = useMsg();
  const bytes = useBytes();
  const [folder, setFolder] = useState(prefix);
  const [files, setFiles] = useState<File[]>([]);
  // Ours, or the name check's text (swift.ts).
  const [fieldError, setFieldError] = useState<Text | null>(null);
  const [items, setItems] = useState<Item[]>([]);
  const controllers = useRef(new Map<string, AbortController>());
  const skipped = useRef(new Set<string>());
  const invalidate = useInvalidateSwift();
  const running = items.some((i) => i.status === 'queued' || i.status === 'uploading');
  const target = normaliseFolder(folder);
  const total = bytes(files.reduce((n, f) => n + f.size, 0));

  const patch = (key: string, p: Partial<Item>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...p } : i)));

  async function start(e: FormEvent) {
    e.preventDefault();
    if (!files.length) return setFieldError('objectStore.upload.noFiles');
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
    <form aria-label={t('heading')} noValidate onSubmit={(e) => void start(e)} className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="text-lg font-semibold">{t('heading')}</h2>
      <div className="grid gap-4 md:grid-cols-2">
        <div className="space-y-1.5">
          <label htmlFor="upload-files" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
            {t('files')}
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
              {m(fieldError)}
            </p>
          )}
        </div>
        <TextField label={t('folder')} value={folder} onChange={(e) => setFolder(e.target.value)} placeholder={t('folderPlaceholder')} hint={t('folderHint')} />
      </div>
      {files.length > 0 && !items.length && (
        <p className="text-sm text-zinc-600 dark:text-zinc-400">
          {target
            ? t.rich('summaryInto', { count: files.length, size: total, folder: target, code: (chunks) => <code className="font-mono">{chunks}</code> })
            : t('summaryTop', { count: files.length, size: total })}
        </p>
      )}
      {items.length > 0 && (
        <ul aria-label={t('list')} className="space-y-2">
          {items.map((i) => (
            <li key={i.key} className="space-y-1 text-sm">
              <div className="flex items-center gap-2">
                <span className="min-w-0 flex-1 truncate font-mono text-xs" title={i.name}>
                  {i.name}
                </span>
                <span className="text-xs text-zinc-500 tabular-nums dark:text-zinc-400">
                  {t('progress', { loaded: bytes(i.loaded), total: bytes(i.file.size) })}
                </span>
                <span className="text-xs font-medium" data-status={i.status}>
                  {m(STATUS[i.status])}
                </span>
                {(i.status === 'queued' || i.status === 'uploading') && (
                  <button type="button" className={smallButton} aria-label={t('cancelOne', { name: i.name })} onClick={() => cancel(i)}>
                    {tc('cancel')}
                  </button>
                )}
              </div>
              <progress aria-label={t('progressOf', { name: i.name })} className="h-2 w-full" max={Math.max(1, i.file.size)} value={i.status === 'done' ? Math.max(1, i.file.size) : i.loaded} />
              {i.status === 'failed' && <ApiErrorNotice title={t('failed', { name: i.name })} error={i.error} />}
            </li>
          ))}
        </ul>
      )}
      <CliHint>{files.length ? files.map((f) => cli.upload(container, `${target}${f.name}`)).join('; ') : cli.upload(container, `${target}<file>`)}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={running}>
          {t('submit')}
        </button>
        <button
          type="button"
          className={buttonClass.secondary}
          onClick={() => {
            for (const i of items) cancel(i);
            onClose();
          }}
        >
          {running ? t('cancelAll') : tc('close')}
        </button>
      </div>
    </form>
  );
}
