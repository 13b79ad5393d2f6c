// zod schemas of the Keystone service catalog (shared by the Keystone client and the catalog cache).
import { z } from 'zod';

export const EndpointSchema = z.looseObject({
  id: z.string(),
  interface: z.string(),
  region: z.string().nullish(),
  region_id: z.string().nullish(),
  url: z.string(),
});
export const CatalogEntrySchema = z.looseObject({
  id: z.string(),
  type: z.string(),
  name: z.string().default(''),
  endpoints: z.array(EndpointSchema),
});
export const CatalogSchema = z.array(CatalogEntrySchema);
export type CatalogEntry = z.infer<typeof CatalogEntrySchema>;
export type Endpoint = z.infer<typeof EndpointSchema>;
