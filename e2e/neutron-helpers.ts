// Neutron through the dashboard's proxy, for the specs' setup and clean-up (network-flow, floating-ips).
import type { Page } from '@playwright/test';
import { mutationHeaders } from './proxy-helpers';

export type Named = { id: string; name: string };

/** A Neutron list (`path` with its query), the `key` array of its answer; none when absent. */
export const neutronList = async <T = Named>(page: Page, path: string, key: string): Promise<T[]> =>
  ((await (await page.request.get(`/api/os/network/v2.0/${path}`)).json()) as Record<string, T[]>)[key] ?? [];

/** Deletes the routers named `name`: their interfaces on `subnets` first, then their gateway, then the router. */
export async function deleteRouters(page: Page, name: string, subnets: readonly { id: string }[]) {
  const headers = mutationHeaders();
  for (const r of await neutronList(page, `routers?name=${name}`, 'routers')) {
    for (const s of subnets) await page.request.put(`/api/os/network/v2.0/routers/${r.id}/remove_router_interface`, { headers, data: { subnet_id: s.id } });
    await page.request.put(`/api/os/network/v2.0/routers/${r.id}`, { headers, data: { router: { external_gateway_info: {} } } });
    await page.request.delete(`/api/os/network/v2.0/routers/${r.id}`, { headers });
  }
}
