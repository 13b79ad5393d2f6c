'use client';
// The pickers of the Magnum forms: images (with os_distro), external networks, flavors, key pairs, templates.
import { useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { COMPUTE_HEADERS } from '@/lib/resources/compute/server';
import { KeypairListItemSchema } from '@/lib/resources/compute/keypair';
import { ClusterTemplateSchema, MAGNUM } from '@/lib/resources/container-infra/cluster-template';
import { osCall, useProjectScope } from '@/lib/resources/hooks';
import { parseResponse } from '@/lib/resources/schema';

const Named = z.looseObject({ id: z.string(), name: z.string().nullable().optional() });
const Images = z.looseObject({ images: z.array(Named.extend({ os_distro: z.string().nullable().optional() })) });
const Networks = z.looseObject({ networks: z.array(Named) });
const Flavors = z.looseObject({ flavors: z.array(Named) });
const Keypairs = z.looseObject({ keypairs: z.array(KeypairListItemSchema) });
const Templates = z.looseObject({ clustertemplates: z.array(ClusterTemplateSchema) });

function useOptions<T>(kind: string, target: { service: string; headers?: Record<string, string> }, path: string, schema: z.ZodType<T>) {
  const { projectId } = useProjectScope();
  return useQuery({
    queryKey: ['os', projectId, kind, 'options', path],
    queryFn: async ({ signal }) => parseResponse(schema, await osCall(target, { method: 'GET', path }, signal), `${target.service} ${path}`),
    staleTime: 30_000,
  });
}

const NOVA = { service: 'compute', headers: COMPUTE_HEADERS };
export const useImages = () => useOptions('image', { service: 'image' }, 'v2/images?status=active&sort=name:asc&limit=200', Images);
export const useExternalNetworks = () => useOptions('network', { service: 'network' }, 'v2.0/networks?router:external=true', Networks);
export const useFlavors = () => useOptions('flavor', NOVA, 'flavors', Flavors);
export const useKeypairs = () => useOptions('keypair', NOVA, 'os-keypairs', Keypairs);
export const useTemplates = () => useOptions('cluster-template', { service: MAGNUM }, 'clustertemplates', Templates);
