// The sensitivity a kind declares, read by the server from the registry (never from the browser's word alone): its
// columns' and overview fields' `sensitive`, and `sensitiveName`. A slug the registry does not hold (an object's
// child list) has none; the text patterns of strip.ts still apply.
import { definitionOf, SECTIONS, type DefinitionScope } from '@/lib/resources/registry';
import type { Declared } from './strip';

export function declaredFor(slug: string, projectId: string, scope: DefinitionScope): Declared | undefined {
  if (!slug) return undefined;
  for (const section of SECTIONS) {
    const def = definitionOf(section, projectId, scope);
    if (!def || def.slug !== slug) continue;
    return {
      columns: new Map(def.columns.map((c) => [c.id, c.sensitive])),
      fields: new Map((def.overview ?? []).flatMap((f) => (typeof f.label === 'string' ? [[f.label, f.sensitive] as const] : []))),
      sensitiveName: def.sensitiveName,
    };
  }
  return undefined;
}
