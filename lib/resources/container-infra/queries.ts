'use client';
// The pickers of the Magnum forms (templates here; images, external networks, flavors and key pairs from their
// services' modules) and the certificate calls behind a kubeconfig download.
import { z } from 'zod';
import { osCall } from '../hooks';
import { usePathQuery } from '../queries';
import { ClusterTemplateSchema, MAGNUM } from './cluster-template';

const TemplatesSchema = z.looseObject({ clustertemplates: z.array(ClusterTemplateSchema) });
export const useTemplates = () => usePathQuery('cluster-template', { service: MAGNUM }, 'clustertemplates', TemplatesSchema, { staleTime: 30_000 });

/** The cluster's CA certificate (GET certificates/{uuid}), as Magnum answers it. */
export const getClusterCa = (clusterUuid: string) => osCall({ service: MAGNUM }, { method: 'GET', path: `certificates/${clusterUuid}` });

/** Magnum signs a client certificate for the CSR (POST certificates). */
export const signClientCsr = (clusterUuid: string, csr: string) => osCall({ service: MAGNUM }, { method: 'POST', path: 'certificates', body: { cluster_uuid: clusterUuid, csr } });
