// The layering rules of docs/architecture.md, checked over the tree: views never reach server-only code or
// routes, definitions never reach views, and routes stay generic (a new kind adds no page file).
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../testing/import-graph';

const root = path.resolve(__dirname, '../..');

function files(dir: string, test: (f: string) => boolean): string[] {
  return readdirSync(path.join(root, dir), { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && test(e.name))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const source = (f: string) => /\.(ts|tsx)$/.test(f);
const imports = (file: string) => [...readFileSync(path.join(root, file), 'utf8').matchAll(/^\s*(?:import|export)\s[^;]*?from\s+'([^']+)'/gms)].map((m) => m[1]);

describe('layering', () => {
  it('components import neither lib/openstack (server-only) nor app/', () => {
    const bad = files('components', source).flatMap((f) => imports(f).filter((i) => /^@\/(lib\/openstack|app)\//.test(i)).map((i) => `${f} -> ${i}`));
    expect(bad).toEqual([]);
  });
  it('lib/resources imports no component', () => {
    const bad = files('lib/resources', source).flatMap((f) => imports(f).filter((i) => i.startsWith('@/components/')).map((i) => `${f} -> ${i}`));
    expect(bad).toEqual([]);
  });
  // A cycle between definitions broke the CLI conformance run (zone.ts read recordset.ts's pages before they existed).
  it('lib/resources has no runtime import cycles', () => {
    const list = files('lib/resources', (f) => source(f) && !/\.test\.tsx?$/.test(f)).map((f) => path.join(root, f));
    const cycles = findCycles(importGraph(list, (f) => readFileSync(f, 'utf8'))).map((c) => c.map((f) => path.relative(root, f)).join(' -> '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });
  it('the project routes are generic: at most 12 page files', () => {
    expect(files('app/[cloud]/[projectId]', (f) => f === 'page.tsx').length).toBeLessThanOrEqual(12);
  });
});
