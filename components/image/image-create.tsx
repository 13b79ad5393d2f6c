'use client';

import Link from '@/components/ui/intent-link';
import { useFormatter, useTranslations } from 'next-intl';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { StatusBadge } from '@/components/resource/status-badge';
import { useZodForm } from '@/components/resource/use-zod-form';
import { useIsAdmin } from '@/components/shell/session-context';
import { buttonClass } from '@/components/ui/button';
import { SelectField, TextField } from '@/components/ui/field';
import { upload } from '@/lib/client/upload';
import { useResourceHref } from '@/lib/resources/hooks';
import { createImage, deleteImage, getImage, imageFileUrl, importFromUrl, useImportInfo } from '@/lib/resources/image/queries';
import { useInvalidateKinds } from '@/lib/resources/queries';
import {
  CONTAINER_FORMATS, createCli, DISK_FORMATS, guessDiskFormat, ImageCreateSchema,
  imageStatus, nameFromFile, UrlSchema, VISIBILITIES, type Image, type ImageCreate,
} from '@/lib/resources/image/image';
import { FormFooter, ValueOptions } from '@/components/resource/form-parts';
import { useFormatBytes } from './use-format-bytes';


type Values = { name: string; disk_format: string; container_format: string; visibility: string; protected: boolean; min_disk: string; min_ram: string };
/** An example URL for the field (data, not words). */
const URL_EXAMPLE = 'https://example.com/image.qcow2';
const DEFAULTS: Values = { name: '', disk_format: 'qcow2', container_format: 'bare', visibility: 'private', protected: false, min_disk: '0', min_ram: '0' };
type Phase =
  | { step: 'form' }
  | { step: 'uploading'; image: Image; loaded: number; total: number }
  | { step: 'importing'; image: Image }
  /** `importFailed`: the import went back to queued (Glance's sign that web-download failed). */
  | { step: 'done'; image: Image; importFailed?: boolean }
  | { step: 'cancelling' | 'cancelled'; image: Image; deleteError?: unknown };


