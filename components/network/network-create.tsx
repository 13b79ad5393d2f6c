'use client';

import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { buttonClass } from '@/components/ui/button';
import { CliHint } from '@/components/ui/cli-hint';
import { inputClass, TextField } from '@/components/ui/field';
import { osCall, prependCachedRow, useProjectScope, useResourceHref } from '@/lib/resources/hooks';
import { fieldErrors } from '@/lib/resources/schema';
import { networkCreateBody, networkCreateCli, NetworkCreateSchema, networkDefinition, NetworkSchema, type Network } from '@/lib/resources/network/network';
import { emptySubnetValues, subnetCreateBody, subnetCreateCli, subnetCreateSchema, type SubnetValues } from '@/lib/resources/network/subnet';
import { NEUTRON, useVisibleCidrs } from './data';
import { suggestion, SubnetFields } from './subnet-fields';

/** Create a network and, in the same form, its first subnet (one POST each; a refused subnet keeps the network). */
export function NetworkCreateForm() {
  const router = useRouter();
  const href = useResourceHref();
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  const taken = useVisibleCidrs();
  const [net, setNet] = useState({ name: '', description: '', adminStateUp: true });
  const [withSubnet, setWithSubnet] = useState(true);
  const [sub, setSub] = useState<SubnetValues | null>(null);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [failure, setFailure] = useState<{ title: string; error: unknown; network?: Network } | null>(null);
  // The suggestion fills in once the existing CIDRs are known, until the user types their own.
  const subnet = sub ?? { ...emptySubnetValues(suggestion('4', taken)), name: net.name ? `${net.name}-subnet` : '' };

  async function submit() {
    const n = NetworkCreateSchema.safeParse(net);
    // Overlap is checked per network: a new network has no subnets yet, so only the format and sizes are checked.
    const s = withSubnet ? subnetCreateSchema([]).safeParse(subnet) : undefined;
    const errs = { ...(n.success ? {} : fieldErrors(n.error)), ...(s && !s.success ? prefixed(fieldErrors(s.error)) : {}) };
    setErrors(errs);
    if (!n.success || (s && !s.success)) return;
    setPending(true);
    setFailure(null);
    let created: Network | undefined;
    try {
      const body = await osCall<{ network?: unknown }>(NEUTRON, { method: 'POST', path: 'v2.0/networks', body: networkCreateBody(n.data) });
      created = NetworkSchema.parse(body?.network);
      prependCachedRow(qc, projectId, networkDefinition, created);
      if (s?.success) await osCall(NEUTRON, { method: 'POST', path: 'v2.0/subnets', body: subnetCreateBody(created.id, s.data) });
      await Promise.all(['network', 'subnet'].map((k) => qc.invalidateQueries({ queryKey: ['os', projectId, k] })));
      router.push(href('networks', created.id));
    } catch (e) {
      setFailure(created ? { title: `Network ${created.name} was created, but the subnet was refused`, error: e, network: created } : { title: 'The cloud refused to create the network', error: e });
      if (created) void qc.invalidateQueries({ queryKey: ['os', projectId, 'network'] });
    } finally {
      setPending(false);
    }
  }

  return (
    <form
      noValidate
      aria-label="Create network"
      className="max-w-2xl space-y-5"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold tracking-tight">Create network</h1>
        <Link href={href('networks')} className="text-sm text-brand-700 hover:underline dark:text-brand-300">
          Back to networks
        </Link>
      </div>
      <p className="text-sm text-zinc-600 dark:text-zinc-400">
        A <strong>network</strong> is a private layer-2 segment, like a virtual switch your instances plug into. It has no addresses by itself: a <strong>subnet</strong> gives it an IP
        range (layer 3), a gateway and DHCP. To reach the internet, connect the subnet to a router that has an external gateway.
      </p>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">Network</legend>
        <TextField label="Network name" value={net.name} error={errors.name} autoComplete="off" onChange={(e) => setNet({ ...net, name: e.target.value })} />
        <label className="block space-y-1.5 text-sm">
          <span className="block font-medium text-zinc-700 dark:text-zinc-300">Description</span>
          <textarea className={inputClass} rows={2} value={net.description} aria-invalid={errors.description ? true : undefined} onChange={(e) => setNet({ ...net, description: e.target.value })} />
          {errors.description && <span className="block text-sm text-red-600 dark:text-red-400">{errors.description}</span>}
        </label>
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" className="mt-1" checked={net.adminStateUp} onChange={(e) => setNet({ ...net, adminStateUp: e.target.checked })} />
          <span>
            <span className="font-medium">Admin state up</span>
            <span className="block text-xs text-zinc-500 dark:text-zinc-400">Off: the network exists but forwards no traffic.</span>
          </span>
        </label>
      </fieldset>
      <fieldset className="space-y-4">
        <legend className="text-sm font-semibold">First subnet</legend>
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={withSubnet} onChange={(e) => setWithSubnet(e.target.checked)} />
          Create a subnet now
        </label>
        {withSubnet && <SubnetFields values={subnet} errors={unprefixed(errors)} taken={taken} onChange={setSub} />}
      </fieldset>
      {failure && (
        <div className="space-y-2">
          <ApiErrorNotice title={failure.title} error={failure.error} />
          {failure.network && (
            <Link href={href('networks', failure.network.id)} className="text-sm font-medium text-brand-700 hover:underline dark:text-brand-300">
              Open {failure.network.name} to add a subnet
            </Link>
          )}
        </div>
      )}
      <CliHint>{networkCreateCli(net)}</CliHint>
      {withSubnet && <CliHint>{subnetCreateCli(net.name.trim() || '<network>', subnet)}</CliHint>}
      <div className="flex gap-2">
        <button type="submit" className={buttonClass.primary} disabled={pending}>
          {pending ? 'Creating…' : 'Create network'}
        </button>
        <Link href={href('networks')} className={buttonClass.secondary}>
          Cancel
        </Link>
      </div>
    </form>
  );
}

// The network's and the subnet's `name` share one error map.
const prefixed = (e: Record<string, string>) => Object.fromEntries(Object.entries(e).map(([k, v]) => [`subnet.${k}`, v]));
const unprefixed = (e: Record<string, string>) => Object.fromEntries(Object.entries(e).filter(([k]) => k.startsWith('subnet.')).map(([k, v]) => [k.slice(7), v]));
