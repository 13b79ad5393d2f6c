'use client';
// Which databases an existing user of a database instance may use (Horizon's "Manage Access"): pick the user, tick
// the databases. Trove grants several at once (PUT .../users/<user>/databases) but revokes one at a time (DELETE
// .../databases/<db>), so saving sends one grant of what was ticked and one revoke per database unticked.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslations } from 'next-intl';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { InlineForm } from '@/components/resource/form-parts';
import { SelectField } from '@/components/ui/field';
import { invalidateKinds, osCall, useProjectScope } from '@/lib/resources/hooks';
import { accessChange, grantCli, grantRequest, revokeCli, revokeRequest, userId } from '@/lib/resources/database/children';
import { useInstanceDatabases, useInstanceUsers, useUserAccess } from '@/lib/resources/database/queries';
import { instanceRef, TROVE, TROVE_KINDS, type Instance } from '@/lib/resources/database/trove';

export function DatabaseAccessForm({ instance: i, onDone }: { instance: Instance; onDone: () => void }) {
  const t = useTranslations('database.access');
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const users = useInstanceUsers(i.id);
  const databases = useInstanceDatabases(i.id);
  const [chosen, setChosen] = useState('');
  // What the user ticked; undefined until then (the boxes show what the user has).
  const [ticked, setTicked] = useState<string[]>();
  const [saved, setSaved] = useState(false);
  const userList = users.data?.users ?? [];
  const dbList = databases.data?.databases ?? [];
  const user = userList.find((u) => userId(u) === chosen);
  const access = useUserAccess(i.id, user);
  const has = (access.data?.databases ?? []).map((d) => d.name);
  const want = ticked ?? has;
  const change = accessChange(has, want);
  const save = useMutation({
    mutationFn: async () => {
      if (!user) return;
      if (change.grant.length) await osCall(TROVE, grantRequest(i.id, user, change.grant));
      for (const d of change.revoke) await osCall(TROVE, revokeRequest(i.id, user, d));
    },
    // The boxes keep what was saved (no flicker back to the old access before the refetch).
    onSuccess: () => setSaved(true),
    onSettled: () => invalidateKinds(qc, projectId, [TROVE_KINDS.user]),
  });
  const name = instanceRef(i);
  const cli = user ? [...(change.grant.length ? [grantCli(name, user, change.grant)] : []), ...change.revoke.map((d) => revokeCli(name, user, d))] : [];
  return (
    <InlineForm
      label={t('title')}
      explain={t('explain')}
      onSubmit={() => {
        setSaved(false);
        if (user && (change.grant.length || change.revoke.length)) save.mutate();
      }}
      error={save.error}
      errorTitle={t('refused')}
      cli={cli}
      submit={t('save')}
      pending={save.isPending}
      disabled={!user || access.isPending || (!change.grant.length && !change.revoke.length)}
      onCancel={onDone}
    >
      <SelectField
        label={t('user')}
        value={chosen}
        disabled={users.isPending}
        onChange={(e) => {
          setChosen(e.target.value);
          setTicked(undefined);
          setSaved(false);
        }}
      >
        <option value="">{users.isPending ? t('loadingUsers') : userList.length ? t('chooseUser') : t('noUsers')}</option>
        {userList.map((u) => (
          <option key={userId(u)} value={userId(u)}>
            {userId(u)}
          </option>
        ))}
      </SelectField>
      {access.isError && <ApiErrorNotice title={t('loadFailed')} error={access.error} />}
      {user && (
        <fieldset className="space-y-1.5">
          <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{t('databases', { user: userId(user) })}</legend>
          {dbList.length === 0 && !databases.isPending && <p className="text-sm text-zinc-600 dark:text-zinc-400">{t('noDatabases')}</p>}
          <div className="flex flex-wrap gap-x-4 gap-y-1">
            {dbList.map((d) => (
              <label key={d.name} className="flex items-center gap-2 text-sm">
                <input
                  type="checkbox"
                  disabled={access.isPending}
                  checked={want.includes(d.name)}
                  onChange={(e) => {
                    setSaved(false);
                    setTicked(e.target.checked ? [...want, d.name] : want.filter((x) => x !== d.name));
                  }}
                />
                {d.name}
              </label>
            ))}
          </div>
        </fieldset>
      )}
      {saved && (
        <p role="status" className="text-sm text-emerald-700 dark:text-emerald-300">
          {t('saved')}
        </p>
      )}
    </InlineForm>
  );
}
