'use client';

import { useMutation } from '@tanstack/react-query';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { download } from '@/components/resource/format';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { buttonClass } from '@/components/ui/button';
import { command } from '@/lib/resources/cli';
import { osCall } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import { exportCreateRequest, exportFilePath, exportPath, zoneDefinition as def, ZoneExportSchema, zoneFileName, type Zone } from '@/lib/resources/dns/zone';
import { DESIGNATE, fetchText, waitForTask } from './data';

/** The generic page (edit form and recordsets come from the definition) with the zone file export. */
export function ZoneDetail({ id }: { id: string }) {
  return <ResourceDetail def={def} id={id} extraActions={(z) => z.action !== 'DELETE' && <ExportButton zone={z} />} />;
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
