'use client';
// Create or edit a recordset with a form that knows each record type. Validated by the pure
// buildRecordset() before Designate sees it; Designate's own refusal is shown with its request id.
// Create takes ?type=&name=&records=&ttl= to prefill (e.g. "Create DNS record" on an instance page).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter, useSearchParams } from 'next/navigation';
import { z } from 'zod';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField, TextField } from '@/components/ui/field';
import { isGone, osCall, useProjectScope, useResource, useResourceHref } from '@/lib/resources/hooks';
import { FORM_RECORD_TYPES, relativeName, type FormRecordType } from '@/lib/resources/dns/records';
import {
  buildRecordset, emptyEntry, entriesFromRecords, recordsetCreateCli, recordsetCreateRequest, recordsetDefinition, recordsetSetCli, recordsetUpdateRequest,
  type RecordEntry, type Recordset, type RecordsetFormValues,
} from '@/lib/resources/dns/recordset';
import { zoneDefinition, type Zone } from '@/lib/resources/dns/zone';
import { DESIGNATE } from './data';

/** The value label per type (MX and SRV have their own part fields). */
const VALUE_LABEL: Record<FormRecordType, string> = {
  A: 'IPv4 address', AAAA: 'IPv6 address', CNAME: 'Canonical name', MX: 'Mail server', TXT: 'Text', SRV: 'Target', NS: 'Name server', PTR: 'Host name',
};
const PLACEHOLDER: Record<FormRecordType, string> = {
  A: '192.0.2.10', AAAA: '2001:db8::10', CNAME: 'web.example.org.', MX: 'mail.example.org.', TXT: '"v=spf1 -all"', SRV: 'sip.example.org.', NS: 'ns1.example.org.', PTR: 'host.example.org.',
};
const HINT: Record<FormRecordType, string> = {
  A: 'One IPv4 address per record.',
  AAAA: 'One IPv6 address per record.',
  CNAME: 'Exactly one fully qualified name, ending with a dot. No other record may share this name.',
  MX: 'Lower priorities are tried first; the mail server is a fully qualified name ending with a dot.',
  TXT: 'Each record is one or more quoted strings; unquoted text is quoted for you.',
  SRV: 'Name it _service._proto (e.g. _sip._tcp); the target is a fully qualified name ending with a dot.',
  NS: 'A name server for a delegated subdomain, ending with a dot.',
  PTR: 'The host name this address resolves to, ending with a dot.',
};

/** buildRecordset()'s checks as a schema, so that the form hook shows its errors by field (`records.0.priority`). */
const recordsetSchema = (zoneName: string, editing: boolean) =>
  z.custom<RecordsetFormValues>().transform((v, ctx) => {
    const r = buildRecordset(v, zoneName, { editing });
    if ('input' in r) return r.input;
    for (const [key, message] of Object.entries(r.errors)) ctx.addIssue({ code: 'custom', path: [key], message });
    return z.NEVER;
  });

export function RecordsetCreatePage({ zoneId }: { zoneId: string }) {
  const zone = useResource(zoneDefinition, zoneId);
  const search = useSearchParams();
  if (zone.isPending) return <p className="text-sm text-zinc-500">Loading zone…</p>;
  if (!zone.data) return <ApiErrorNotice title={isGone(zone.error) ? 'Zone not found' : 'Could not load the zone'} error={zone.error} />;
  const rawType = (search.get('type') ?? 'A').toUpperCase();
  const type = (FORM_RECORD_TYPES as readonly string[]).includes(rawType) ? (rawType as FormRecordType) : 'A';
  const records = search.getAll('records').flatMap((r) => r.split(',')).map((r) => r.trim()).filter(Boolean);
  const initial: RecordsetFormValues = {
    type,
    name: (search.get('name') ?? '').toLowerCase().replace(/[^a-z0-9_.*@-]+/g, '-'),
    ttl: search.get('ttl') ?? '',
    description: search.get('description') ?? '',
    entries: entriesFromRecords(type, records),
  };
  return <RecordsetForm zone={zone.data} initial={initial} />;
}

