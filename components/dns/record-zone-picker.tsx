'use client';
// "Create DNS record" from another page (e.g. an instance with a floating IP) lands here with
// ?type=&records=&name=: choose the zone, then the recordset form opens prefilled.
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { SelectField } from '@/components/ui/field';
import { useResourceHref, useResourceList } from '@/lib/resources/hooks';
import { zoneDefinition } from '@/lib/resources/dns/zone';

export function RecordZonePicker() {
  const router = useRouter();
  const search = useSearchParams();
  const href = useResourceHref();
  const zones = useResourceList(zoneDefinition, { filters: {}, limit: 1000 });
  const items = (zones.data?.items ?? []).filter((z) => z.action !== 'DELETE').sort((a, b) => a.name.localeCompare(b.name));
  const [zoneId, setZoneId] = useState('');
  const [error, setError] = useState<string>();
  const query = new URLSearchParams(search.toString());
  query.delete('region');
  const summary = [query.get('type'), query.get('name'), query.getAll('records').join(', ')].filter(Boolean).join(' ');

  return (
    <div className="mx-auto max-w-xl space-y-4">
      <h1 className="text-2xl font-semibold tracking-tight">Create DNS record</h1>
      {summary && <p className="text-sm text-zinc-600 dark:text-zinc-400">Record to create: <code className="font-mono">{summary}</code></p>}
      {zones.isError && <ApiErrorNotice title="Could not list the zones" error={zones.error} />}
      {zones.data && items.length === 0 && (
        <p className="text-sm">
          This project has no zone yet.{' '}
          <Link href={href('zones', 'new')} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            Create a zone
          </Link>{' '}
          first.
        </p>
      )}
      {items.length > 0 && (
        <form
          noValidate
          aria-label="Choose the zone"
          className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
          onSubmit={(e) => {
            e.preventDefault();
            if (!zoneId) return setError('Choose the zone for the record');
            router.push(href('zones', `${encodeURIComponent(zoneId)}/recordsets/new`, query.toString()));
          }}
        >
          <SelectField label="Zone" value={zoneId} error={error} onChange={(e) => setZoneId(e.target.value)}>
            <option value="">Choose a zone…</option>
            {items.map((z) => (
              <option key={z.id} value={z.id}>
                {z.name}
              </option>
            ))}
          </SelectField>
          <button type="submit" className={buttonClass.primary}>
            Continue
          </button>
        </form>
      )}
    </div>
  );
}
