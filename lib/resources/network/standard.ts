// Neutron's standard attributes: every object with a database row carries them (project, tags, timestamps,
// revision; the standard-attr-* extensions). Optional: a deployment may run without one of the extensions.
import { z } from 'zod';

/** Keystone catalog type of Neutron, also the proxy's service segment. */
export const NETWORK_SERVICE = 'network';
export const NEUTRON = { service: NETWORK_SERVICE } as const;

export const NEUTRON_STANDARD = {
  project_id: z.string().optional(),
  tenant_id: z.string().optional(),
  tags: z.array(z.string()).optional(),
  created_at: z.string().optional(),
  updated_at: z.string().optional(),
  revision_number: z.number().optional(),
};
