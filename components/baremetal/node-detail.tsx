'use client';

import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ConfirmDialog } from '@/components/resource/confirm-dialog';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { TextField } from '@/components/ui/field';
import { tableClass } from '@/components/ui/table';
import { maintenanceOnCli, maintenanceOnRequest, nodeDefinition as def, type Node } from '@/lib/resources/baremetal/node';
import { portCreateCli, portCreateRequest, PortCreateSchema, portDeleteCli, portDeleteRequest, type Port } from '@/lib/resources/baremetal/port';
import { isBusy } from '@/lib/resources/baremetal/states';
import { BaremetalAdminGate } from './admin-gate';
import { useIronicCall, useNodePorts } from './data';
import { FailureNotice } from '@/components/resource/failure-notice';

const panel = 'mt-2 max-w-lg space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

export function NodeDetail({ id }: { id: string }) {
  return (
    <BaremetalAdminGate>
      <ResourceDetail
        def={def}
        id={id}
        overviewExtra={(n) => <LastError node={n} />}
        extraActions={(n) => <MaintenanceOn node={n} />}
        tabs={[{ id: 'ports', label: 'Ports', render: (n) => <NodePorts node={n} /> }]}
      />
    </BaremetalAdminGate>
  );
}

function LastError({ node }: { node: Node }) {
  if (!node.last_error) return null;
  return <FailureNotice title="Last error" message={node.last_error} source="Ironic" />;
}

/** PUT /v1/nodes/{id}/maintenance with an optional reason (leaving maintenance is a plain action). */
function MaintenanceOn({ node }: { node: Node }) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const m = useIronicCall((r: string) => maintenanceOnRequest(node, r), () => {
    setOpen(false);
    setReason('');
  });
  if (node.maintenance) return null;
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open} title={maintenanceOnCli(node, '')} onClick={() => setOpen(!open)}>
        Set maintenance
      </button>
      {open && (
        <div className="basis-full">
          <form
            noValidate
            aria-label="Set maintenance"
            className={panel}
            onSubmit={(e) => {
              e.preventDefault();
              m.mutate(reason);
            }}
          >
            <TextField label="Maintenance reason" value={reason} maxLength={255} hint="Shown to other operators; the node is skipped by the scheduler while in maintenance." onChange={(e) => setReason(e.target.value)} />
            {m.isError && <ApiErrorNotice title="Maintenance refused" error={m.error} />}
            <CliHint>{maintenanceOnCli(node, reason)}</CliHint>
            <div className="flex gap-2">
              <button type="submit" className={buttonClass.primary} disabled={m.isPending}>
                Enter maintenance
              </button>
              <button type="button" className={buttonClass.secondary} onClick={() => setOpen(false)}>
                Cancel
              </button>
            </div>
          </form>
        </div>
      )}
    </>
  );
}

function NodePorts({ node }: { node: Node }) {
  const ports = useNodePorts(node.uuid);
  const form = useZodForm(PortCreateSchema, { address: '' });
  const [deleting, setDeleting] = useState<Port | null>(null);
  const add = useIronicCall((mac: string) => portCreateRequest(node.uuid, mac), () => form.reset());
  const remove = useIronicCall((p: Port) => portDeleteRequest(p), () => setDeleting(null));
  return (
    <div className="space-y-4">
      {ports.isError && <ApiErrorNotice title="Could not load the ports" error={ports.error} />}
      <div className={tableClass.box}>
        <table className={tableClass.table} aria-label="Ports of this node" aria-busy={ports.isPending}>
          <thead>
            <tr>
              <th className={tableClass.th}>MAC address</th>
              <th className={tableClass.th}>UUID</th>
              <th className={tableClass.th}>PXE</th>
              <th className={tableClass.th}>
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 dark:divide-zinc-800">
            {ports.data?.length === 0 && (
              <tr>
                <td className={tableClass.td} colSpan={4}>
                  No ports.
                </td>
              </tr>
            )}
            {ports.data?.map((p) => (
              <tr key={p.uuid}>
                <td className={`${tableClass.td} font-mono`}>{p.address}</td>
                <td className={`${tableClass.td} font-mono text-xs`}>{p.uuid}</td>
                <td className={tableClass.td}>{p.pxe_enabled === false ? 'No' : 'Yes'}</td>
                <td className={tableClass.td}>
                  <button type="button" className={buttonClass.secondary} title={portDeleteCli(p)} aria-label={`Delete port ${p.address}`} onClick={() => setDeleting(p)}>
                    Delete
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {remove.isError && <ApiErrorNotice title="Port delete refused" error={remove.error} />}
      <form noValidate aria-label="Add port" className={panel} onSubmit={form.submit((input) => add.mutate(input.address))}>
        <TextField label="MAC address" placeholder="52:54:00:12:34:56" {...form.field('address')} />
        {isBusy(node) && <p className="text-xs text-amber-800 dark:text-amber-200">A transition is running: Ironic refuses port changes until it ends.</p>}
        {add.isError && <ApiErrorNotice title="Port create refused" error={add.error} />}
        <CliHint>{portCreateCli(node.uuid, form.values.address)}</CliHint>
        <button type="submit" className={buttonClass.primary} disabled={add.isPending}>
          Add port
        </button>
      </form>
      <ConfirmDialog
        open={!!deleting}
        title="Delete port?"
        body={`This removes the port ${deleting?.address ?? ''} from the node.`}
        confirmLabel="Delete"
        destructive
        cli={deleting ? portDeleteCli(deleting) : undefined}
        busy={remove.isPending}
        onConfirm={() => deleting && remove.mutate(deleting)}
        onCancel={() => setDeleting(null)}
      />
    </div>
  );
}