export function RecordsetEditPage({ zoneId, recordsetId }: { zoneId: string; recordsetId: string }) {
  const zone = useResource(zoneDefinition, zoneId);
  const rs = useResource(recordsetDefinition(zoneId), recordsetId);
  if (zone.isPending || rs.isPending) return <p className="text-sm text-zinc-500">Loading recordset…</p>;
  if (!zone.data || !rs.data) {
    const err = zone.error ?? rs.error;
    return <ApiErrorNotice title={isGone(err) ? 'Recordset not found' : 'Could not load the recordset'} error={err} />;
  }
  const r = rs.data;
  const type = (FORM_RECORD_TYPES as readonly string[]).includes(r.type) ? (r.type as FormRecordType) : undefined;
  if (!type) {
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
  return (
    <RecordsetForm
      zone={zone.data}
      existing={r}
      initial={{ type, name: relativeName(r.name, zone.data.name), ttl: r.ttl != null ? String(r.ttl) : '', description: r.description ?? '', entries: entriesFromRecords(type, r.records) }}
    />
  );
}

function RecordsetForm({ zone, initial, existing }: { zone: Zone; initial: RecordsetFormValues; existing?: Recordset }) {
  const router = useRouter();
  const href = useResourceHref();
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const form = useZodForm(recordsetSchema(zone.name, !!existing), initial);
  const { values: v, setValues: setV, errors, field } = form;
  const back = href('zones', encodeURIComponent(zone.id), 'tab=recordsets');
  const save = useMutation({
    mutationFn: async (req: Parameters<typeof osCall>[1]) => osCall(DESIGNATE, req),
    onSettled: () => Promise.all(['recordset', 'zone'].map((k) => qc.invalidateQueries({ queryKey: ['os', projectId, k] }))),
  });
  const preview = form.parsed.success ? form.parsed.data : undefined;
  const cli = existing ? recordsetSetCli(existing, preview ?? {}) : recordsetCreateCli(zone.name, preview ?? { type: v.type }, v.name);

  const setEntry = (i: number, patch: Partial<RecordEntry>) => setV((o) => ({ ...o, entries: o.entries.map((e, j) => (j === i ? { ...e, ...patch } : e)) }));
  const title = existing ? `Edit ${existing.type} ${existing.name}` : `Create recordset in ${zone.name}`;
  const multi = v.type !== 'CNAME';

  return (
    <div className="mx-auto max-w-2xl space-y-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href={href('zones')} className="text-brand-700 hover:underline dark:text-brand-300">
          Zones
        </Link>{' '}
        /{' '}
        <Link href={back} className="text-brand-700 hover:underline dark:text-brand-300">
          {zone.name}
        </Link>
      </nav>
      <h1 className="text-2xl font-semibold tracking-tight">{title}</h1>
      <form
        noValidate
        aria-label={existing ? 'Edit recordset' : 'Create recordset'}
        className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900"
        onSubmit={form.submit(async (input) => {
          await save.mutateAsync(existing ? recordsetUpdateRequest(existing, input) : recordsetCreateRequest(zone.id, input));
          router.push(back);
        })}
      >
        {!existing && (
          <>
            <SelectField
              label="Type"
              value={v.type}
              onChange={(e) => {
                const type = e.target.value as FormRecordType;
                setV((o) => ({ ...o, type, entries: type === 'CNAME' ? o.entries.slice(0, 1) : o.entries }));
                form.setErrors({});
              }}
            >
              {FORM_RECORD_TYPES.map((t) => (
                <option key={t} value={t}>
                  {t}
                </option>
              ))}
            </SelectField>
            <TextField
              label="Name"
              placeholder="www"
              hint={`Relative to the zone (www means www.${zone.name}), absolute with a trailing dot, or @ for ${zone.name} itself.`}
              {...field('name')}
            />
          </>
        )}
        <fieldset className="space-y-3">
          <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">Records ({v.type})</legend>
          <p className="text-xs text-zinc-500 dark:text-zinc-400">{HINT[v.type]}</p>
          {v.entries.map((entry, i) => (
            <div key={i} className="flex flex-wrap items-start gap-2">
              {(v.type === 'MX' || v.type === 'SRV') && (
                <div className="w-28">
                  <TextField label={`Priority ${i + 1}`} inputMode="numeric" placeholder="10" value={entry.priority} error={errors[`records.${i}.priority`]} onChange={(e) => setEntry(i, { priority: e.target.value })} />
                </div>
              )}
              {v.type === 'SRV' && (
                <>
                  <div className="w-28">
                    <TextField label={`Weight ${i + 1}`} inputMode="numeric" placeholder="5" value={entry.weight} error={errors[`records.${i}.weight`]} onChange={(e) => setEntry(i, { weight: e.target.value })} />
                  </div>
                  <div className="w-28">
                    <TextField label={`Port ${i + 1}`} inputMode="numeric" placeholder="5060" value={entry.port} error={errors[`records.${i}.port`]} onChange={(e) => setEntry(i, { port: e.target.value })} />
                  </div>
                </>
              )}
              <div className="min-w-48 flex-1">
                {v.type === 'MX' || v.type === 'SRV' ? (
                  <TextField label={`${VALUE_LABEL[v.type]} ${i + 1}`} placeholder={PLACEHOLDER[v.type]} value={entry.target} error={errors[`records.${i}.target`]} onChange={(e) => setEntry(i, { target: e.target.value })} />
                ) : (
                  <TextField
                    label={multi ? `${VALUE_LABEL[v.type]} ${i + 1}` : VALUE_LABEL[v.type]}
                    placeholder={PLACEHOLDER[v.type]}
                    className={v.type === 'TXT' ? 'font-mono' : ''}
                    value={entry.value}
                    error={errors[`records.${i}`]}
                    onChange={(e) => setEntry(i, { value: e.target.value })}
                  />
                )}
              </div>
              {v.entries.length > 1 && (
                <button type="button" className={`${buttonClass.ghost} mt-6`} aria-label={`Remove record ${i + 1}`} onClick={() => setV((o) => ({ ...o, entries: o.entries.filter((_, j) => j !== i) }))}>
                  Remove
                </button>
              )}
            </div>
          ))}
          {errors.records && (
            <p role="alert" className="text-sm text-red-600 dark:text-red-400">
              {errors.records}
            </p>
          )}
          {multi && (
            <button type="button" className={buttonClass.secondary} onClick={() => setV((o) => ({ ...o, entries: [...o.entries, emptyEntry()] }))}>
              Add another record
            </button>
          )}
        </fieldset>
        <TextField label="TTL (seconds)" inputMode="numeric" placeholder={zone.ttl != null ? String(zone.ttl) : ''} hint="Empty: the zone's TTL." {...field('ttl')} />
        <TextField label="Description" {...field('description')} />
        {save.isError && <ApiErrorNotice title={existing ? 'Designate refused the change' : 'Designate refused the recordset'} error={save.error} />}
        <CliHint>{cli}</CliHint>
        <div className="flex gap-2">
          <button type="submit" className={buttonClass.primary} disabled={save.isPending}>
            {existing ? 'Save recordset' : 'Create recordset'}
          </button>
          <Link href={back} className={buttonClass.secondary}>
            Cancel
          </Link>
        </div>
      </form>
    </div>
  );
}
