'use client';

import Link from 'next/link';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { useZodForm } from '@/components/resource/use-zod-form';
import { CliHint } from '@/components/ui/cli-hint';
import { SelectField, TextField } from '@/components/ui/field';
import { useResourceHref } from '@/lib/resources/hooks';
import type { Network } from '@/lib/resources/network/network';
import { portCreateBody, portCreateCli, portCreateSchema, PortSchema, type PortValues } from '@/lib/resources/network/port';
import { NETWORK_CHANGES, NEUTRON, useNetworkSubnets, useProjectSecurityGroups } from '@/lib/resources/network/queries';
import { useOsMutation } from '@/lib/resources/queries';
import { FormButtons } from '@/components/ui/form-buttons';
import { panel } from './form-bits';

/** Checkboxes of the project's security groups, by name (ids as values). */
export function SecurityGroupPicker({ value, onChange, legend = 'Security groups', hint }: { value: readonly string[]; onChange: (ids: string[]) => void; legend?: string; hint?: string }) {
  const groups = useProjectSecurityGroups();
  const list = groups.data?.security_groups ?? [];
  return (
    <fieldset className="space-y-1.5">
      <legend className="text-sm font-medium text-zinc-700 dark:text-zinc-300">{legend}</legend>
      {hint && <p className="text-xs text-zinc-500 dark:text-zinc-400">{hint}</p>}
      {groups.isPending && <p className="text-sm text-zinc-500">Loading security groups…</p>}
      {groups.isError && <ApiErrorNotice title="Could not load security groups" error={groups.error} />}
      <div className="flex flex-wrap gap-x-4 gap-y-1">
        {list.map((g) => (
          <label key={g.id} className="flex items-center gap-2 text-sm" title={g.description ?? undefined}>
            <input type="checkbox" checked={value.includes(g.id)} onChange={(e) => onChange(e.target.checked ? [...value, g.id] : value.filter((x) => x !== g.id))} />
            {g.name}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

export function useGroupNames(): Record<string, string> {
  const groups = useProjectSecurityGroups();
  return Object.fromEntries((groups.data?.security_groups ?? []).map((g) => [g.id, g.name]));
}

const EMPTY: PortValues = { name: '', description: '', subnetId: '', ipAddress: '', securityGroups: [] };

export function PortCreateForm({ network, onDone }: { network: Network; onDone: () => void }) {
  const href = useResourceHref();
  const subnets = useNetworkSubnets(network.id);
  const names = useGroupNames();
  const list = subnets.data?.subnets ?? [];
  const form = useZodForm(portCreateSchema(list), EMPTY);
  const { values: v, field } = form;
  const m = useOsMutation(NEUTRON, (i: PortValues) => ({ method: 'POST', path: 'v2.0/ports', body: portCreateBody(network.id, i) }), { invalidates: NETWORK_CHANGES });
  const created = PortSchema.safeParse((m.data as { port?: unknown } | undefined)?.port);
  if (created.success) {
    return (
      <div role="status" className={panel}>
        <p className="text-sm">
          Port{' '}
          <Link href={href('ports', created.data.id)} className="font-medium text-brand-700 hover:underline dark:text-brand-300">
            {created.data.name || created.data.id}
          </Link>{' '}
          created with {created.data.fixed_ips.map((f) => f.ip_address).join(', ') || 'no address'}.
        </p>
        <button type="button" className="text-sm text-brand-700 hover:underline dark:text-brand-300" onClick={onDone}>
          Close
        </button>
      </div>
    );
  }
  return (
    <form
      noValidate
      aria-label="Create port"
      className={panel}
      onSubmit={form.submit((input) => m.mutate(input))}
    >
      <h2 className="text-base font-semibold">Create a port on {network.name || network.id}</h2>
      <p className="text-xs text-zinc-500 dark:text-zinc-400">A port reserves a MAC address and an IP on this network; attach it to an instance later (launch on it, or add it as an interface).</p>
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Port name" {...field('name')} autoComplete="off" />
        <TextField label="Port description" {...field('description')} />
        <SelectField label="Subnet" {...field('subnetId')}>
          <option value="">Any (Neutron chooses)</option>
          {list.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name || s.id} ({s.cidr})
            </option>
          ))}
        </SelectField>
        <TextField
          label="Fixed IP address"
          {...field('ipAddress')}
          autoComplete="off"
          placeholder="Next free address"
          hint="Optional: a specific address inside the chosen subnet (it may be outside the allocation pools)."
        />
      </div>
      <SecurityGroupPicker value={v.securityGroups} onChange={(securityGroups) => form.set('securityGroups', securityGroups)} hint="None chosen: Neutron applies the project's default group." />
      {m.isError && <ApiErrorNotice title="The cloud refused the port" error={m.error} />}
      <CliHint>{portCreateCli(network.name || network.id, v, names)}</CliHint>
      <FormButtons submit="Create port" pending={m.isPending} onCancel={onDone} />
    </form>
  );
}
