// How a template names a network: by reference when the selection recreates it, else as a parameter by name.
import type { HeatContext, HotValue } from './heat-types';

/** A network of the selection by reference, any other (the external one) as a parameter by its name. */
export function networkValue(ctx: HeatContext, id: string): HotValue {
  const ref = ctx.ref('network', id);
  if (ref) return ref;
  const net = ctx.inventory.networks.find((n) => n.id === id);
  return ctx.param('network', net?.name || id);
}

export const nonEmpty = <T,>(list: readonly T[] | undefined) => (list && list.length ? list : undefined);

