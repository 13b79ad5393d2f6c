'use client';
// A database instance's page: the generic detail (overview with Trove's fault, databases, users and backups tabs,
// resize and backup forms from the definition) plus what a definition cannot declare: the root user, whose password
// Trove answers once (held by this panel alone, never in the query cache, shown with a warning), and the guest's
// logs, whose list may be `null` and whose buttons depend on each log's status.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { useMsg } from '@/components/i18n/use-msg';
import type { MsgKey } from '@/lib/i18n/msg';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { InlineForm } from '@/components/resource/form-parts';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { CopyButton } from '@/components/ui/copy-button';
import { CliHint } from '@/components/ui/cli-hint';
import { TextField } from '@/components/ui/field';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { usePathQuery } from '@/lib/resources/queries';
import { instanceDefinition, canChange } from '@/lib/resources/database/instance';
import { enableRootCli, enableRootRequest, mysqlCommand, rootPath, RootStatusSchema, RootUserSchema, type RootUser } from '@/lib/resources/database/root';
import { instanceAddresses, instanceRef, TROVE, type Instance } from '@/lib/resources/database/trove';
import { parseResponse } from '@/lib/resources/schema';
import { command } from '@/lib/resources/cli';
import { logActionCli, logActionRequest, logPath, LogsSchema, logVerbs, type LogVerb } from '@/lib/resources/database/logs';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { SubTable } from '@/components/resource/sub-list';
import { DatabaseAccessForm } from './access-form';

export function DatabaseInstanceDetail({ id }: { id: string }) {
  const t = useTranslations('database.root');
  const ta = useTranslations('database.access');
  return (
    <ResourceDetail
      def={instanceDefinition}
      id={id}
      extraActions={(i) => (
        <>
          <PanelToggle id="root" label={t('enable')} when={canChange(i)} cli={enableRootCli(i)} />
          <ToolbarPanel id="root" when={canChange(i)}>{() => <EnableRoot instance={i} />}</ToolbarPanel>
          <PanelToggle id="access" label={ta('title')} when={canChange(i)} cli={command('openstack database user grant access', instanceRef(i), '<user>', '<database>')} />
          <ToolbarPanel id="access" when={canChange(i)}>{(close) => <DatabaseAccessForm instance={i} onDone={close} />}</ToolbarPanel>
        </>
      )}
      overviewExtra={(i) => <RootState instance={i} />}
      tabs={[{ id: 'logs', label: 'database.logs.tab', render: (i) => <Logs instance={i} />, cli: (i) => command('openstack database log list', instanceRef(i)) }]}
    />
  );
}

/** Whether root was ever enabled (Trove's own record; asked only of an ACTIVE instance, which alone answers). */
function RootState({ instance: i }: { instance: Instance }) {
  const t = useTranslations('database.root');
  const q = usePathQuery('database-root', TROVE, rootPath(i), RootStatusSchema, { enabled: canChange(i), staleTime: 0 });
  if (!q.data) return null;
  return <p className="text-sm text-zinc-600 dark:text-zinc-400">{q.data.rootEnabled ? t('wasEnabled') : t('neverEnabled')}</p>;
}

/** The buttons' words, by the verb Trove takes. */
const VERB_WORDS = { enable: 'database.logs.enable', disable: 'database.logs.disable', publish: 'database.logs.publish', discard: 'database.logs.discard' } as const satisfies Record<LogVerb, MsgKey>;

function Logs({ instance: i }: { instance: Instance }) {
  const t = useTranslations('database.logs');
  const m = useMsg();
  const tr = useTranslations('database.root');
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const q = usePathQuery('database-log', TROVE, logPath(i), LogsSchema, { enabled: canChange(i), staleTime: 0 });
  const act = useMutation({
    mutationFn: ({ log, verb }: { log: string; verb: LogVerb }) => osCall(TROVE, logActionRequest(i, log, verb)),
    onSettled: () => qc.invalidateQueries({ queryKey: ['os', projectId, 'database-log'] }),
  });
  if (!canChange(i)) return <p className="text-sm text-zinc-600 dark:text-zinc-400">{tr('notActive', { status: i.status })}</p>;
  const logs = q.data?.logs;
  return (
    <div className="space-y-3">
      {q.isError && <ApiErrorNotice title={t('loadFailed')} error={q.error} />}
      {act.isError && <ApiErrorNotice title={t('refused')} error={act.error} />}
      <SubTable
        label={t('table')}
        busy={q.isPending}
        rows={q.isPending ? undefined : (logs ?? [])}
        rowKey={(l) => l.name}
        empty={t('none')}
        columns={[
          { label: t('name'), cell: (l) => l.name, mono: true },
          { label: t('type'), cell: (l) => l.type ?? '' },
          { label: t('status'), cell: (l) => l.status ?? '' },
          { label: t('published'), cell: (l) => String(l.published ?? 0), numeric: true },
          { label: t('pending'), cell: (l) => String(l.pending ?? 0), numeric: true },
          { label: t('container'), cell: (l) => l.container ?? '', mono: true },
        ]}
        buttons={(l) =>
          logVerbs(l).map((verb) => ({
            label: m(VERB_WORDS[verb]), ariaLabel: t('button', { action: m(VERB_WORDS[verb]), name: l.name }), title: logActionCli(i, l.name, verb),
            disabled: act.isPending, onClick: () => act.mutate({ log: l.name, verb }),
          }))
        }
      />
    </div>
  );
}

function EnableRoot({ instance: i }: { instance: Instance }) {
  const t = useTranslations('database.root');
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const [user, setUser] = useState<RootUser>();
  const enable = useMutation({
    mutationFn: async () => parseResponse(RootUserSchema, await osCall(TROVE, enableRootRequest(i)), 'database root').user,
    onSuccess: (u) => setUser(u),
    onSettled: () => qc.invalidateQueries({ queryKey: ['os', projectId, 'database-root'] }),
  });
  if (user) {
    return (
      <section aria-label={t('passwordHeading')} className="mt-2 max-w-xl space-y-3 rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm dark:border-amber-700 dark:bg-amber-950/40">
        <p role="alert" className="font-medium text-amber-900 dark:text-amber-100">{t('once')}</p>
        <p>{t('user', { name: user.name })}</p>
        {/* A read-only field: selectable, and named by its label (a <code> may not carry a name). */}
        <div className="flex flex-wrap items-end gap-2">
          <TextField label={t('password')} value={user.password} readOnly autoComplete="off" spellCheck={false} className="font-mono" />
          <CopyButton text={user.password} label={t('copy')} className="mb-2" />
        </div>
        <CliHint>{mysqlCommand(instanceAddresses(i)[0], user.name)}</CliHint>
      </section>
    );
  }
  return (
    <InlineForm
      label={t('enable')}
      explain={t('explain')}
      onSubmit={() => enable.mutate()}
      error={enable.error}
      errorTitle={t('refused')}
      cli={enableRootCli(i)}
      submit={t('enable')}
      pendingLabel={t('enabling')}
      pending={enable.isPending}
    >
      {null}
    </InlineForm>
  );
}
