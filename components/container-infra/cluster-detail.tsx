'use client';

import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download, age } from '@/components/resource/format';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { useNow } from '@/components/shell/use-now';
import { buttonClass } from '@/components/ui/button';
import { InlineForm } from '@/components/resource/form-parts';
import { TextField } from '@/components/ui/field';
import { busySince, canConfigure, canResize, clusterDefinition, configCli, resizeCli, resizeProblem, resizeRequest, type Cluster } from '@/lib/resources/container-infra/cluster';
import { generateClientKey, kubeconfigYaml } from '@/lib/resources/container-infra/kubeconfig';
import { useUpdate } from '@/lib/resources/hooks';
import { getClusterCa, signClientCsr, useTemplates } from '@/lib/resources/container-infra/queries';
import { FailureNotice } from '@/components/resource/failure-notice';

export function ClusterDetail({ id }: { id: string }) {
  const [resizing, setResizing] = useState(false);
  return (
    <ResourceDetail
      def={clusterDefinition}
      id={id}
      extraActions={(c) => (
        <>
          {canResize(c) && (
            <button type="button" className={buttonClass.secondary} aria-expanded={resizing} onClick={() => setResizing((r) => !r)} title={resizeCli(c, '<count>')}>
              Resize
            </button>
          )}
          {canConfigure(c) && <KubeconfigButton cluster={c} />}
        </>
      )}
      overviewExtra={(c) => (
        <>
          <StatusNote cluster={c} />
          {resizing && canResize(c) && <ResizeForm cluster={c} onDone={() => setResizing(false)} />}
        </>
      )}
    />
  );
}

/** How long the current transition has run, and the reason of a failure. */
function StatusNote({ cluster: c }: { cluster: Cluster }) {
  const now = useNow();
  const since = busySince(c);
  if (since && now) {
    return (
      <p role="status" className="rounded-md border border-brand-300 bg-brand-50 px-3 py-2 text-sm dark:border-brand-700 dark:bg-brand-900/30">
        {c.status} for {age(since, now)}. Magnum builds clusters through Heat; this page follows it.
      </p>
    );
  }
  if ((c.status ?? '').endsWith('_FAILED')) {
    return <FailureNotice title={c.status ?? 'Failed'} message={c.status_reason || 'Magnum gave no reason.'} source="Magnum" />;
  }
  return null;
}

function ResizeForm({ cluster: c, onDone }: { cluster: Cluster; onDone: () => void }) {
  const [count, setCount] = useState(String(c.node_count ?? 1));
  const [submitted, setSubmitted] = useState(false);
  const update = useUpdate(clusterDefinition);
  const problem = resizeProblem(c.node_count, count);
  return (
    <InlineForm
      label="Resize cluster"
      onSubmit={() => {
        setSubmitted(true);
        if (problem) return;
        update.mutate({ row: c, request: resizeRequest(c, Number(count)) }, { onSuccess: onDone });
      }}
      error={update.error}
      errorTitle="The cloud refused to resize the cluster"
      cli={resizeCli(c, count || '<count>')}
      submit="Resize"
      pendingLabel="Resizing…"
      pending={update.isPending}
    >
      <h2 className="font-semibold">Resize the worker nodes</h2>
      <TextField label="Node count" type="number" min={1} value={count} error={submitted ? problem : undefined} onChange={(e) => setCount(e.target.value)} hint={`Now ${c.node_count ?? '?'} nodes; the masters stay.`} />
    </InlineForm>
  );
}

const pemOf = (b: unknown) => {
  const pem = (b as { pem?: unknown } | undefined)?.pem;
  if (typeof pem !== 'string' || !pem.includes('BEGIN CERTIFICATE')) throw new Error('Magnum answered without a certificate');
  return pem;
};

/** `openstack coe cluster config`: key and CSR made here, signed by Magnum; the key stays in this page. */
function KubeconfigButton({ cluster: c }: { cluster: Cluster }) {
  const templates = useTemplates();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const template = templates.data?.clustertemplates.find((t) => t.uuid === c.cluster_template_id);
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
        {busy ? 'Preparing kubeconfig…' : 'Download kubeconfig'}
      </button>
      {error ? <ApiErrorNotice title="Could not make the kubeconfig" error={error} /> : null}
    </>
  );
}

