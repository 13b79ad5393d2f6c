'use client';
// A stack's page. Special beyond its definition: tabs read from the stack's own paths (resources with links to the
// pages Stratus has for them, events live while the stack moves, outputs, template, parameters), the update form
// with its dry run (template-form.tsx), and autoscaling: a button per scaling policy that signals it as a person
// would call its signal URL, with the group's size read live from its nested stack's members.
import { useFormatter, useTranslations } from 'next-intl';
import { useState } from 'react';
import { stringify } from 'yaml';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { FailureNotice } from '@/components/resource/failure-notice';
import { elapsed } from '@/components/resource/format';
import { ResourceDetail, type DetailTab } from '@/components/resource/resource-detail';
import { SubTable } from '@/components/resource/sub-list';
import { useNow } from '@/components/shell/use-now';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import Link from '@/components/ui/intent-link';
import { command } from '@/lib/resources/cli';
import { useResourceHref } from '@/lib/resources/hooks';
import { HEAT, stackPath, StackEventsSchema, StackResourcesSchema, TemplateSchema, type Stack } from '@/lib/resources/orchestration/heat';
import { groupSizes, policyDirection, resourcePage, scalingPolicies, type ScalingPolicy } from '@/lib/resources/orchestration/resources';
import { stackDefinition } from '@/lib/resources/orchestration/stack';
import { findSection } from '@/lib/resources/registry';
import { useOsMutation, usePathQuery } from '@/lib/resources/queries';
import { TemplateForm } from './template-form';

const busy = (s: Stack) => (s.stack_status ?? '').endsWith('_IN_PROGRESS');
const LIVE = 2_500;

/** The stack's resources, its groups' members included (nested_depth=1): polled while anything moves. */
function useStackResources(s: Stack, extraLive = false) {
  return usePathQuery('stack', HEAT, `${stackPath(s)}/resources?nested_depth=1`, StackResourcesSchema, {
    refetchInterval: (body) => (busy(s) || extraLive || body?.resources.some((r) => (r.resource_status ?? '').endsWith('_IN_PROGRESS')) ? LIVE : false),
  });
}

/** The stack's template as Heat keeps it (parsed), for the Template tab, the update form and the policies. */
const useTemplate = (s: Stack) => usePathQuery('stack', HEAT, `${stackPath(s)}/template`, TemplateSchema, { staleTime: 60_000 });

export function StackDetail({ id }: { id: string }) {
  const t = useTranslations('orchestration.detail');
  const tabs: DetailTab<Stack>[] = [
    { id: 'resources', label: t('resources'), render: (s) => <ResourcesTab stack={s} />, cli: (s) => command('openstack stack resource list', '-n', '1', s.stack_name) },
    { id: 'events', label: t('events'), render: (s) => <EventsTab stack={s} />, cli: (s) => command('openstack stack event list', s.stack_name) },
    { id: 'outputs', label: t('outputs'), render: (s) => <OutputsTab stack={s} />, cli: (s) => command('openstack stack output show', '--all', s.stack_name) },
    { id: 'template', label: t('template'), render: (s) => <TemplateTab stack={s} />, cli: (s) => command('openstack stack template show', s.stack_name) },
    { id: 'parameters', label: t('parameters'), render: (s) => <ParametersTab stack={s} />, cli: (s) => command('openstack stack show', s.stack_name, '-c', 'parameters') },
  ];
  return (
    <ResourceDetail
      def={stackDefinition}
      id={id}
      tabs={tabs}
      extraActions={(s) => (
        <>
          <PanelToggle id="update" label={t('update')} when={!busy(s) && !(s.stack_status ?? '').startsWith('DELETE')} cli={command('openstack stack update', '--existing', s.stack_name)} />
          <ToolbarPanel id="update" when={!busy(s)}>
            {(close) => <UpdatePanel stack={s} onDone={close} />}
          </ToolbarPanel>
        </>
      )}
      overviewExtra={(s) => (
        <>
          <StatusNote stack={s} />
          <Scaling stack={s} />
        </>
      )}
    />
  );
}

