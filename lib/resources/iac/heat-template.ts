// A Heat template (HOT) that recreates live resources: Former2's idea for OpenStack. One pure function over the
// registry's `heat` declarations (heat-types.ts), shared by the export page and the session recorder.
//
// Contract of heatTemplateFor(items, inventory?, options?):
// - `items`: the objects to recreate, each `{ slug, row }`: `slug` names the kind by its section slug (`networks`,
//   `instances`) or its kind (`network`, `server`, `subnet`); `row` is the object as the API answers it (the list's or
//   GET's object, parsed here with the definition's schema). Kinds without a `heat` declaration, rows the schema
//   refuses and rows a mapping leaves out (an external network) are not in the template and each gets a warning.
// - `inventory`: facts the mappings read besides the rows (ports, subnets, networks, image and flavor names);
//   `inventoryParts(slugs)` says which parts the items' kinds need. Missing parts make a thinner template, never an error.
// - Objects bring what they imply (a network its subnets; a router its interfaces on subnets of the selection; a
//   server its ports' networks; a volume its attachment to a selected server). Objects of the selection are named
//   with `get_resource`; images, flavors, key pairs, networks and subnets outside it become parameters whose
//   defaults are their current names.
// - Returns `{ yaml, warnings, template }`: the HOT text (heat_template_version 2018-08-31), what it could not
//   express (catalog messages naming the objects), and the template as a plain object. Never throws on cloud data.
import { stringify } from 'yaml';
import { msg, type Text } from '@/lib/i18n/msg';
import type { AnyDefinition } from '../types';
import { heatDefinition } from './heat-kinds';
import { EMPTY_INVENTORY, type HeatContext, type HeatInventory, type HeatParamKind, type HotDependency, type HotResource, type HotValue, type InventoryPart } from './heat-types';

export type { HeatInventory, InventoryPart };
export { exportableKinds, heatDefinition, inventoryParts } from './heat-kinds';

export const HOT_VERSION = '2018-08-31';

export interface HeatTemplateResult {
  yaml: string;
  warnings: Text[];
  template: Record<string, unknown>;
}

/** A resource or parameter name from an object's name: letters, digits and `_`, at most 40 characters. */
export function hotName(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]+/g, '_').replace(/^_+|_+$/g, '').slice(0, 40).replace(/_+$/, '');
}

/** `base`, or `base_2`, `base_3`… when taken. */
function unique(base: string, taken: Set<string>): string {
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
  taken.add(name);
  return name;
}

const PARAMS: Record<HeatParamKind, { prefix: string; label: string; description: string; constraint: string }> = {
  image: { prefix: 'image', label: 'Image', description: 'The image a server boots from or a volume is made from (name or ID)', constraint: 'glance.image' },
  flavor: { prefix: 'flavor', label: 'Flavor', description: 'The flavor of the server (name or ID)', constraint: 'nova.flavor' },
  keypair: { prefix: 'key_name', label: 'Key pair', description: 'The key pair to inject (name)', constraint: 'nova.keypair' },
  network: { prefix: 'network', label: 'Network', description: 'An existing network (name or ID)', constraint: 'neutron.network' },
  subnet: { prefix: 'subnet', label: 'Subnet', description: 'An existing subnet (name or ID)', constraint: 'neutron.subnet' },
};
const PARAM_ORDER: readonly HeatParamKind[] = ['image', 'flavor', 'keypair', 'network', 'subnet'];

interface Chosen {
  def: AnyDefinition;
  row: unknown;
  id: string;
  name: string;
  resource: string;
}

/** Drops undefined members (and empty maps they leave) so the YAML holds only what was set. */
function clean(v: HotValue): HotValue {
  if (Array.isArray(v)) return v.map(clean);
  if (v && typeof v === 'object') {
    const out: Record<string, HotValue> = {};
    for (const [k, x] of Object.entries(v as Record<string, HotValue>)) if (x !== undefined) out[k] = clean(x);
    return out;
  }
  return v;
}

