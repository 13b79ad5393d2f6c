'use client';

import { useRouter } from 'next/navigation';
import { useZodForm } from '@/components/resource/use-zod-form';
import { SelectField, TextField } from '@/components/ui/field';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { routerCreateCli, RouterCreateSchema, routerDefinition as def, RouterSchema } from '@/lib/resources/network/router';
import { EdgeForm, EdgeList } from './edge-data';
import { useExternalNetworks } from '@/lib/resources/network/queries';

export function RoutersList() {
  return (
    <EdgeList
      def={def}
      button="Create router"
      explain={
        <>
          A router connects your subnets to each other (its interfaces) and, through its external gateway, to an external network such as
          <code className="mx-1">public</code>: instances reach the outside through it, and floating IPs are translated on it.
        </>
      }
      panel={(close) => <RouterCreateForm onDone={close} />}
    />
  );
}

function RouterCreateForm({ onDone }: { onDone: () => void }) {
  const router = useRouter();
  const href = useResourceHref();
  const nets = useExternalNetworks();
  const create = useCreate(def);
  const form = useZodForm(RouterCreateSchema, { name: '', description: '', gatewayNetworkId: '', adminStateUp: true });
  const { values: v, field } = form;
  const netName = nets.data?.find((n) => n.id === v.gatewayNetworkId)?.name;
  return (
    <EdgeForm
      label="Create router"
      explain="Pick an external network for the gateway to give the router (and the instances behind it) a way out; you can set it later too."
      error={create.error}
      errorTitle="Could not create the router"
      cli={routerCreateCli(v, netName)}
      submit="Create router"
      pending={create.isPending}
      onCancel={onDone}
      onSubmit={form.submit(async (input) => {
        const body = await create.mutateAsync(input);
        const made = RouterSchema.safeParse((body as { router?: unknown }).router);
        onDone();
        if (made.success) router.push(href('routers', made.data.id));
      })}
    >
      <TextField label="Router name" {...field('name')} />
      <SelectField label="External gateway network" value={v.gatewayNetworkId} onChange={(e) => form.set('gatewayNetworkId', e.target.value)} disabled={nets.isPending}>
        <option value="">No gateway</option>
        {(nets.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Description" {...field('description')} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.adminStateUp} onChange={(e) => form.set('adminStateUp', e.target.checked)} />
        Admin state up (forwards traffic)
      </label>
    </EdgeForm>
  );
}
