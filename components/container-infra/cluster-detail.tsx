'use client';

import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download, elapsed } from '@/components/resource/format';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { useNow } from '@/components/shell/use-now';
import { buttonClass } from '@/components/ui/button';
import { InlineForm } from '@/components/resource/form-parts';
import { TextField } from '@/components/ui/field';
import { busySince, canConfigure, canResize, clusterDefinition, configCli, resizeCli, resizeProblem, resizeRequest, type Cluster } from '@/lib/resources/container-infra/cluster';
import { generateClientKey, kubeconfigYaml } from '@/lib/resources/container-infra/kubeconfig';
import { TextError } from '@/lib/client/api';
import { useUpdate } from '@/lib/resources/hooks';
import { getClusterCa, signClientCsr, useTemplates } from '@/lib/resources/container-infra/queries';
import { FailureNotice } from '@/components/resource/failure-notice';
import { BelowToolbar, PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';

export function ClusterDetail({ id }: { id: string }) {
  const t = useTranslations('containerInfra.clusterDetail');
  return (
    <ResourceDetail
      def={clusterDefinition}
      id={id}
      extraActions={(c) => (
        <>
          {/* Resize opens below the toolbar's row (and from a list row's menu, `?open=resize`). */}
          <PanelToggle id="resize" label={t('resize')} when={canResize(c)} cli={resizeCli(c, '<count>')} />
          <ToolbarPanel id="resize" when={canResize(c)}>{(close) => <ResizeForm cluster={c} onDone={close} />}</ToolbarPanel>
          {canConfigure(c) && <KubeconfigButton cluster={c} />}
        </>
      )}
      overviewExtra={(c) => <StatusNote cluster={c} />}
    />
  );
}

/** How long the current transition has run, and the reason of a failure. */
function StatusNote({ cluster: c }: { cluster: Cluster }) {
  const t = useTranslations('containerInfra.clusterDetail');
  const format = useFormatter();
  const now = useNow();
  const since = busySince(c);
  if (since && now) {
    return (
      <p role="status" className="rounded-md border border-brand-300 bg-brand-50 px-3 py-2 text-sm dark:border-brand-700 dark:bg-brand-900/30">
        {t('inProgress', { status: c.status ?? '', age: elapsed(since, now, format) })}
      </p>
    );
  }
  if ((c.status ?? '').endsWith('_FAILED')) {
    // Magnum's status and reason as it words them; ours only when it gives none.
    return <FailureNotice title={c.status ?? t('failed')} message={c.status_reason || t('noReason')} source="Magnum" />;
  }
  return null;
}

function ResizeForm({ cluster: c, onDone }: { cluster: Cluster; onDone: () => void }) {
  const t = useTranslations('containerInfra.clusterDetail');
  const m = useMsg();
  const [count, setCount] = useState(String(c.node_count ?? 1));
  const [submitted, setSubmitted] = useState(false);
  const update = useUpdate(clusterDefinition);
  const problem = resizeProblem(c.node_count, count);
  return (
    <InlineForm
      label={t('resizeCluster')}
      onSubmit={() => {
        setSubmitted(true);
        if (problem) return;
        update.mutate({ row: c, request: resizeRequest(c, Number(count)), cli: resizeCli(c, count) }, { onSuccess: onDone });
      }}
      error={update.error}
      errorTitle={t('resizeRefused')}
      cli={resizeCli(c, count || '<count>')}
      submit={t('resize')}
      pendingLabel={t('resizing')}
      pending={update.isPending}
      onCancel={onDone}
    >
      <h2 className="font-semibold">{t('resizeHeading')}</h2>
      <TextField
        label={t('nodeCount')}
        type="number"
        min={1}
        value={count}
        error={submitted && problem ? m(problem) : undefined}
        onChange={(e) => setCount(e.target.value)}
        hint={c.node_count == null ? t('resizeHintUnknown') : t('resizeHint', { count: c.node_count })}
      />
    </InlineForm>
  );
}

const pemOf = (b: unknown) => {
  const pem = (b as { pem?: unknown } | undefined)?.pem;
  if (typeof pem !== 'string' || !pem.includes('BEGIN CERTIFICATE')) throw new TextError('containerInfra.clusterDetail.noCertificate');
  return pem;
};

/** `openstack coe cluster config`: key and CSR made here, signed by Magnum; the key stays in this page. */
function KubeconfigButton({ cluster: c }: { cluster: Cluster }) {
  const t = useTranslations('containerInfra.clusterDetail');
  const m = useMsg();
  const templates = useTemplates();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const template = templates.data?.clustertemplates.find((tpl) => tpl.uuid === c.cluster_template_id);
  if (template && template.coe !== 'kubernetes') return null;
  return (
    <>
      <button
        type="button"
        className={buttonClass.secondary}
        disabled={busy}
        title={configCli(c)}
        onClick={async () => {
          setBusy(true);
          setError(null);
          try {
            const name = c.name || c.uuid;
            let tls: { caPem: string; certPem: string; keyPem: string } | undefined;
            if (!template?.tls_disabled) {
              const caPem = pemOf(await getClusterCa(c.uuid));
              const { keyPem, csrPem } = await generateClientKey();
              const certPem = pemOf(await signClientCsr(c.uuid, csrPem));
              tls = { caPem, certPem, keyPem };
            }
            download(`kubeconfig-${name}.yaml`, 'application/yaml', kubeconfigYaml({ name, server: c.api_address ?? '', tls }));
          } catch (e) {
            setError(e);
          } finally {
            setBusy(false);
          }
        }}
      >
        {busy ? t('preparingKubeconfig') : t('downloadKubeconfig')}
      </button>
      {/* Below the row: our own refusal (no certificate) in the page's language; an API's as the service sent it. */}
      {error ? (
        <BelowToolbar>
          <ApiErrorNotice title={t('kubeconfigFailed')} error={error instanceof TextError ? new Error(m(error.text)) : error} />
        </BelowToolbar>
      ) : null}
    </>
  );
}