export function heatTemplateFor(
  items: ReadonlyArray<{ slug: string; row: unknown }>,
  inventory: Partial<HeatInventory> = {},
  options: { description?: string } = {},
): HeatTemplateResult {
  const inv: HeatInventory = { ...EMPTY_INVENTORY, ...inventory };
  const warnings: Text[] = [];
  const chosen = new Map<string, Chosen>();
  const taken = new Set<string>();

  const choose = (def: AnyDefinition, raw: unknown) => {
    const parsed = def.schema.safeParse(raw);
    if (!parsed.success) {
      warnings.push(msg('iac.warnings.unreadable', { kind: def.kind }));
      return;
    }
    const row = parsed.data;
    const id = def.id(row);
    const key = `${def.kind}:${id}`;
    if (chosen.has(key)) return;
    const name = def.name(row) || id;
    const skip = def.heat!.skip?.(row);
    if (skip) {
      warnings.push(skip);
      return;
    }
    chosen.set(key, { def, row, id, name, resource: unique(`${def.heat!.stem}_${hotName(name) || hotName(id.slice(0, 8))}`, taken) });
    for (const b of def.heat!.brings ?? []) {
      const bdef = b.def();
      for (const r of b.rows(row, inv)) choose(bdef, r);
    }
  };
  for (const item of items) {
    const def = heatDefinition(item.slug);
    if (!def) warnings.push(msg('iac.warnings.notExportable', { kind: item.slug }));
    else choose(def, item.row);
  }

  const params = new Map<string, { name: string; kind: HeatParamKind; value: string }>();
  const paramNames = new Set<string>();
  const rows = [...chosen.values()];
  const ctx = (): HeatContext => ({
    ref: (kind, id) => {
      const c = chosen.get(`${kind}:${id}`);
      return c ? { get_resource: c.resource } : undefined;
    },
    nameOf: (kind, id) => chosen.get(`${kind}:${id}`)?.resource,
    param: (kind, value) => {
      const key = `${kind}:${value}`;
      let p = params.get(key);
      if (!p) {
        p = { name: unique(`${PARAMS[kind].prefix}_${hotName(value) || 'value'}`, paramNames), kind, value };
        params.set(key, p);
      }
      return { get_param: p.name };
    },
    selected: (kind) => rows.filter((c) => c.def.kind === kind).map((c) => c.row),
    inventory: inv,
    warn: (text) => warnings.push(text),
  });

  const resources: Record<string, { type: string; properties: HotValue; depends_on?: string[] }> = {};
  const resourceNames = new Set(rows.map((c) => c.resource));
  // Every resource's final name by its object and suffix, for the dependencies, resolved after all are named.
  const named = new Map<string, string>();
  const dependencyKey = (d: HotDependency) => `${d.kind}:${d.id}:${d.suffix ?? ''}`;
  const waits: { name: string; on: readonly HotDependency[] }[] = [];
  for (const c of rows) {
    const made: readonly HotResource[] = c.def.heat!.resources(c.row, ctx());
    made.forEach((r, i) => {
      const name = i === 0 && !r.suffix ? c.resource : unique(`${c.resource}_${r.suffix ?? i}`, resourceNames);
      named.set(dependencyKey({ kind: c.def.kind, id: c.id, suffix: i === 0 ? undefined : r.suffix }), name);
      resources[name] = { type: r.type, properties: clean(r.properties as HotValue) };
      if (r.depends_on?.length) waits.push({ name, on: r.depends_on });
    });
  }
  for (const w of waits) {
    const on = [...new Set(w.on.map((d) => named.get(dependencyKey(d))).filter((n): n is string => !!n && n !== w.name))];
    if (on.length) resources[w.name].depends_on = on;
  }

  const parameters: Record<string, unknown> = {};
  for (const kind of PARAM_ORDER) {
    for (const p of params.values()) {
      if (p.kind !== kind) continue;
      const d = PARAMS[kind];
      parameters[p.name] = { type: 'string', label: d.label, description: d.description, default: p.value, constraints: [{ custom_constraint: d.constraint }] };
    }
  }

  const template: Record<string, unknown> = {
    heat_template_version: HOT_VERSION,
    description: options.description ?? `Recreates ${rows.length} resource${rows.length === 1 ? '' : 's'} exported by Stratus`,
    ...(Object.keys(parameters).length ? { parameters } : {}),
    resources,
  };
  return { yaml: toYaml(template), warnings, template };
}

/**
 * YAML that Heat's loader (PyYAML, YAML 1.1) reads back as the same values: strings YAML 1.1 would take for booleans
 * or numbers (`yes`, `on`, `0777`) are quoted; the version date stays a plain scalar (Heat reads dates as strings).
 */
export function toYaml(template: Record<string, unknown>): string {
  return stringify(template, { version: '1.1', lineWidth: 0, aliasDuplicateObjects: false }).replace(/^heat_template_version: "(\d{4}-\d{2}-\d{2})"$/m, 'heat_template_version: $1');
}
