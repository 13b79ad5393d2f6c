// The runtime import graph of a set of TypeScript files (relative imports; type-only ones are erased) and its
// cycles: a cycle lets a module read another's binding before it is initialised (a ReferenceError at load time).
import path from 'node:path';
import ts from 'typescript';

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
export function importGraph(files: string[], read: (file: string) => string): Map<string, string[]> {
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
export function findCycles(graph: Map<string, string[]>): string[][] {
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
