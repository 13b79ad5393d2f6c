'use client';
// A share's page: the generic detail (overview, export locations, access rules and snapshots tabs, extend and shrink
// from the definition) plus what a definition cannot declare: the mount commands, one per export location and access
// rule (the rule decides read-only, the CIFS user, the Ceph id), each with a copy button.
import { useTranslations } from 'next-intl';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceDetail } from '@/components/resource/resource-detail';
import { CopyButton } from '@/components/ui/copy-button';
import { usableLocations, type Share } from '@/lib/resources/shared-file-system/manila';
import { mountLines } from '@/lib/resources/shared-file-system/mount';
import { useAccessRules, useExportLocations } from '@/lib/resources/shared-file-system/queries';
import { shareDefinition } from '@/lib/resources/shared-file-system/share';

export function ShareDetail({ id }: { id: string }) {
  return <ResourceDetail def={shareDefinition} id={id} overviewExtra={(s) => <MountCommands share={s} />} />;
}

function MountCommands({ share }: { share: Share }) {
  const t = useTranslations('share.mount');
  const locations = useExportLocations(share);
  const rules = useAccessRules(share.id);
  const error = locations.error ?? rules.error;
  const lines = locations.data && rules.data ? mountLines(share, locations.data, rules.data) : [];
  const usable = usableLocations(locations.data ?? []);
  return (
    <section aria-labelledby="share-mount" className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4 text-sm dark:border-zinc-800 dark:bg-zinc-900">
      <h2 id="share-mount" className="font-semibold">
        {t('heading')}
      </h2>
      {error ? (
        <ApiErrorNotice title={t('loadFailed')} error={error} />
      ) : locations.data && rules.data ? (
        usable.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">{t('noLocations')}</p>
        ) : lines.length === 0 ? (
          <p className="text-zinc-600 dark:text-zinc-400">{t('unsupported', { protocol: share.share_proto })}</p>
        ) : (
          <>
            <p className="text-zinc-600 dark:text-zinc-400">{rules.data.length ? t('intro') : t('noRules')}</p>
            <ul className="space-y-2">
              {lines.map((l) => (
                <li key={`${l.location.id}-${l.rule?.id ?? ''}`} className="space-y-1">
                  {(l.rule || l.location.preferred) && (
                    <p className="text-xs text-zinc-500 dark:text-zinc-400">
                      {l.rule && t('forRule', { type: l.rule.access_type, to: l.rule.access_to, level: l.rule.access_level })}
                      {l.rule && l.location.preferred && ' · '}
                      {l.location.preferred && t('preferred')}
                    </p>
                  )}
                  <div className="flex items-start gap-2">
                    <code className="min-w-0 flex-1 rounded bg-zinc-50 px-2 py-1 font-mono text-xs break-all dark:bg-zinc-950">{l.command}</code>
                    <CopyButton text={l.command} label={t('copy')} />
                  </div>
                </li>
              ))}
            </ul>
          </>
        )
      ) : null}
    </section>
  );
}
