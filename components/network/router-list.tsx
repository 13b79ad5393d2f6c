'use client';

import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { SelectField, TextField } from '@/components/ui/field';
import { useCreate, useResourceHref } from '@/lib/resources/hooks';
import { routerCreateCli, RouterCreateSchema, routerDefinition as def, RouterSchema } from '@/lib/resources/network/router';
import { fieldErrors } from '@/lib/resources/schema';
import { EdgeForm, EdgeList, useExternalNetworks } from './edge-data';

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
  const [v, setV] = useState({ name: '', description: '', gatewayNetworkId: '', adminStateUp: true });
  const [errors, setErrors] = useState<Record<string, string>>({});
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
      onSubmit={async () => {
        const r = RouterCreateSchema.safeParse(v);
        if (!r.success) return setErrors(fieldErrors(r.error));
        setErrors({});
        try {
          const body = await create.mutateAsync(r.data);
          const made = RouterSchema.safeParse((body as { router?: unknown }).router);
          onDone();
          if (made.success) router.push(href('routers', made.data.id));
        } catch {
          // shown by the notice
        }
      }}
    >
      <TextField label="Router name" value={v.name} error={errors.name} onChange={(e) => setV({ ...v, name: e.target.value })} />
      <SelectField label="External gateway network" value={v.gatewayNetworkId} onChange={(e) => setV({ ...v, gatewayNetworkId: e.target.value })} disabled={nets.isPending}>
        <option value="">No gateway</option>
        {(nets.data ?? []).map((n) => (
          <option key={n.id} value={n.id}>
            {n.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Description" value={v.description} error={errors.description} onChange={(e) => setV({ ...v, description: e.target.value })} />
      <label className="flex items-center gap-2 text-sm">
        <input type="checkbox" checked={v.adminStateUp} onChange={(e) => setV({ ...v, adminStateUp: e.target.checked })} />
        Admin state up (forwards traffic)
      </label>
    </EdgeForm>
  );
}
