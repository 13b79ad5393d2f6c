'use client';

// Queries, calls and form pieces shared by the router, floating IP and security group pages and their instance-page
// parts. Networks, subnets and ports are parsed with the network resource kinds' own schemas.
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useSearchParams } from 'next/navigation';
import { useState, type ReactNode } from 'react';
import { z } from 'zod';
import { ApiErrorNotice } from '@/components/resource/api-error';
import { ResourceList } from '@/components/resource/resource-list';
import { buttonClass } from '@/components/ui/button';
import { FormButtons } from '@/components/ui/form-buttons';
import { CliHint } from '@/components/ui/cli-hint';
import { COMPUTE_HEADERS } from '@/lib/resources/compute/server';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';
import type { ApiRequest, ResourceDefinition } from '@/lib/resources/types';
import { NetworkSchema, type Network } from '@/lib/resources/network/network';
import { PortSchema, type Port } from '@/lib/resources/network/port';
import { SubnetSchema, type Subnet } from '@/lib/resources/network/subnet';

export const NEUTRON = { service: 'network' } as const;
export const NOVA = { service: 'compute', headers: COMPUTE_HEADERS } as const;

// These hooks read full objects (never `fields=` subsets), so the resource kinds' schemas apply.
export type { Network, Port, Subnet };

function useNeutronList<T>(kind: string, path: string, key: string, schema: z.ZodType<T>, enabled = true) {
  const { projectId } = useProjectScope();
  const wrapped = z.looseObject({ [key]: z.array(schema) });
  return useQuery({
    queryKey: ['os', projectId, kind, 'list', 'edge', path],
    queryFn: async ({ signal }) => parseResponse(wrapped, await osCall(NEUTRON, { method: 'GET', path }, signal), `network ${path}`)[key] as T[],
    staleTime: 15_000,
    enabled,
  });
}

/** External networks: the pools of floating IPs and the possible router gateways (e.g. `public`). */
export const useExternalNetworks = () => useNeutronList('network', 'v2.0/networks?router:external=true', 'networks', NetworkSchema);
export const useNetworks = () => useNeutronList('network', 'v2.0/networks', 'networks', NetworkSchema);
/** The subnets of the project's own networks (a router interface goes on one of them). */
export function useProjectSubnets() {
  const { projectId } = useProjectScope();
  return useNeutronList('subnet', `v2.0/subnets?project_id=${encodeURIComponent(projectId)}`, 'subnets', SubnetSchema);
}
export const usePorts = (query: string, enabled = true) => useNeutronList('port', `v2.0/ports?${query}`, 'ports', PortSchema, enabled);

const ServersSchema = z.looseObject({ servers: z.array(z.looseObject({ id: z.string(), name: z.string(), status: z.string() })) });
export function useServerNames(enabled = true) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, 'server', 'list', 'edge-names'],
    queryFn: async ({ signal }) => parseResponse(ServersSchema, await osCall(NOVA, { method: 'GET', path: 'servers/detail?limit=1000' }, signal), 'compute servers/detail').servers,
    staleTime: 15_000,
    enabled,
  });
}

/** One Neutron or Nova call; then every kind it touches refetches (an association changes the IP and the server). */
export function useEdgeCall<V = void>(
  target: { service: string; headers?: Record<string, string> },
  request: (v: V) => ApiRequest | Promise<ApiRequest>,
  onDone?: (body: unknown, v: V) => void,
) {
  const { projectId } = useProjectScope();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async (v: V) => osCall<unknown>(target, await request(v)),
    onSuccess: (body, v) => onDone?.(body, v),
    onSettled: async () => {
      await Promise.all(['router', 'floating-ip', 'security-group', 'port', 'server', 'subnet', 'network'].map((k) => qc.invalidateQueries({ queryKey: ['os', projectId, k] })));
    },
  });
}

export const panelClass = 'mt-2 max-w-xl space-y-3 rounded-lg border border-zinc-200 bg-white p-4 dark:border-zinc-800 dark:bg-zinc-900';

/** A small form: a one-line explanation, the fields, the API's refusal, the CLI line, submit and cancel. */
export function EdgeForm({
  label, explain, children, error, errorTitle, cli, submit, pending, onSubmit, onCancel,
}: {
  label: string;
  explain?: ReactNode;
  children: ReactNode;
  error: unknown;
  errorTitle: string;
  cli: string;
  submit: string;
  pending: boolean;
  onSubmit: () => void;
  onCancel?: () => void;
}) {
  return (
    <form
      noValidate
      aria-label={label}
      className={panelClass}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      {explain && <p className="text-sm text-zinc-600 dark:text-zinc-400">{explain}</p>}
      {children}
      {!!error && <ApiErrorNotice title={errorTitle} error={error} />}
      <CliHint>{cli}</CliHint>
      <FormButtons submit={submit} pending={pending} onCancel={onCancel} />
    </form>
  );
}

/** A short explanation under a page heading: what this kind of thing is. */
export function Explain({ children }: { children: ReactNode }) {
  return <p className="max-w-3xl text-sm text-zinc-600 dark:text-zinc-400">{children}</p>;
}

/** A kind's list with an explanation and a header button that opens its create panel above the table. */
export function EdgeList<T>({ def, button, explain, panel }: { def: ResourceDefinition<T>; button: string; explain: ReactNode; panel: (close: () => void) => ReactNode }) {
  // `?new=1` opens the form at once (the command palette's actions link here).
  const search = useSearchParams();
  const [open, setOpen] = useState(search.get('new') === '1');
  return (
    <ResourceList
      def={def}
      detail
      headerActions={
        <button type="button" className={buttonClass.primary} aria-expanded={open} onClick={() => setOpen(!open)}>
          {button}
        </button>
      }
      notice={
        <>
          <Explain>{explain}</Explain>
          {open && panel(() => setOpen(false))}
        </>
      }
    />
  );
}
