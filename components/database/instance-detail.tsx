'use client';
// A database instance's page: the generic detail (overview with Trove's fault, databases, users and backups tabs,
// resize and backup forms from the definition) plus the root user, which a definition cannot declare: Trove answers
// its password once, so it is held by this panel alone (never in the query cache) and shown with a warning.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { InlineForm } from '@/components/resource/form-parts';
import { PanelToggle, ToolbarPanel } from '@/components/resource/detail/toolbar';
import { CopyButton } from '@/components/ui/copy-button';
import { CliHint } from '@/components/ui/cli-hint';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { usePathQuery } from '@/lib/resources/queries';
import { instanceDefinition, canChange } from '@/lib/resources/database/instance';
import { enableRootCli, enableRootRequest, mysqlCommand, rootPath, RootStatusSchema, RootUserSchema, type RootUser } from '@/lib/resources/database/root';
import { instanceAddresses, TROVE, type Instance } from '@/lib/resources/database/trove';
import { parseResponse } from '@/lib/resources/schema';

export function DatabaseInstanceDetail({ id }: { id: string }) {
  const t = useTranslations('database.root');
  return (
    <ResourceDetail
      def={instanceDefinition}
      id={id}
      extraActions={(i) => (
        <>
          <PanelToggle id="root" label={t('enable')} when={canChange(i)} cli={enableRootCli(i)} />
          <ToolbarPanel id="root" when={canChange(i)}>{() => <EnableRoot instance={i} />}</ToolbarPanel>
        </>
      )}
      overviewExtra={(i) => <RootState instance={i} />}
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
        <div className="flex flex-wrap items-center gap-2">
          <span>{t('user', { name: user.name })}</span>
          <code aria-label={t('password')} className="rounded bg-white px-2 py-1 font-mono dark:bg-zinc-900">{user.password}</code>
          <CopyButton text={user.password} label={t('copy')} />
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
