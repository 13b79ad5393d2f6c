// Presentation mode masks project IDs wherever a definition shows one: every column and overview field that renders a
// project ID must say so (`sensitive: 'projectId'`), so the generic list and detail views mask it.
import { describe, expect, it } from 'vitest';
import { definitionOf, SECTIONS } from './registry';

const P = '0123456789abcdef0123456789abcdef';
// Every key OpenStack APIs carry a project ID under, on one row.
const row = {
  project_id: P,
  tenant_id: P,
  owner: P,
  lessee: P,
  default_project_id: P,
  'os-vol-tenant-attr:tenant_id': P,
  'os-extended-snapshot-attributes:project_id': P,
};

function shows(value: () => unknown): boolean {
  try {
    return value() === P;
  } catch {
    return false; // a field reading data this row lacks
  }
}

describe('project IDs are declared sensitive', () => {
  const defs = SECTIONS.map((s) => definitionOf(s, 'another-project')).filter((d) => d !== undefined);
  it.each(defs.map((d) => [d.kind, d] as const))('%s', (_kind, def) => {
    const ctx = { lookups: {} };
    const undeclared = [
      ...def.columns.filter((c) => shows(() => c.value(row, ctx)) && c.sensitive !== 'projectId').map((c) => `column ${c.id}`),
      ...(def.overview ?? []).filter((f) => shows(() => f.value(row, ctx)) && f.sensitive !== 'projectId').map((f) => `field ${String(f.label)}`),
    ];
    expect(undeclared).toEqual([]);
  });
});