/** Create an image from a local file (streamed through the proxy to PUT v2/images/{id}/file) or, when the cloud offers it, from a URL. */
export function ImageCreateForm() {
  const t = useTranslations('image');
  const tc = useTranslations('common');
  const m = useMsg();
  const formatBytes = useFormatBytes();
  const href = useResourceHref();
  const isAdmin = useIsAdmin();
  const invalidate = useInvalidateKinds();
  const info = useImportInfo();
  // Hidden unless the cloud lists web-download (an error or an older Glance: no URL option).
  const webDownload = !!info.data?.['import-methods'].value.includes('web-download');

  const [source, setSource] = useState<'file' | 'url'>('file');
  const [file, setFile] = useState<File | null>(null);
  const [url, setUrl] = useState('');
  const form = useZodForm(ImageCreateSchema, DEFAULTS);
  const { values: v, set, errors, field } = form;
  const [guessed, setGuessed] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [phase, setPhase] = useState<Phase>({ step: 'form' });
  // Every status Glance reported for the new image, in order (queued -> saving -> active).
  const [seen, setSeen] = useState<string[]>([]);
  const abort = useRef<AbortController | null>(null);
  const record = (img: Image) => setSeen((old) => (old[old.length - 1] === img.status ? old : [...old, img.status]));

  const currentId = phase.step === 'form' ? undefined : phase.image.id;
  // Poll the new image while it is uploading or importing; stop once it settles.
  // After a finished PUT Glance already answers active; only an import settles later.
  const watching = phase.step === 'uploading' || phase.step === 'importing';
  const importing = useRef(false);
  useEffect(() => {
    if (!currentId || !watching) return;
    const ctl = new AbortController();
    const timer = setInterval(() => {
      getImage(currentId, ctl.signal)
        .then((img) => {
          setSeen((old) => (old[old.length - 1] === img.status ? old : [...old, img.status]));
          if (img.status === 'importing') importing.current = true;
          setPhase((old) => {
            if (old.step === 'importing' && importing.current && img.status === 'queued') return { step: 'done', image: img, importFailed: true };
            return (old.step === 'done' || old.step === 'importing') && imageStatus(img).tone !== 'busy' ? { step: 'done', image: img } : old;
          });
        })
        .catch(() => undefined); // a failed poll is retried on the next tick
    }, 500);
    return () => {
      clearInterval(timer);
      ctl.abort();
    };
  }, [currentId, watching]);

  useEffect(() => () => abort.current?.abort(), []);

  const { parsed } = form;
  const draft = { ...v, min_disk: Number(v.min_disk) || 0, min_ram: Number(v.min_ram) || 0 } as Parameters<typeof createCli>[0];
  const cli = createCli(parsed.success ? parsed.data : draft, source === 'url' ? { url } : { file: file?.name });
  const visibilities = VISIBILITIES.filter((x) => x !== 'public' || isAdmin);

  function chooseFile(f: File | null) {
    setFile(f);
    if (!f) return setGuessed(undefined);
    const g = guessDiskFormat(f.name);
    setGuessed(g);
    form.setValues((old) => ({ ...old, disk_format: g ?? old.disk_format, name: old.name || nameFromFile(f.name) }));
  }

  // The file or the URL, checked besides the schema.
  const badUrl = source === 'url' ? UrlSchema.safeParse(url).error : undefined;
  const problems = { file: source === 'file' && !file ? t('create.chooseFile') : undefined, url: badUrl && (badUrl.issues[0] ? m(badUrl.issues[0].message) : t('create.invalidUrl')) };

  async function submit(data: ImageCreate) {
    let created: Image;
    try {
      created = await createImage(data);
    } catch (e) {
      return setError(e);
    }
    setSeen([created.status]);
    void invalidate(['image']);
    if (source === 'url') {
      try {
        await importFromUrl(created.id, url.trim());
      } catch (e) {
        // Refused (e.g. the URL does not pass Glance's import filter): drop the empty image, keep the form.
        await deleteImage(created.id).catch(() => undefined);
        void invalidate(['image']);
        setSeen([]);
        return setError(e);
      }
      importing.current = false;
      setPhase({ step: 'importing', image: created });
      return;
    }
    const ctl = new AbortController();
    abort.current = ctl;
    setPhase({ step: 'uploading', image: created, loaded: 0, total: file!.size });
    try {
      await upload({
        method: 'PUT',
        url: imageFileUrl(created.id),
        body: file!,
        headers: { 'Content-Type': 'application/octet-stream' },
        signal: ctl.signal,
        onProgress: (p) => setPhase((old) => (old.step === 'uploading' ? { ...old, loaded: p.loaded, total: p.total } : old)),
      });
    } catch (e) {
      if (e instanceof DOMException && e.name === 'AbortError') return;
      setError(e);
    } finally {
      abort.current = null;
    }
    const after = await getImage(created.id).catch(() => created);
    record(after);
    setPhase({ step: 'done', image: after });
    void invalidate(['image']);
  }

  async function cancel(img: Image) {
    abort.current?.abort();
    setPhase({ step: 'cancelling', image: img });
    // A half-made image stays queued (or killed) forever: delete it.
    try {
      await deleteImage(img.id);
      setPhase({ step: 'cancelled', image: img });
    } catch (e) {
      setPhase({ step: 'cancelled', image: img, deleteError: e });
    }
    void invalidate(['image']);
  }

  const busy = phase.step === 'uploading' || phase.step === 'importing' || phase.step === 'cancelling';

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label={t('create.breadcrumb')} className="text-sm">
        <Link href={href('images')} className="text-brand-700 hover:underline dark:text-brand-300">
          {m('kinds.image.plural')}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{t('create.title')}</h1>
      <form
        noValidate
        aria-label={t('create.title')}
        className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={(e) => {
          e.preventDefault();
          if (busy) return;
          setError(null);
          void form.submit(submit, problems)(e);
        }}
      >
        <fieldset disabled={phase.step !== 'form'} className="space-y-4">
          {webDownload && (
            <div role="radiogroup" aria-label={t('create.source')} className="flex gap-4 text-sm">
              <label className="flex items-center gap-2">
                <input type="radio" name="source" checked={source === 'file'} onChange={() => setSource('file')} /> {t('create.uploadFile')}
              </label>
              <label className="flex items-center gap-2">
                <input type="radio" name="source" checked={source === 'url'} onChange={() => setSource('url')} /> {t('create.importUrl')}
              </label>
            </div>
          )}
          {source === 'file' ? (
            <div className="space-y-1.5">
              <label htmlFor="image-file" className="block text-sm font-medium text-zinc-700 dark:text-zinc-300">
                {t('create.imageFile')}
              </label>
              <input
                id="image-file"
                type="file"
                aria-invalid={errors.file ? true : undefined}
                aria-describedby={errors.file ? 'image-file-error' : 'image-file-hint'}
                className="block w-full text-sm"
                onChange={(e) => chooseFile(e.target.files?.[0] ?? null)}
              />
              {errors.file ? (
                <p id="image-file-error" className="text-sm text-red-600 dark:text-red-400">
                  {errors.file}
                </p>
              ) : (
                <p id="image-file-hint" className="text-xs text-zinc-500 dark:text-zinc-400">
                  {file
                    ? guessed
                      ? t('create.fileGuessed', { size: formatBytes(file.size), format: guessed })
                      : t('create.fileChosen', { size: formatBytes(file.size) })
                    : t('create.fileHint')}
                </p>
              )}
            </div>
          ) : (
            <TextField label={t('create.imageUrl')} value={url} error={errors.url} hint={t('create.urlHint')} placeholder={URL_EXAMPLE} onChange={(e) => {
              setUrl(e.target.value);
              const g = guessDiskFormat(e.target.value.split(/[?#]/)[0]);
              if (g) set('disk_format', g);
            }} />
          )}
          <TextField label={tc('name')} {...field('name')} />
          <div className="grid gap-3 sm:grid-cols-2">
            <SelectField label={m('kinds.image.fields.diskFormat')} {...field('disk_format')}>
              <ValueOptions values={DISK_FORMATS} />
            </SelectField>
            <SelectField label={m('kinds.image.fields.containerFormat')} {...field('container_format')}>
              <ValueOptions values={CONTAINER_FORMATS} />
            </SelectField>
          </div>
          <SelectField label={m('kinds.image.fields.visibility')} {...field('visibility')}>
            <ValueOptions values={visibilities} />
          </SelectField>
          <div className="grid gap-3 sm:grid-cols-2">
            <TextField label={m('kinds.image.fields.minDiskGb')} type="number" min={0} {...field('min_disk')} />
            <TextField label={m('kinds.image.fields.minRamMb')} type="number" min={0} {...field('min_ram')} />
          </div>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={v.protected} onChange={(e) => set('protected', e.target.checked)} />
            {t('protected')}
          </label>
        </fieldset>
        <FormFooter
          error={error}
          errorTitle={phase.step !== 'form' ? t('create.notStored') : source === 'url' ? t('create.importFailed') : t('create.createFailed')}
          cli={cli}
          submit={source === 'url' ? t('create.importImage') : t('create.uploadImage')}
          pending={false}
          noButtons={phase.step !== 'form'}
          cancelTo="images"
        />
      </form>
      {phase.step !== 'form' && <Progress phase={phase} seen={seen} onCancel={cancel} />}
    </div>
  );
}

function Progress({ phase, seen, onCancel }: { phase: Exclude<Phase, { step: 'form' }>; seen: string[]; onCancel: (img: Image) => void }) {
  const t = useTranslations('image.create');
  const format = useFormatter();
  const formatBytes = useFormatBytes();
  const href = useResourceHref();
  const img = phase.image;
  const pct = phase.step === 'uploading' && phase.total > 0 ? Math.floor((phase.loaded / phase.total) * 100) : phase.step === 'done' ? 100 : 0;
  return (
    <section aria-label={t('upload')} className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <p className="flex flex-wrap items-center gap-2">
        {t.rich('image', {
          name: img.name ?? '',
          // The name links to the image, unless the cancelled upload deleted it.
          link: (chunks: ReactNode) =>
            phase.step === 'cancelled' ? (
              <span className="font-medium">{chunks}</span>
            ) : (
              <Link href={href('images', encodeURIComponent(img.id))} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {chunks}
              </Link>
            ),
        })}
        {phase.step === 'done' && <StatusBadge status={imageStatus(img)} />}
      </p>
      {phase.step === 'uploading' && (
        <div className="space-y-1">
          <progress aria-label={t('progress')} className="h-2 w-full" max={100} value={pct} />
          <p aria-live="polite">{t('sent', { loaded: formatBytes(phase.loaded), total: formatBytes(phase.total), percent: format.number(pct / 100, { style: 'percent' }) })}</p>
        </div>
      )}
      {phase.step === 'importing' && <p aria-live="polite">{t('downloading')}</p>}
      <ol aria-label={t('history')} className="flex flex-wrap gap-2">
        {seen.map((s, i) => (
          <li key={`${i}-${s}`} className="font-mono text-xs">
            {i > 0 ? '→ ' : ''}
            {s}
          </li>
        ))}
      </ol>
      {phase.step === 'uploading' && (
        <button type="button" className={buttonClass.secondary} onClick={() => onCancel(img)}>
          {t('cancelUpload')}
        </button>
      )}
      {phase.step === 'cancelling' && <p role="status">{t('cancelling')}</p>}
      {phase.step === 'cancelled' &&
        (phase.deleteError ? (
          <ApiErrorNotice title={t('cancelledNotDeleted')} error={phase.deleteError} />
        ) : (
          <p role="status">{t('cancelled')}</p>
        ))}
      {phase.step === 'done' && !phase.importFailed && img.status === 'queued' && (
        <div className="space-y-2">
          <p role="alert" className="text-red-700 dark:text-red-300">
            {t('noData')}
          </p>
          <button type="button" className={buttonClass.secondary} onClick={() => onCancel(img)}>
            {t('deleteUnfinished')}
          </button>
        </div>
      )}
      {phase.step === 'done' && phase.importFailed && (
        <p role="alert" className="text-red-700 dark:text-red-300">
          {t('importFailedQueued')}
        </p>
      )}
      {phase.step === 'done' && img.status === 'active' && (
        <p role="status">
          {t.rich('active', {
            link: (chunks: ReactNode) => (
              <Link href={href('instances', 'new', `image=${encodeURIComponent(img.id)}`)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                {chunks}
              </Link>
            ),
          })}
        </p>
      )}
    </section>
  );
}
