// Which kinds map to Heat: every registry definition that declares `heat`, and the kinds those bring (subnets).
// Apart from the template's assembly (and its YAML library), so a page can ask without loading them.
import { definitionOf, SECTIONS } from '../registry';
import type { AnyDefinition } from '../types';
import type { InventoryPart } from './heat-types';

/** Every definition that maps to Heat, and the kinds they bring (subnets), by kind. */
function heatDefinitions(): Map<string, AnyDefinition> {
  const out = new Map<string, AnyDefinition>();
  const add = (def: AnyDefinition) => {
    if (!def.heat || out.has(def.kind)) return;
    out.set(def.kind, def);
    for (const b of def.heat.brings ?? []) add(b.def());
  };
  for (const s of SECTIONS) {
    const def = s.definition ? definitionOf(s, '') : undefined;
    if (def) add(def);
  }
  return out;
}

let cached: Map<string, AnyDefinition> | undefined;
const definitions = () => (cached ??= heatDefinitions());

/** The definition an item's slug (or kind) names, when it maps to Heat. */
export function heatDefinition(slugOrKind: string): AnyDefinition | undefined {
  for (const def of definitions().values()) if (def.slug === slugOrKind || def.kind === slugOrKind) return def;
  return undefined;
}

/** Every kind that maps to Heat: the sections' in sidebar order, then the kinds they bring. */
export const exportableKinds = (): AnyDefinition[] => [...definitions().values()];

/** The inventory parts the mappings of these items (and what they bring) read. */
export function inventoryParts(slugs: readonly string[]): InventoryPart[] {
  const parts = new Set<InventoryPart>();
  const visit = (def: AnyDefinition | undefined) => {
    if (!def?.heat) return;
    for (const p of def.heat.needs ?? []) parts.add(p);
    for (const b of def.heat.brings ?? []) if (b.def() !== def) visit(b.def());
  };
  for (const s of slugs) visit(heatDefinition(s));
  return [...parts].sort();
}

