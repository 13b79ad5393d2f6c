// Every text a definition declares is a catalog key (or a message object with one): no English is left in the
// registry for the views to show untranslated. Static text fields are read from every definition the registry
// reaches (sections, their child tabs and companions); a filter option may show the API's own value as it is
// (label === value: a status or a format the API spells that way). Function fields (a status, a cell or a confirmation
// built from a row) return text only for a row: e2e/locales.spec.ts reads what they render, per locale.
import { describe, expect, it } from 'vitest';
import { leaves, type Catalog } from '@/lib/i18n/catalog';
import messages from '@/lib/i18n/messages/en.json';
import { definitionOf, GROUPS, SECTIONS } from './registry';
import type { AnyDefinition } from './types';

const KEYS = new Set(leaves(messages as unknown as Catalog).keys());

/** Property names that hold text shown to the user, wherever they appear in a definition. */
const TEXT = new Set([
  'label', 'singular', 'plural', 'noun', 'confirmLabel', 'submitLabel', 'errorTitle', 'title', 'heading', 'explain',
  'hint', 'placeholder', 'group', 'empty', 'add', 'none', 'choose', 'loadError', 'busy', 'intro', 'downloadLabel',
  'pending', 'table', 'required', 'fileHint', 'description', 'create',
]);
/** In the registry, `service` names the service for people and `group` is a group's id. */
const REGISTRY_TEXT = new Set([...[...TEXT].filter((k) => k !== 'group'), 'service']);
/** Objects below these names are API plumbing, not text (paths, schemas, request bodies). */
const SKIP = new Set(['schema', 'listSchema', 'paths', 'keys', 'headers', 'defaults', 'empty', 'source', 'cli']);

function texts(value: unknown, path: string, out: [string, unknown][], seen: Set<unknown>, names = TEXT) {
  if (value === null || typeof value !== 'object' || seen.has(value)) return;
  seen.add(value);
  if (Array.isArray(value)) {
    value.forEach((v, i) => texts(v, `${path}[${i}]`, out, seen, names));
    return;
  }
  const o = value as Record<string, unknown>;
  const isOption = 'value' in o && 'label' in o && typeof o.value === 'string';
  for (const [k, v] of Object.entries(o)) {
    if (names.has(k) && (typeof v === 'string' || (typeof v === 'object' && v !== null && 'key' in v))) {
      if (!(isOption && k === 'label' && v === o.value)) out.push([`${path}.${k}`, v]);
    } else if (!SKIP.has(k) || (k === 'empty' && typeof v !== 'object')) texts(v, `${path}.${k}`, out, seen, names);
  }
}

function definitions(): AnyDefinition[] {
  const out = new Set<AnyDefinition>();
  const add = (d: AnyDefinition | undefined) => {
    if (!d || out.has(d)) return;
    out.add(d);
    for (const c of d.companions ?? []) add(c.def);
  };
  for (const s of SECTIONS) add(definitionOf(s, '0123456789abcdef0123456789abcdef'));
  return [...out];
}

describe('definitions hold catalog keys, not English', () => {
  it('the registry: groups and sections', () => {
    const found: [string, unknown][] = [];
    texts(GROUPS, 'GROUPS', found, new Set(), REGISTRY_TEXT);
    texts(SECTIONS.map((s) => ({ ...s, definition: undefined })), 'SECTIONS', found, new Set(), REGISTRY_TEXT);
    expect(found.filter(([, v]) => typeof v === 'string' && !KEYS.has(v))).toEqual([]);
  });
  it.each(definitions().map((d) => [d.kind, d] as const))('%s', (_kind, def) => {
    const found: [string, unknown][] = [];
    texts(def, def.kind, found, new Set());
    const notKeys = found.filter(([, v]) => (typeof v === 'string' ? !KEYS.has(v) : !KEYS.has((v as { key: string }).key)));
    expect(notKeys).toEqual([]);
  });
});
