'use client';

import { useMutation } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download } from '@/components/resource/format';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { ResourceList } from '@/components/resource/resource-list';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { FormButtons } from '@/components/ui/form-buttons';
import { CliHint } from '@/components/ui/cli-hint';
import { TextField } from '@/components/ui/field';
import { command } from '@/lib/resources/cli';
import { osCall, useResourceHref, useUpdate } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import { recordsetDefinition } from '@/lib/resources/dns/recordset';
import {
  exportCreateRequest, exportFilePath, exportPath, zoneDefinition as def, zoneEditCli, zoneEditRequest, ZoneEditSchema, ZoneExportSchema, zoneFileName, type Zone,
} from '@/lib/resources/dns/zone';
import { DESIGNATE, fetchText, waitForTask } from './data';

export function ZoneDetail({ id }: { id: string }) {
  return (
    <ResourceDetail
      def={def}
      id={id}
      extraActions={(z) => <ZoneActions zone={z} />}
      tabs={[{ id: 'recordsets', label: 'Recordsets', render: (z) => <Recordsets zone={z} /> }]}
    />
  );
}

function Recordsets({ zone }: { zone: Zone }) {
  const href = useResourceHref();
  const rdef = recordsetDefinition(zone.id);
  return (
    <ResourceList
      def={rdef}
      detail
      headerActions={
        zone.action !== 'DELETE' && (
          <Link href={href(rdef.slug, 'new')} className={buttonClass.primary}>
            Create recordset
          </Link>
        )
      }
    />
  );
}

function ZoneActions({ zone }: { zone: Zone }) {
  const [open, setOpen] = useState(false);
  if (zone.action === 'DELETE') return null;
  return (
    <>
      <button type="button" className={buttonClass.secondary} aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        Edit zone
      </button>
      <ExportButton zone={zone} />
      {open && (
        <div className="basis-full">
          <ZoneEditForm zone={zone} onDone={() => setOpen(false)} />
        </div>
      )}
    </>
  );
}

function ZoneEditForm({ zone, onDone }: { zone: Zone; onDone: () => void }) {
  const form = useZodForm(ZoneEditSchema, { email: zone.email ?? '', ttl: zone.ttl != null ? String(zone.ttl) : '', description: zone.description ?? '' });
  const { field } = form;
  const update = useUpdate(def);
  return (
    <form
      noValidate
      aria-label="Edit zone"
      className="max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={form.submit(async (input) => {
        const request = zoneEditRequest(zone, input);
        if (request) await update.mutateAsync({ row: zone, request });
        onDone();
      })}
    >
      <TextField label="Email" {...field('email')} />
      <TextField label="TTL (seconds)" inputMode="numeric" {...field('ttl')} />
      <TextField label="Description" {...field('description')} />
      {update.isError && <ApiErrorNotice title="Could not update the zone" error={update.error} />}
      <CliHint>{zoneEditCli(zone, form.values)}</CliHint>
      <FormButtons submit="Save" pending={update.isPending} onCancel={onDone} />
    </form>
  );
}

/** POST .../tasks/export, poll the export to COMPLETE, GET .../export as text/dns, download it. */
function ExportButton({ zone }: { zone: Zone }) {
  const run = useMutation({
    mutationFn: async () => {
      const created = parseResponse(ZoneExportSchema, await osCall(DESIGNATE, exportCreateRequest(zone.id)), `dns v2/zones/${zone.id}/tasks/export`);
      const task = await waitForTask(exportPath(created.id), ZoneExportSchema);
      if (task.status === 'ERROR') throw new Error(task.message || 'Designate could not export the zone');
      const text = await fetchText(exportFilePath(task.id), 'text/dns');
      download(zoneFileName(zone.name), 'text/dns', text);
      return task;
    },
  });
  return (
    <>
      <button type="button" className={buttonClass.secondary} disabled={run.isPending} title={command('openstack', 'zone', 'export', 'create', zone.name)} onClick={() => run.mutate()}>
        {run.isPending ? 'Exporting…' : 'Export zone file'}
      </button>
      {run.isSuccess && (
        <span role="status" className="self-center text-sm text-zinc-600 dark:text-zinc-400">
          Downloaded {zoneFileName(zone.name)} (<code className="font-mono text-xs">openstack zone export showfile {run.data.id}</code>)
        </span>
      )}
      {run.isError && (
        <div className="basis-full">
          <ApiErrorNotice title="The export failed" error={run.error} />
        </div>
      )}
    </>
  );
}
