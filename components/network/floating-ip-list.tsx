'use client';

import { useZodForm } from '@/components/resource/use-zod-form';
import { SelectField, TextField } from '@/components/ui/field';
import { useCreate } from '@/lib/resources/hooks';
import { floatingIpCreateCli, FloatingIpCreateSchema, floatingIpDefinition as def } from '@/lib/resources/network/floating-ip';
import { EdgeForm, EdgeList } from './edge-data';
import { useExternalNetworks } from '@/lib/resources/network/queries';

export function FloatingIpsList() {
  return (
    <EdgeList
      def={def}
      button="Allocate floating IP"
      explain={
        <>
          A floating IP is a public address taken from an external network&apos;s pool and kept by your project until you release it. Associate it
          with an instance to make that instance reachable from outside; disassociate to move it elsewhere.
        </>
      }
      panel={(close) => <AllocateForm onDone={close} />}
    />
  );
}

function AllocateForm({ onDone }: { onDone: () => void }) {
  const pools = useExternalNetworks();
  const create = useCreate(def);
  // One pool: it is the choice until the user makes another.
  const withPool = (v: { networkId: string; description: string }) => ({ ...v, networkId: v.networkId || (pools.data?.length === 1 ? pools.data[0].id : '') });
  const form = useZodForm(FloatingIpCreateSchema, { networkId: '', description: '' }, { input: withPool });
  const { errors, field } = form;
  const input = withPool(form.values);
  const networkId = input.networkId;
  return (
    <EdgeForm
      label="Allocate floating IP"
      explain="Neutron picks a free address from the pool of the external network you choose."
      error={create.error}
      errorTitle="Could not allocate"
      cli={floatingIpCreateCli(input, pools.data?.find((p) => p.id === networkId)?.name)}
      submit="Allocate"
      pending={create.isPending}
      onCancel={onDone}
      onSubmit={form.submit(async (data) => {
        await create.mutateAsync(data);
        onDone();
      })}
    >
      <SelectField label="Pool" value={networkId} error={errors.networkId} onChange={(e) => form.set('networkId', e.target.value)} disabled={pools.isPending}>
        <option value="">{pools.isPending ? 'Loading networks…' : pools.data?.length ? 'Choose an external network' : 'No external network in this cloud'}</option>
        {(pools.data ?? []).map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </SelectField>
      <TextField label="Description" {...field('description')} />
    </EdgeForm>
  );
}
