'use client';
// A zone's recordset create and edit pages: the generic forms of the recordset definition made with the zone
// (its name resolves relative names, its TTL is the default). Create takes ?type=&name=&records=&ttl= to prefill
// (e.g. "Create DNS record" on an instance page).
import { useRouter } from 'next/navigation';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { FormPage } from '@/components/resource/fields/form-page';
import { DetailFormBody, ResourceForm } from '@/components/resource/resource-form';
import { isGone, useResource, useResourceHref } from '@/lib/resources/hooks';
import { FORM_RECORD_TYPES } from '@/lib/resources/dns/records';
import { recordsetDefinition, type Recordset } from '@/lib/resources/dns/recordset';
import { zoneDefinition } from '@/lib/resources/dns/zone';

/** The zone of the page, its recordset definition (with the forms) and the way back to its recordsets. */
function useZonePage(zoneId: string) {
  const zone = useResource(zoneDefinition, zoneId);
  const href = useResourceHref();
  const z = zone.data;
  const back = href('zones', encodeURIComponent(zoneId), 'tab=recordsets');
  const trail = z && [{ label: 'Zones', href: href('zones') }, { label: z.name, href: back }];
  return { zone, back, trail, def: z && recordsetDefinition(z.id, z) };
}

const notLoaded = (what: string, error: unknown) => <ApiErrorNotice title={isGone(error) ? `${what} not found` : `Could not load the ${what.toLowerCase()}`} error={error} />;

export function RecordsetCreatePage({ zoneId }: { zoneId: string }) {
  const router = useRouter();
  const { zone, back, trail, def } = useZonePage(zoneId);
  if (zone.isPending) return <p className="text-sm text-zinc-500">Loading zone…</p>;
  if (!zone.data || !def) return notLoaded('Zone', zone.error);
  return (
    <FormPage trail={trail} heading={`Create recordset in ${zone.data.name}`}>
      <ResourceForm def={def} title="Create recordset" showTitle={false} submitLabel="Create recordset" errorTitle={def.create!.errorTitle} cancelHref={back} onCreated={() => router.push(back)} />
    </FormPage>
  );
}

export function RecordsetEditPage({ zoneId, recordsetId }: { zoneId: string; recordsetId: string }) {
  const router = useRouter();
  const { zone, back, trail, def } = useZonePage(zoneId);
  const rs = useResource(recordsetDefinition(zoneId), recordsetId);
  if (zone.isPending || rs.isPending) return <p className="text-sm text-zinc-500">Loading recordset…</p>;
  if (!zone.data || !rs.data || !def) return notLoaded('Recordset', zone.error ?? rs.error);
  const r = rs.data;
  if (!(FORM_RECORD_TYPES as readonly string[]).includes(r.type)) return <NotEditable r={r} />;
  return (
    <FormPage trail={trail} heading={`Edit ${r.type} ${r.name}`}>
      <DetailFormBody def={def} spec={def.forms![0]} row={r} cancelHref={back} onDone={() => router.push(back)} />
    </FormPage>
  );
}

/** SOA and other types the form does not know: their records as they are. */
function NotEditable({ r }: { r: Recordset }) {
  return (
    <div className="space-y-2">
      <h1 className="text-2xl font-semibold tracking-tight">
        {r.type} {r.name}
      </h1>
      <p className="text-sm">{r.type} recordsets are managed by Designate or not editable here.</p>
      <pre className="rounded-md bg-zinc-50 p-3 font-mono text-xs dark:bg-zinc-950">{r.records.join('\n')}</pre>
    </div>
  );
}