/** How long the stack has been moving, or Heat's reason for a failure. */
function StatusNote({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.detail');
  const format = useFormatter();
  const now = useNow();
  const status = s.stack_status ?? '';
  if (busy(s) && now) {
    const since = s.updated_time ?? s.creation_time ?? '';
    return (
      <p role="status" className="rounded-md border border-brand-300 bg-brand-50 px-3 py-2 text-sm dark:border-brand-700 dark:bg-brand-900/30">
        {since ? t('inProgress', { status, age: elapsed(since, now, format) }) : status}
      </p>
    );
  }
  if (status.endsWith('_FAILED')) return <FailureNotice title={status} message={s.stack_status_reason || t('noReason')} source="Heat" />;
  return null;
}

function ResourcesTab({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.detail');
  const q = useStackResources(s);
  const href = useResourceHref();
  // Links only to pages this Stratus has (the load balancers' pages may not exist in every build).
  const page = (r: Parameters<typeof resourcePage>[0]) => {
    const p = resourcePage(r);
    return p && findSection(p.slug)?.detail ? p : undefined;
  };
  const rows = q.data?.resources.slice().sort((a, b) => Number(!!a.parent_resource) - Number(!!b.parent_resource) || (a.parent_resource ?? '').localeCompare(b.parent_resource ?? '') || a.resource_name.localeCompare(b.resource_name));
  return (
    <div className="space-y-2">
      {q.isError && <ApiErrorNotice error={q.error} />}
      <SubTable
        label={t('resources')}
        rows={rows}
        rowKey={(r) => `${r.parent_resource ?? ''}/${r.resource_name}`}
        empty={t('noResources')}
        loading={t('loading')}
        busy={q.isFetching}
        columns={[
          { label: t('resourceName'), cell: (r) => (r.parent_resource ? t('member', { name: r.resource_name, group: r.parent_resource }) : r.resource_name) },
          { label: t('resourceType'), cell: (r) => r.resource_type, mono: true },
          { label: t('status'), cell: (r) => r.resource_status ?? '' },
          {
            label: t('physicalId'),
            mono: true,
            cell: (r) => {
              const p = page(r);
              return p ? (
                <Link href={href(p.slug, encodeURIComponent(p.id))} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
                  {p.id}
                </Link>
              ) : (
                (r.physical_resource_id ?? '')
              );
            },
          },
          { label: t('reason'), cell: (r) => r.resource_status_reason ?? '' },
        ]}
      />
    </div>
  );
}

function EventsTab({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.detail');
  const format = useFormatter();
  const q = usePathQuery('stack', HEAT, `${stackPath(s)}/events?sort_keys=event_time&sort_dir=desc&limit=100`, StackEventsSchema, { refetchInterval: () => (busy(s) ? LIVE : false) });
  return (
    <div className="space-y-2" aria-live="polite">
      {q.isError && <ApiErrorNotice error={q.error} />}
      <SubTable
        label={t('events')}
        rows={q.data?.events}
        rowKey={(e) => e.id}
        empty={t('noEvents')}
        loading={t('loading')}
        columns={[
          { label: t('time'), cell: (e) => (e.event_time ? format.dateTime(new Date(e.event_time.endsWith('Z') ? e.event_time : `${e.event_time}Z`), { dateStyle: 'short', timeStyle: 'medium' }) : '') },
          { label: t('resourceName'), cell: (e) => e.resource_name ?? '' },
          { label: t('status'), cell: (e) => e.resource_status ?? '' },
          { label: t('reason'), cell: (e) => e.resource_status_reason ?? '' },
        ]}
      />
    </div>
  );
}

const shownValue = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

function OutputsTab({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.detail');
  return (
    <SubTable
      label={t('outputs')}
      rows={s.outputs ?? []}
      rowKey={(o) => o.output_key}
      empty={t('noOutputs')}
      columns={[
        { label: t('outputKey'), cell: (o) => o.output_key, mono: true },
        { label: t('outputValue'), cell: (o) => (o.output_error ? t('outputError', { error: o.output_error }) : shownValue(o.output_value)), mono: true },
        { label: t('description'), cell: (o) => o.description ?? '' },
      ]}
    />
  );
}

function TemplateTab({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.detail');
  const q = useTemplate(s);
  if (q.isError) return <ApiErrorNotice error={q.error} />;
  return (
    <pre tabIndex={0} aria-label={t('template')} aria-busy={q.isPending} className="max-h-[70vh] overflow-auto rounded-lg border border-zinc-200 bg-zinc-50 p-4 font-mono text-xs dark:border-zinc-800 dark:bg-zinc-950">
      {q.data ? stringify(q.data) : t('loading')}
    </pre>
  );
}

function ParametersTab({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.detail');
  const rows = Object.entries(s.parameters ?? {}).sort(([a], [b]) => Number(a.startsWith('OS::')) - Number(b.startsWith('OS::')) || a.localeCompare(b));
  return (
    <SubTable
      label={t('parameters')}
      rows={rows}
      rowKey={([k]) => k}
      empty={t('noParameters')}
      columns={[
        { label: t('parameter'), cell: ([k]) => k, mono: true },
        { label: t('value'), cell: ([, v]) => shownValue(v), mono: true },
      ]}
    />
  );
}

function UpdatePanel({ stack: s, onDone }: { stack: Stack; onDone: () => void }) {
  const t = useTranslations('orchestration.detail');
  const q = useTemplate(s);
  if (q.isError) return <ApiErrorNotice title={t('templateFailed')} error={q.error} />;
  if (!q.data) return <p className="text-sm">{t('loading')}</p>;
  return (
    <div className="rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900">
      <h2 className="mb-3 font-semibold">{t('updateHeading')}</h2>
      <TemplateForm mode="update" stack={s} initialText={stringify(q.data)} onUpdated={onDone} onCancel={onDone} />
    </div>
  );
}

/** A signal sent, and the group's size then: what the page says until the size changes or it is clear it did not. */
interface Sent {
  policy: string;
  group?: string;
  before: number | undefined;
  at: number;
}

// Heat's signal returns at once and the group changes a few seconds later; after this long with no change the page
// says so plainly (Zed's Debian packages accept the signal and then fail: realcloud README, "Heat scaling signals fail").
const NO_CHANGE_AFTER = 30_000;

function Scaling({ stack: s }: { stack: Stack }) {
  const t = useTranslations('orchestration.scaling');
  const template = useTemplate(s);
  const policies = scalingPolicies(template.data, s.parameters ?? {});
  const [sent, setSent] = useState<Sent | null>(null);
  const now = useNow();
  const waiting = !!sent && (now ?? sent.at) - sent.at < NO_CHANGE_AFTER * 2;
  const resources = useStackResources(s, waiting);
  const groups = resources.data ? groupSizes(resources.data.resources) : [];
  const signal = useOsMutation(HEAT, (p: ScalingPolicy) => ({ method: 'POST', path: `${stackPath(s)}/resources/${p.name}/signal` }), { invalidates: ['stack', 'server'] });
  const sizeOf = (group: string | undefined) => (group ? groups.find((g) => g.name === group) : groups[0])?.size;

  const current = sent ? sizeOf(sent.group) : undefined;

  if (!policies.length && !groups.length) return null;
  const changed = sent && current !== undefined && sent.before !== undefined && current !== sent.before;
  const stale = sent && !changed && now != null && now - sent.at >= NO_CHANGE_AFTER && !signal.isPending;
  return (
    <section aria-labelledby="scaling-heading" className="space-y-3 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="scaling-heading" className="font-semibold">
        {t('heading')}
      </h2>
      {groups.map((g) => (
        <p key={g.name} aria-live="polite">
          {t('size', { group: g.name, count: g.size })}
          {g.settling && <span className="ml-2 text-zinc-500 dark:text-zinc-400">{t('settling')}</span>}
        </p>
      ))}
      {template.isError && <ApiErrorNotice title={t('templateFailed')} error={template.error} />}
      <div className="flex flex-wrap gap-2">
        {policies.map((p) => {
          const dir = policyDirection(p);
          const label = dir === 'up' ? t('scaleUp', { policy: p.name }) : dir === 'down' ? t('scaleDown', { policy: p.name }) : t('signal', { policy: p.name });
          return (
            <button
              key={p.name}
              type="button"
              className={buttonClass.secondary}
              disabled={signal.isPending || busy(s) || groups.some((g) => g.settling)}
              title={command('openstack stack resource signal', s.stack_name, p.name)}
              onClick={() => {
                setSent({ policy: p.name, group: p.group, before: sizeOf(p.group), at: Date.now() });
                signal.mutate(p);
              }}
            >
              {label}
            </button>
          );
        })}
      </div>
      {signal.isError && <ApiErrorNotice title={t('refused')} error={signal.error} />}
      {sent && !signal.isError && (
        <p role="status" className="rounded-md border border-zinc-200 bg-zinc-50 px-3 py-2 dark:border-zinc-700 dark:bg-zinc-800">
          {signal.isPending
            ? t('sending', { policy: sent.policy })
            : changed
              ? t('changed', { policy: sent.policy, before: sent.before ?? 0, count: current ?? 0 })
              : stale
                ? t('unchanged', { policy: sent.policy, count: current ?? sent.before ?? 0 })
                : t('accepted', { policy: sent.policy })}
        </p>
      )}
      {policies.length > 0 && <CliHint>{command('openstack stack resource signal', s.stack_name, policies[0].name)}</CliHint>}
    </section>
  );
}
