// Guards the demo cloud's shape (issue 14): no runtime import cycles, no file over 500 lines,
// and no imports from the dashboard.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

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

type Specifier = { spec: string; typeOnly: boolean };

/**
 * The module specifiers of a file's static imports and re-exports. `typeOnly` is set when
 * TypeScript erases the statement (`import type`, `export type`, or only `type` specifiers),
 * so it creates no edge at run time.
 */
function specifiers(file: string, text: string): Specifier[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  const out: Specifier[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st) && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.importClause;
      let typeOnly = false;
      if (clause) {
        const named = clause.namedBindings;
        const allNamedTypes =
          !!named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly);
        typeOnly = clause.isTypeOnly || (!clause.name && allNamedTypes);
      }
      out.push({ spec: st.moduleSpecifier.text, typeOnly });
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && ts.isStringLiteral(st.moduleSpecifier)) {
      const clause = st.exportClause;
      const allNamedTypes =
        !!clause && ts.isNamedExports(clause) && clause.elements.length > 0 && clause.elements.every((e) => e.isTypeOnly);
      out.push({ spec: st.moduleSpecifier.text, typeOnly: st.isTypeOnly || allNamedTypes });
    } else if (ts.isImportEqualsDeclaration(st) && ts.isExternalModuleReference(st.moduleReference)) {
      const expr = st.moduleReference.expression;
      if (ts.isStringLiteral(expr)) out.push({ spec: expr.text, typeOnly: st.isTypeOnly });
    }
  }
  return out;
}

function resolveRelative(from: string, spec: string, known: Set<string>): string | null {
  const base = path.resolve(path.dirname(from), spec);
  for (const candidate of [base, `${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')]) {
    if (known.has(candidate)) return candidate;
  }
  return null; // JSON and other non-TypeScript files have no imports of their own
}

/** Runtime import graph: file -> files it imports by value (relative specifiers only). */
function importGraph(files: string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const edges = specifiers(file, read(file))
      .filter((s) => !s.typeOnly && s.spec.startsWith('.'))
      .map((s) => resolveRelative(file, s.spec, known))
      .filter((f): f is string => f !== null);
    graph.set(file, [...new Set(edges)]);
  }
  return graph;
}

/** The cycles a DFS meets (at least one whenever the graph has any), each a path from a file back to itself. */
function findCycles(graph: Map<string, string[]>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(next)), next];
        const key = [...cycle.slice(0, -1)].sort().join('|');
        if (!seen.has(key)) {
          seen.add(key);
          cycles.push(cycle);
        }
      } else if (!state.has(next)) {
        visit(next);
      }
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return cycles;
}

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
