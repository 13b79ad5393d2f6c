// What a definition declares to appear in an exported Heat template (types.ts `heat`), and what its mapping sees.
// Plain data and pure functions: the mapping turns one live row into HOT resources, naming the other objects of the
// selection through `ctx.ref` (a `get_resource`) and objects outside it through `ctx.param` (a parameter whose default
// is the object's current name), so the template carries no ids.
import type { Text } from '@/lib/i18n/msg';
import type { AnyDefinition } from '../types';

/** A HOT value: what `properties` hold once serialised (undefined members are dropped). */
export type HotValue = string | number | boolean | null | undefined | readonly HotValue[] | { readonly [key: string]: HotValue };

/** The kinds of parameter an export makes for objects it does not recreate, each with Heat's custom constraint. */
export type HeatParamKind = 'image' | 'flavor' | 'keypair' | 'network' | 'subnet';

/** Facts from the cloud a mapping may read besides its row (ports of servers and routers, names of images). */
export interface HeatInventory {
  ports: readonly { id: string; network_id: string; device_id: string; device_owner: string; fixed_ips: readonly { subnet_id?: string; ip_address: string }[] }[];
  subnets: readonly { id: string; network_id: string; [k: string]: unknown }[];
  networks: readonly { id: string; name: string; 'router:external'?: boolean }[];
  /** Image and flavor names by id. */
  images: Readonly<Record<string, string>>;
  flavors: Readonly<Record<string, string>>;
}

export type InventoryPart = keyof HeatInventory;

export const EMPTY_INVENTORY: HeatInventory = { ports: [], subnets: [], networks: [], images: {}, flavors: {} };

export interface HeatContext {
  /** `{get_resource: <name>}` of an object of the selection (by its kind and id), or undefined when it is not in it. */
  ref(kind: string, id: string): { get_resource: string } | undefined;
  /** The resource name an object of the selection has in the template (for `get_attr`). */
  nameOf(kind: string, id: string): string | undefined;
  /** `{get_param: <name>}` for an object outside the selection that Heat finds by name; its default is `name`. */
  param(kind: HeatParamKind, name: string): { get_param: string };
  /** The rows of the selection of one kind. */
  selected(kind: string): readonly unknown[];
  inventory: HeatInventory;
  /** Something of this row the template cannot express (said beside the template, the row's name in it). */
  warn(text: Text): void;
}

/** One resource of the template: the row's own (no `suffix`) or another it brings (a router's interface: `if_1`). */
export interface HotResource {
  suffix?: string;
  type: string;
  properties: Record<string, HotValue>;
  /** Other resources of the template it must wait for, by the object they belong to (resolved once all are named). */
  depends_on?: readonly HotDependency[];
}

/** A resource of the template by its object and its suffix (none: the object's own resource). */
export interface HotDependency {
  kind: string;
  id: string;
  suffix?: string;
}

/** How a kind maps to Heat (heat/engine/resources/openstack/…): the resource type and what it is made of. */
export interface HeatMapping<T> {
  /** The resource type of the row's own resource (`OS::Neutron::Net`). */
  type: string;
  /** The stem of its resource names (`net` gives `net_web`). */
  stem: string;
  /** The inventory parts the mapping reads (fetched once for the whole selection). */
  needs?: readonly InventoryPart[];
  /**
   * Other objects the row brings with it, of another kind that maps too (a network its subnets): resolved before any
   * mapping runs, so they are references like the rest of the selection.
   */
  brings?: readonly { def: () => AnyDefinition; rows: (row: T, inv: HeatInventory) => readonly unknown[] }[];
  /** Leaves a row out (an external network is the cloud's, referenced as a parameter): the reason, said as a warning. */
  skip?: (row: T) => Text | undefined;
  /** The row's resources: its own first (without `suffix`), then the ones it implies. */
  resources: (row: T, ctx: HeatContext) => readonly HotResource[];
}
