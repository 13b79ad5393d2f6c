'use client';
// The create page of an application credential. Special because Keystone answers the secret once, with the create:
// instead of going to the new credential's page, the page shows the secret with a clouds.yaml entry and an openrc
// that log in with it (written here from the cloud's auth URL; the secret never goes back to the server), held in
// this component's memory only.
import { useQuery } from '@tanstack/react-query';
import Link from '@/components/ui/intent-link';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download } from '@/components/resource/format';
import { ResourceForm } from '@/components/resource/resource-form';
import { buttonClass } from '@/components/ui/button';
import { CopyButton } from '@/components/ui/copy-button';
import { apiFetch } from '@/lib/client/api';
import { appCredentialCloudName, appCredentialCloudsYaml, appCredentialOpenrc, type AppCredentialAuth, type CloudEndpoint } from '@/lib/credentials/files';
import { useProjectScope, useResourceHref } from '@/lib/resources/hooks';
import { CreatedAppCredentialSchema } from '@/lib/resources/identity/application-credential';
import { useSection } from '@/lib/resources/use-section';

const SLUG = 'application-credentials';

export function AppCredentialCreate() {
  const t = useTranslations('identity.appCredential');
  const m = useMsg();
  const { def } = useSection(SLUG);
  const href = useResourceHref();
  const [created, setCreated] = useState<AppCredentialAuth | null>(null);
  if (!def?.create) throw new Error('application credentials have no create form');
  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label={t('breadcrumb')} className="text-sm">
        <Link href={href(SLUG)} className="text-brand-700 hover:underline dark:text-brand-300">
          {m(def.label.plural)}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{t('createTitle')}</h1>
      {created ? (
        <CreatedSecret cred={created} />
      ) : (
        <ResourceForm
          def={def}
          title={t('createTitle')}
          showTitle={false}
          submitLabel={def.create.submitLabel ?? t('createTitle')}
          cancelHref={href(SLUG)}
          errorTitle={def.create.errorTitle}
          onCreated={(body) => {
            const r = CreatedAppCredentialSchema.safeParse((body as { application_credential?: unknown } | undefined)?.application_credential);
            if (r.success) setCreated({ id: r.data.id, name: r.data.name, secret: r.data.secret });
          }}
        />
      )}
    </div>
  );
}

/** The secret, once: copy it, or download the files that use it; leaving the page forgets it. */
function CreatedSecret({ cred }: { cred: AppCredentialAuth }) {
  const t = useTranslations('identity.appCredential');
  const href = useResourceHref();
  const { projectId } = useProjectScope();
  const endpoint = useQuery({
    queryKey: ['credentials-endpoint', projectId],
    queryFn: ({ signal }) => apiFetch<CloudEndpoint>(`/api/credentials/endpoint?project=${encodeURIComponent(projectId)}`, { signal }),
    staleTime: Infinity,
  });
  const files = endpoint.data && {
    yaml: appCredentialCloudsYaml(endpoint.data, cred),
    openrc: appCredentialOpenrc(endpoint.data, cred),
    cloud: appCredentialCloudName(endpoint.data, cred),
  };
  const base = cred.name.replace(/[^\w.-]+/g, '_').slice(0, 64) || 'app-cred';
  return (
    <section aria-labelledby="app-cred-secret" className="space-y-4">
      <div role="alert" className="space-y-2 rounded-md border border-amber-300 bg-amber-50 px-4 py-3 text-sm text-amber-950 dark:border-amber-700 dark:bg-amber-950/40 dark:text-amber-100">
        <h2 id="app-cred-secret" className="font-medium">{t('createdTitle', { name: cred.name })}</h2>
        <p>{t('secretOnce')}</p>
      </div>
      <dl className="grid grid-cols-[auto_1fr] items-center gap-x-3 gap-y-2 text-sm">
        <dt className="font-medium">{t('id')}</dt>
        <dd className="flex items-center gap-2 font-mono break-all">
          <span data-testid="app-cred-id">{cred.id}</span>
          <CopyButton text={cred.id} label={t('copyId')} />
        </dd>
        <dt className="font-medium">{t('secret')}</dt>
        <dd className="flex items-center gap-2 font-mono break-all">
          <span data-testid="app-cred-secret">{cred.secret}</span>
          <CopyButton text={cred.secret} label={t('copySecret')} />
        </dd>
      </dl>
      {endpoint.isError && <ApiErrorNotice title={t('filesFailed')} error={endpoint.error} />}
      {files && (
        <>
          <FileBlock title={t('cloudsYaml')} hint={t('cloudsYamlHint', { cloud: files.cloud })} content={files.yaml} filename={`${base}-clouds.yaml`} mime="application/yaml" />
          <FileBlock title={t('openrc')} hint={t('openrcHint')} content={files.openrc} filename={`${base}-openrc.sh`} mime="text/x-shellscript" />
        </>
      )}
      <Link href={href(SLUG)} className={buttonClass.primary}>
        {t('done')}
      </Link>
    </section>
  );
}

function FileBlock({ title, hint, content, filename, mime }: { title: string; hint: string; content: string; filename: string; mime: string }) {
  const t = useTranslations('identity.appCredential');
  return (
    <div className="space-y-1">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-medium">{title}</h3>
        <div className="flex gap-2">
          <CopyButton text={content} label={t('copyFile', { file: title })} />
          <button type="button" className={buttonClass.secondary} onClick={() => download(filename, mime, content)}>
            {t('download', { file: title })}
          </button>
        </div>
      </div>
      <p className="text-xs text-zinc-600 dark:text-zinc-400">{hint}</p>
      <pre tabIndex={0} aria-label={title} className="overflow-x-auto rounded-md bg-zinc-100 p-3 font-mono text-xs dark:bg-zinc-900">
        {content}
      </pre>
    </div>
  );
}
