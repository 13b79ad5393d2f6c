'use client';
// Import a BIND zone file: POST /v2/zones/tasks/imports (Content-Type text/dns), poll the task to COMPLETE
// or ERROR, then link the created zone or show Designate's message.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass } from '@/components/ui/field';
import { upload } from '@/lib/client/upload';
import { osPath, useProjectScope, useResourceHref } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import { DNS_SERVICE, IMPORT_CREATE_PATH, importPath, ZoneImportSchema } from '@/lib/resources/dns/zone';
import { waitForTask } from './data';

const MAX_BYTES = 1024 * 1024;

export function ZoneImport({ onClose }: { onClose: () => void }) {
  const href = useResourceHref();
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const [text, setText] = useState('');
  const [fileName, setFileName] = useState('');
  const [problem, setProblem] = useState<string>();
  const run = useMutation({
    mutationFn: async (content: string) => {
      const res = await upload({ method: 'POST', url: osPath(DNS_SERVICE, IMPORT_CREATE_PATH), body: new Blob([content], { type: 'text/dns' }), headers: { 'Content-Type': 'text/dns' } });
      const task = parseResponse(ZoneImportSchema, JSON.parse(res.body), `dns ${IMPORT_CREATE_PATH}`);
      return waitForTask(importPath(task.id), ZoneImportSchema);
    },
    onSettled: () => qc.invalidateQueries({ queryKey: ['os', projectId, 'zone'] }),
  });
  const result = run.data;

  return (
    <form
      noValidate
      aria-label="Import zone file"
      className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900"
      onSubmit={(e) => {
        e.preventDefault();
        if (!text.trim()) return setProblem('Choose a zone file or paste its text');
        if (!/^\s*(;[^\n]*\n\s*)*\$ORIGIN\s/i.test(text)) return setProblem('A zone file for Designate starts with a $ORIGIN line (e.g. $ORIGIN example.org.)');
        setProblem(undefined);
        run.mutate(text);
      }}
    >
      <h2 className="text-lg font-semibold">Import a zone file</h2>
      <label className="block space-y-1.5">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">Zone file</span>
        <input
          type="file"
          accept=".zone,.txt,.db,text/dns,text/plain"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            if (!f) return;
            if (f.size > MAX_BYTES) return setProblem('The file is larger than 1 MiB');
            setFileName(f.name);
            setText(await f.text());
          }}
        />
      </label>
      <label className="block space-y-1.5">
        <span className="block font-medium text-zinc-700 dark:text-zinc-300">Zone file text{fileName ? ` (${fileName})` : ''}</span>
        <textarea
          className={`${inputClass} font-mono`}
          rows={8}
          placeholder={'$ORIGIN example.org.\n$TTL 3600\nexample.org. IN SOA ns1.example.org. admin.example.org. 1 3600 600 86400 3600\nwww IN A 192.0.2.10'}
          aria-invalid={problem ? true : undefined}
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {problem && <span className="block text-sm text-red-600 dark:text-red-400">{problem}</span>}
      </label>
      {run.isPending && <p role="status">Importing… Designate processes the file in the background.</p>}
      {run.isError && <ApiErrorNotice title="The import failed" error={run.error} />}
      {result?.status === 'ERROR' && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-900 dark:border-red-800 dark:bg-red-950/40 dark:text-red-100">
          <p className="font-medium">Designate could not import the zone file</p>
          <p>{result.message || 'No reason given'}</p>
        </div>
      )}
      {result?.status === 'COMPLETE' && (
        <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 px-3 py-2 text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950/40 dark:text-emerald-100">
          {result.message || 'Imported.'}{' '}
          {result.zone_id && (
            <Link className="font-medium underline" href={href('zones', encodeURIComponent(result.zone_id))}>
              Open the zone
            </Link>
          )}
        </p>
      )}
      <CliHint>openstack zone import create {fileName || '<zone-file>'}</CliHint>
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={run.isPending}>
          Import
        </button>
        <button type="button" className={buttonClass.secondary} onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
