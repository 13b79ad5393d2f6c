// Per-row validation of a `rows` field from its declared columns: a row with any input is filled, and each of its
// cells the form's values call for is checked (`required`, `check`). What a row means as a whole stays the kind's.
import type { FormValue, RowColumn, RowsSpec, Text } from '../types';

type Values = Record<string, FormValue>;

/** The columns the values call for, as the values word them. */
export const shownColumns = (spec: RowsSpec, values: Values): RowColumn[] =>
  spec.columns.filter((c) => !c.when || c.when(values)).map((c) => ({ ...c, ...c.vary?.(values) }));

/**
 * A problem as a form error: zod and the form keep an error as a string, so a cell's problem is a catalog key without
 * arguments (or text shown as it is). A message with values cannot travel there: a definition's mistake, said loudly.
 */
function asIssue(problem: Text): string {
  if (typeof problem === 'string') return problem;
  throw new TypeError(`A row's problem is a form error, a key without values: ${problem.key}`);
}

/** The filled rows (with their index) and the problems of their cells, keyed `<field>.<row>.<column>` like the form's. */
export function checkRows<R extends Record<string, string>>(field: string, spec: RowsSpec, rows: readonly R[], values: Values) {
  const columns = shownColumns(spec, values);
  const errors: Record<string, string> = {};
  const filled = rows.map((row, i) => ({ row, i })).filter(({ row }) => Object.values(row).some((x) => x.trim() !== ''));
  for (const { row, i } of filled) {
    for (const c of columns) {
      const x = (row[c.name] ?? '').trim();
      const problem = x ? c.check?.(x) : c.required;
      if (problem) errors[`${field}.${i}.${c.name}`] = asIssue(problem);
    }
  }
  const ok = filled.filter(({ i }) => !columns.some((c) => errors[`${field}.${i}.${c.name}`]));
  return { filled, ok, columns, errors };
}
