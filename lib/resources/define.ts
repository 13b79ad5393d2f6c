// Builders for what every resource definition repeats: the delete action, the name / status / age / ID columns and
// the row names a confirmation quotes. Pure functions over the row type, so a definition stays fully typed; what a
// kind says differently (its title, its body text, what stops the delete) stays a parameter. Texts are catalog keys
// (lib/i18n/msg.ts): the shared words under `common`, each kind's sentences under `kinds.<kind>`.
import { msg, type MsgKey } from '@/lib/i18n/msg';
import type { Column, Confirmation, Filter, FilterOption, ResourceAction, ResourceDefinition, ServiceTarget, Text } from './types';

/** The usual display name: the name, or the id when the object has none (Nova, Cinder and Neutron allow that). */
export const nameOrId = (row: { name?: string | null; id: string }): string => row.name || row.id;

/**
 * The rows' names for a confirmation sentence, as the values of its message: `names` joined, and `more`, how many
 * were left out. With `max`, a long selection is cut after `max` names, so a dialog for 200 rows stays readable (the
 * dialog lists every row beside it anyway); the message says the rest in its own words:
 * `"This permanently destroys {names}{more, plural, =0 {} other { and # more}} …"`, values
 * `{ count: rows.length, ...rowNames(rows, nameOrId, 3) }`.
 */
export function rowNames<T>(rows: readonly T[], name: (row: T) => string, max = Infinity): { names: string; more: number } {
  const n = rows.map(name);
  return n.length <= max ? { names: n.join(', '), more: 0 } : { names: n.slice(0, max).join(', '), more: n.length - max };
}

export interface DeleteSpec<T> {
  /**
   * The dialog's title: a message of `count`, the number of rows, worded whole per kind
   * (`"{count, plural, one {Delete volume?} other {Delete # volumes?}}"`).
   */
  title: MsgKey;
  /** Item path of the DELETE (usually the definition's `paths.item` of the row's id). */
  path: (row: T) => string;
  cli: (row: T) => string;
  /** What is destroyed and what survives, naming the rows: the part each kind words its own way. */
  body: (rows: readonly T[]) => Text;
  // NoInfer: a shared predicate typed for fewer fields (`canDeletePort`, `networkDependents`) must not narrow T,
  // which comes from where the action goes (the definition's row type).
  /** Default: always offered, so the API's refusal (policy, in use) is what the user reads. */
  allowed?: ResourceAction<NoInfer<T>>['allowed'];
  optimistic?: (row: T) => T;
  dependents?: Confirmation<NoInfer<T>>['dependents'];
  /** The word on the button and the confirm button (default `common.delete`, "Delete"; floating IPs are `Release`d). */
  verb?: Text;
  /** Offered for a selection (default true). */
  bulk?: boolean;
}

/**
 * The destructive `delete` action: DELETE of the item path, confirmed first. The id stays `delete` whatever the verb,
 * since the list's bulk bar and the undo window key on it.
 */
export function deleteAction<T>(spec: DeleteSpec<T>): ResourceAction<T> {
  const { title, path, verb = 'common.delete', dependents, optimistic } = spec;
  return {
    id: 'delete',
    label: verb,
    bulk: spec.bulk ?? true,
    destructive: true,
    allowed: spec.allowed ?? (() => true),
    request: (row) => ({ method: 'DELETE', path: path(row) }),
    // Only set when given: an `undefined` key would still read as "declared" to `in` checks.
    ...(optimistic && { optimistic }),
    cli: spec.cli,
    confirm: {
      title: (rows) => msg(title, { count: rows.length }),
      body: spec.body,
      confirmLabel: verb,
      destructive: true,
      ...(dependents && { dependents }),
    },
  };
}

type Value<T> = Column<T>['value'];
/** Anything a kind changes on a standard column: its server sort key, `hidden`, a label, `sensitive`. */
type ColumnOptions<T> = Partial<Omit<Column<T>, 'value'>>;

