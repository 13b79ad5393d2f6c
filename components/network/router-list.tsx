'use client';

import { useRouter } from 'next/navigation';
import { useTranslations } from 'next-intl';
import { useZodForm } from '@/components/resource/use-zod-form';
import { SelectField, TextField } from '@/components/ui/field';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { routerCreateCli, RouterCreateSchema, routerDefinition as def, RouterSchema } from '@/lib/resources/network/router';
import { EdgeForm, EdgeList } from './edge-data';
import { useIssueText } from './form-bits';
import { useExternalNetworks } from '@/lib/resources/network/queries';

export function RoutersList() {
  const t = useTranslations('network.routers');
  return (
    <EdgeList
      def={def}
      button={t('create')}
      explain={t.rich('explain', { code: (chunks) => <code className="mx-1">{chunks}</code> })}
      panel={(close) => <RouterCreateForm onDone={close} />}
    />
  );
}

function RouterCreateForm({ onDone }: { onDone: () => void }) {
  const t = useTranslations('network.routers');
  const tc = useTranslations('common');
  const { withText } = useIssueText();
  const router = useRouter();
  const href = useResourceHref();
  const nets = useExternalNetworks();
  const create = useCreate(def);
  const form = useZodForm(RouterCreateSchema, { name: '', description: '', gatewayNetworkId: '', adminStateUp: true });
  const { values: v } = form;
  const field = (k: 'name' | 'description') => withText(form.field(k));
  const netName = nets.data?.find((n) => n.id === v.gatewayNetworkId)?.name;
  return (
    <EdgeForm
      label={t('create')}
      explain={t('formExplain')}
      error={create.error}
      errorTitle={t('createFailed')}
      cli={routerCreateCli(v, netName)}
      submit={t('create')}
      pending={create.isPending}
      onCancel={onDone}
      onSubmit={form.submit(async (input) => {
        const body = await create.mutateAsync(input);
        const made = RouterSchema.safeParse((body as { router?: unknown }).router);
        onDone();
        if (made.success) router.push(href('routers', made.data.id));
      })}
    >
      <TextField label={t('name')} {...field('name')} />
      <SelectField label={t('gatewayNetwork')} value={v.gatewayNetworkId} onChange={(e) => form.set('gatewayNetworkId', e.target.value)} disabled={nets.isPending}>
        <option value="">{t('noGateway')}</option>
        {(nets.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <TextField label={tc('description')} {...field('description')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.adminStateUp} onChange={(e) => form.set('adminStateUp', e.target.checked)} />
        {t('adminUp')}
      </label>
    </EdgeForm>
  );
}
