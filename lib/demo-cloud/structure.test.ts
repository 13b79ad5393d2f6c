// Guards the demo cloud's shape (issue 14): no runtime import cycles, no file over 500 lines,
// and no imports from the dashboard.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { findCycles, importGraph } from '../testing/import-graph';

const ROOT = __dirname;
const REPO = path.resolve(ROOT, '../..');
const MAX_LINES = 500;
/** The dashboard, as `@/` aliases; relative paths that land in the same folders count too. */
const DASHBOARD = ['@/components', '@/app', '@/lib/resources'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(name) ? [p] : [];
  });
}

const isTest = (file: string) => /\.test\.tsx?$/.test(file);

const rel = (file: string) => path.relative(ROOT, file);
const files = sourceFiles(ROOT).sort();
const texts = new Map(files.map((f) => [f, readFileSync(f, 'utf8')]));
const read = (file: string) => texts.get(file) ?? readFileSync(file, 'utf8');
const lineCount = (text: string) => text.split('\n').length - (text.endsWith('\n') ? 1 : 0);

describe('demo cloud structure', () => {
  it('has no runtime import cycles', () => {
    const graph = importGraph(
      files.filter((f) => !isTest(f)),
      read,
    );
    const cycles = findCycles(graph).map((c) => c.map(rel).join(' -> '));
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([]);
  });

  it('keeps every non-test source file at 500 lines or fewer', () => {
    const long = files
      .filter((f) => !isTest(f))
      .map((f) => ({ file: rel(f), lines: lineCount(read(f)) }))
      .filter((f) => f.lines > MAX_LINES)
      .map((f) => `${f.file}: ${f.lines} lines`);
    expect(long, `files over ${MAX_LINES} lines:\n${long.join('\n')}`).toEqual([]);
  });

  it('never imports the dashboard', () => {
    const dashboard = (spec: string, from: string) => {
      const alias = spec.startsWith('.') ? `@/${path.relative(REPO, path.resolve(path.dirname(from), spec)).split(path.sep).join('/')}` : spec;
      return DASHBOARD.some((d) => alias === d || alias.startsWith(`${d}/`));
    };
    // preProcessFile also sees dynamic import() and require(), which the cycle check leaves out.
    const offending = files.flatMap((f) =>
      ts
        .preProcessFile(read(f), true, true)
        .importedFiles.filter((i) => dashboard(i.fileName, f))
        .map((i) => `${rel(f)} imports ${i.fileName}`),
    );
    expect(offending).toEqual([]);
  });

  describe('the cycle finder', () => {
    const graphOf = (sources: Record<string, string>) => {
      const abs = Object.fromEntries(Object.entries(sources).map(([k, v]) => [path.join(ROOT, '__fixture__', k), v]));
      return importGraph(Object.keys(abs), (f) => abs[f]);
    };
    const cyclesOf = (sources: Record<string, string>) => findCycles(graphOf(sources)).map((c) => c.map((f) => path.basename(f)).join(' -> '));

    it('reports a value cycle with its path', () => {
      const cycles = cyclesOf({
        'a.ts': "import { b } from './b';\nexport const a = 1;",
        'b.ts': "import {\n  c,\n} from './sub/c';\nexport const b = 2;",
        'sub/c.ts': "export { a as c } from '../a';",
      });
      expect(cycles).toEqual(['a.ts -> b.ts -> c.ts -> a.ts']);
    });

    it('ignores edges TypeScript erases', () => {
      expect(
        cyclesOf({
          'a.ts': "import type { B } from './b';\nexport const a = 1;",
          'b.ts': "import { type A } from './a';\nexport type { A as AA } from './a';\nexport const b = 2;",
        }),
      ).toEqual([]);
      expect(
        cyclesOf({
          'a.ts': "import { b, type B } from './b';",
          'b.ts': "import './a';",
        }),
      ).toEqual(['a.ts -> b.ts -> a.ts']);
    });
  });
});