// Sort keys are never defaulted: whether the API sorts by a column is a fact of each service.

/** The name column (rendered as the link to the detail page). */
export const nameColumn = <T>(value: Value<T>, opts: ColumnOptions<T> = {}): Column<T> => ({ id: 'name', label: 'common.name', value, cell: 'name', width: 'fill', ...opts });

/** The status column (a badge with the definition's tone). */
export const statusColumn = <T>(value: Value<T>, opts: ColumnOptions<T> = {}): Column<T> => ({ id: 'status', label: 'common.status', value, cell: 'status', ...opts });

/** The creation time, shown as an age (`3 h`). Its id is `age`, which default sorts and saved views refer to. */
export const ageColumn = <T>(value: Value<T>, opts: ColumnOptions<T> = {}): Column<T> => ({ id: 'age', label: 'common.created', value, cell: 'age', ...opts });

/** The id, monospaced and hidden until picked in the column chooser (most tables lead with the name). */
export const idColumn = <T>(value: Value<T>, opts: ColumnOptions<T> = {}): Column<T> => ({ id: 'id', label: 'common.id', value, cell: 'mono', hidden: true, ...opts });

// ---- Filters ----

/** The name filter (`?name=`) most lists offer. */
export const nameFilter: Filter = { id: 'name', label: 'common.name', type: 'text' };

/** Select options labelled by the API's own values (statuses, types), shown untranslated. */
export const choices = (values: readonly string[]): FilterOption[] => values.map((v) => ({ value: v, label: v }));

/** Options of a boolean filter: the API takes `true`/`false`, people read Yes/No. */
export const YES_NO: readonly FilterOption[] = [{ value: 'true', label: 'common.yes' }, { value: 'false', label: 'common.no' }];

/** The status select (`?status=`), offering the kind's status values. */
export const statusFilter = (values: readonly string[]): Filter => ({ id: 'status', label: 'common.status', type: 'select', options: choices(values) });

// ---- The definition's head ----

/**
 * Where a kind lives: its service, and the paths and JSON keys of a REST collection there. `rest(NEUTRON,
 * 'v2.0/networks', 'network')` lists `v2.0/networks` under `networks` and reads `v2.0/networks/{id}` under
 * `network`; an empty item key is an API that answers the bare object (Designate, Barbican, Magnum, Ironic,
 * Glance). `list` replaces the list path (`servers/detail`), `listKey` the list's key when it is not the
 * collection's last segment.
 */
export function rest(target: ServiceTarget, collection: string, itemKey: string, opts: { list?: string; listKey?: string; encodeId?: boolean } = {}): Pick<ResourceDefinition<never>, 'service' | 'headers' | 'paths' | 'keys'> {
  return {
    service: target.service,
    ...(target.headers && { headers: { ...target.headers } }),
    paths: { list: opts.list ?? collection, item: (id) => `${collection}/${opts.encodeId ? encodeURIComponent(id) : id}` },
    keys: { list: opts.listKey ?? collection.split('/').at(-1)!, item: itemKey },
  };
}

// `id` and `name` may be left out where the row has them under those names (most OpenStack objects).
type IdName<T> = ('id' extends keyof T ? { id?: (row: T) => string } : { id: (row: T) => string }) &
  ('name' extends keyof T ? { name?: (row: T) => string } : { name: (row: T) => string });

/** A definition with the usual `id` (`row.id`) and `name` (`row.name`, or '' when the API has none) filled in. */
export function define<T, C = unknown>(def: Omit<ResourceDefinition<T, C>, 'id' | 'name'> & IdName<T>): ResourceDefinition<T, C> {
  const field = (row: T, key: 'id' | 'name') => (row as Record<string, unknown>)[key];
  return {
    ...def,
    id: def.id ?? ((row) => String(field(row, 'id'))),
    name: def.name ?? ((row) => String(field(row, 'name') ?? '')),
  };
}
