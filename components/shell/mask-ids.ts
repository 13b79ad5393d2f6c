// Project IDs inside raw text (the API inspector's URLs, headers and bodies, a detail page's raw JSON): which strings
// are project IDs (pure functions), and the hook applying them in presentation mode.

import { useParams } from 'next/navigation';
import { useCallback } from 'react';
import { maskValue, usePresentation } from './presentation';

/** Keys whose string value is a project ID: `project_id`, `tenant_id`, `default_project_id`,
 *  `os-vol-tenant-attr:tenant_id`, `os-extended-snapshot-attributes:project_id`, Glance's and Ironic's `owner`,
 *  Ironic's `lessee`, Glance's image `member_id`. */
const ID_KEY = /(^|[_:-])(project|tenant)_?id$|^(owner|lessee|member_id)$/i;
/** Keys holding a project object or a list of them (Keystone's tokens, `/v3/auth/projects`, role assignments). */
const OBJECT_KEY = /^(project|projects|tenant|tenants)$/i;
/** What a project ID looks like (Keystone writes 32 hex digits; some clouds use UUIDs): short words never match, so
 *  masking cannot eat ordinary text. */
const ID_SHAPE = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;

const MAX_DEPTH = 12;

/** Every project ID a JSON value holds under a project key (or as a project object's `id`). */
export function collectProjectIds(value: unknown, into: Set<string> = new Set(), depth = 0): Set<string> {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return into;
  if (Array.isArray(value)) {
    for (const v of value) collectProjectIds(v, into, depth + 1);
    return into;
  }
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string' && ID_KEY.test(k) && ID_SHAPE.test(v)) into.add(v);
    else if (OBJECT_KEY.test(k)) for (const o of Array.isArray(v) ? v : [v]) addObjectId(o, into);
    collectProjectIds(v, into, depth + 1);
  }
  return into;
}

function addObjectId(o: unknown, into: Set<string>) {
  const id = o && typeof o === 'object' ? (o as { id?: unknown }).id : undefined;
  if (typeof id === 'string' && ID_SHAPE.test(id)) into.add(id);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The text with every given project ID masked (case-insensitive: a URL may carry it in either case). */
export function maskIds(text: string, ids: Iterable<string>): string {
  const list = [...new Set(ids)].filter((id) => ID_SHAPE.test(id));
  if (!text || !list.length) return text;
  return text.replace(new RegExp(list.map(escape).join('|'), 'gi'), (found) => maskValue(found));
}

/**
 * In presentation mode with project IDs masked: a function masking the current project's ID and the project IDs
 * found in `from` (the JSON shown, or several) in a text. Otherwise the text as it is.
 */
export function useProjectIdMask(): (text: string, from?: unknown) => string {
  const { masked } = usePresentation();
  const params = useParams<{ projectId?: string }>();
  const on = masked('projectId');
  const current = params?.projectId;
  return useCallback(
    (text: string, from?: unknown) => {
      if (!on) return text;
      const ids = collectProjectIds(from);
      if (current) ids.add(current);
      return maskIds(text, ids);
    },
    [on, current],
  );
}
