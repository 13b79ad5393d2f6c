// The declarative description of one OpenStack resource kind. Generic components (components/resource/)
// and hooks (lib/resources/hooks.ts) read it; adding a kind is one small file in lib/resources/<service>/.
// Plain data and pure functions only: no React, no classes, so the query cache holds plain JSON.
import type { z } from 'zod';
import type { Msg, MsgWithValues, Text } from '@/lib/i18n/msg';
import type { HeatMapping } from './iac/heat-types';

export type { Text };

export type Tone = 'ok' | 'busy' | 'error' | 'unknown';

export interface StatusInfo {
  label: Text;
  tone: Tone;
  /** Extra text for a tooltip or the detail page (e.g. Nova's fault message). */
  detail?: Text;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One API call, relative to the service's endpoint (`/api/os/<service>/<path>`). */
export interface ApiRequest {
  method: HttpMethod;
  path: string;
  body?: unknown;
  /** Headers for this call only (e.g. Glance's JSON-patch content type); override the definition's. */
  headers?: Record<string, string>;
  /** The `openstack` command the page shows for it, kept by the session recorder (lib/recorder) with the call. */
  cli?: string;
}

/** Related objects looked up by id for the rows on screen (e.g. image names for servers), cached briefly. */
export interface Lookup<T> {
  /** Key in `RowContext.lookups`. */
  name: string;
  /** The related kind, for the query key. */
  kind: string;
  service: string;
  /** Ids the visible rows reference. */
  ids: (rows: readonly T[]) => string[];
  /** One request for all those ids. */
  path: (ids: readonly string[]) => string;
  /** Response key holding the array of objects. */
  key: string;
  label: (obj: Record<string, unknown>) => string;
  /** The object's id (default `obj.id`; Magnum's objects have `uuid`). */
  idOf?: (obj: Record<string, unknown>) => string;
  /**
   * One request per id instead (at most LOOKUP_EACH_MAX), for what an API only answers per object (a share's export
   * locations): `label` then words each whole answer.
   */
  each?: (id: string) => string;
}

/** What column accessors see besides the row: names resolved by the definition's lookups. */
export interface RowContext {
  lookups: Record<string, Record<string, string>>;
}

export type CellKind = 'text' | 'mono' | 'name' | 'status' | 'age' | 'list';

/** Values presentation mode can mask on a shared screen (components/shell/presentation.tsx). */
export type MaskKind = 'email' | 'projectId' | 'secretName';

/**
 * What a cell or an overview field holds: API data as it is (strings, numbers, lists), or a catalog message with its
 * values for words the dashboard itself writes (`msg('common.yes', {})`, "web-1 on /dev/vdb"). A plain string is never
 * looked up in the catalogs: it may be anything a cloud sent.
 */
export type CellValue = string | number | readonly (string | MsgWithValues)[] | MsgWithValues | null | undefined;

export interface Column<T> {
  id: string;
  label: Text;
  value: (row: T, ctx: RowContext) => CellValue;
  /** How the generic table renders the value (default text). */
  cell?: CellKind;
  /** Server-side sort key; without it the column sorts the page in the browser. */
  sortKey?: string;
  /** Hidden until the user picks it in the column chooser. */
  hidden?: boolean;
  /** Masked in presentation mode when the speaker chose to mask this kind of value. */
  sensitive?: MaskKind;
  /**
   * `id`: shown as its first 8 characters (monospace, the whole value as a tooltip, a copy button), so a table of
   * UUIDs fits a laptop screen. Default: any cell whose value looks like a UUID (Keystone's 32 hex digits too);
   * `false` shows every value whole.
   */
  short?: 'id' | false;
  /**
   * The widest a value gets before it is cut on one line with an ellipsis, the whole text as a tooltip, instead of
   * wrapping over several lines (default `md`; `none`: wraps, for text that must be read whole; `fill`: the width the
   * other columns leave, at least 8rem, so a table fits its box whatever the other cells hold: the name column).
   */
  width?: ColumnWidth;
  /** A `status` cell's badge when it differs from the definition's `status` (e.g. without what another column shows). */
  badge?: (row: T) => StatusInfo;
}

/** A column's widest value: `sm` 8rem, `md` 12rem, `lg` 20rem, `fill` what is left (components/ui/table.ts). */
export type ColumnWidth = 'sm' | 'md' | 'lg' | 'fill' | 'none';

export interface FilterOption {
  value: string;
  label: Text;
}

/** A filter sent to the API as `?<param>=<value>`. */
export interface Filter {
  id: string;
  label: Text;
  /** Query parameter of the API (defaults to `id`). */
  param?: string;
  type: 'text' | 'select';
  options?: readonly FilterOption[];
  /** Options from the API (e.g. images, flavors): a lookup the filter bar loads when opened. */
  optionsFrom?: { service: string; path: string; key: string; value: (o: Record<string, unknown>) => string; label: (o: Record<string, unknown>) => string; kind: string };
  /** When one choice maps to other or several query parameters (Glance's owner: mine / shared / public). */
  query?: (value: string) => Record<string, string>;
}

export interface Confirmation<T> {
  title: (rows: readonly T[]) => Text;
  /** What will be destroyed or changed, naming the rows. */
  body: (rows: readonly T[]) => Text;
  confirmLabel: Text;
  destructive?: boolean;
  /**
   * What depends on the rows, as sentences ("web-1 is attached to 2 instances"), loaded when the dialog opens so the
   * user reads them before confirming. `get` reads a service path through the proxy (JSON).
   */
  dependents?: (rows: readonly T[], get: (service: string, path: string, headers?: Record<string, string>) => Promise<unknown>) => Promise<Text[]>;
}

export interface ResourceAction<T> {
  id: string;
  label: Text;
  /** Only offered in the states where the API allows it. */
  allowed: (row: T, user: { isAdmin: boolean }) => boolean;
  request: (row: T) => ApiRequest;
  /** The row as it should look at once (optimistic status), before the refetch. */
  optimistic?: (row: T) => T;
  confirm?: Confirmation<T>;
  /** The equivalent `openstack` CLI command. */
  cli: (row: T) => string;
  /** Offered for a selection of rows too. */
  bulk?: boolean;
  /** Less common: on the detail page behind the toolbar's "More actions" (Horizon's dropdown), so the row stays short. */
  more?: boolean;
  destructive?: boolean;
}

/** A value of the generic form: text, a checkbox, the ids checked in a `checkboxes` field, or the rows of a key/value list. */
export type FormValue = string | boolean | string[] | { key: string; value: string }[] | Record<string, string>[];

/** One input of each row of a `rows` field: text, a select of `choices` computed from the form, or options from the API. */
export interface RowColumn {
  name: string;
  /** The input's label, numbered per row ("Reference name 1"). */
  label: Text;
  placeholder?: Text;
  /** A numeric keyboard (the schema still reads text); `narrow`: a short input (a port); `mono`: a monospaced one. */
  numeric?: boolean;
  narrow?: boolean;
  mono?: boolean;
  /** Only shown when the form's values call for it (an MX record's priority). */
  when?: (values: Record<string, FormValue>) => boolean;
  /** What the form's values change about the input (the value of an A record is an "IPv4 address"). */
  vary?: (values: Record<string, FormValue>) => Partial<Pick<RowColumn, 'label' | 'placeholder' | 'mono' | 'required'>>;
  /** In a row with any input (`checkRows`): the error when this cell is empty, and the problem with what it holds. */
  required?: Text;
  check?: (value: string) => Text | undefined;
  /** A select of these values (first "Choose…") instead of a text input, when the form's values call for one. */
  choices?: (values: Record<string, FormValue>) => readonly string[] | undefined;
  /** A select of the API's options (one such column per rows field); `choose` is its prompt, a failed load shows once above the rows. */
  optionsFrom?: FieldOptionsSource;
}

/** A `rows` field: rows of inputs (a container's secret references), a Remove button per row, an add button. */
export interface RowsSpec {
  columns: readonly RowColumn[];
  /** A new row's values. */
  empty: Record<string, string>;
  add: Text;
  /** The Remove button's accessible name for row n ("Remove row 1"). */
  remove: (n: number) => Text;
  /** The most rows the form's values allow (a typed container: its reference names). */
  max?: (values: Record<string, FormValue>) => number | undefined;
  /** A line above the rows from the form's values (what a typed container takes). */
  note?: (values: Record<string, FormValue>) => Text | undefined;
  /** One row only when the form's values say so (a CNAME): its labels unnumbered, no add or remove buttons. */
  single?: (values: Record<string, FormValue>) => boolean;
  /** A row from one value of the query (`?records=10 mail.example.org.`) or of the API, by the form's values. */
  parse?: (item: string, values: Record<string, FormValue>) => Record<string, string>;
}

/**
 * Options of a select or checkboxes field from the API, loaded with the form: `path` may read the project's id (the
 * project's own security groups). `noun` words the texts ("Loading drivers…", "Choose a driver"), `none` is the select's
 * text when there is nothing, `loadError` titles a failed load (default "Could not load the <noun>s").
 */
export interface FieldOptionsSource {
  service: string;
  path: string | ((projectId: string) => string);
  key: string;
  kind: string;
  headers?: Record<string, string>;
  /** The schema of the answer when a page reads the same path (one path, one schema; default: any object). */
  schema?: z.ZodType<Record<string, unknown>>;
  value: (o: Record<string, unknown>) => string;
  label: (o: Record<string, unknown>) => string;
  /** A tooltip per option (a security group's description). */
  title?: (o: Record<string, unknown>) => string | undefined;
  /** An ICU plural noun (`{count, plural, one {driver} other {drivers}}`), read in sentences. */
  noun: Msg;
  none: Text;
  /** The select's prompt when there are options (default "Choose a <noun>"). */
  choose?: Text;
  /** With one option only, it is the value until the user picks another (the only external network). */
  single?: boolean;
  loadError?: Text;
  /** How long the options stay fresh (default 60 s). */
  staleTime?: number;
}

export interface FormField {
  name: string;
  label: Text;
  /**
   * `datetime`: a `datetime-local` input (to the second); `pairs`: key/value rows ("Driver info key 1", "Add driver info");
   * `checkboxes`: a fieldset with a checkbox per option (`options`, or `optionsFrom` the API), its value the checked options' values.
   */
  type: 'text' | 'number' | 'textarea' | 'select' | 'checkbox' | 'datetime' | 'pairs' | 'payload' | 'checkboxes' | 'rows' | 'textfile';
  rows?: RowsSpec;
  /**
   * A select whose choice replaces other fields (a container type resets its rows, a CNAME keeps one record), given
   * the choice and the values before it; the form's errors clear.
   */
  resets?: (value: string, values: Record<string, FormValue>) => Record<string, FormValue>;
  /** What the other fields' values change about this one (the records' legend names the record type). */
  vary?: (values: Record<string, FormValue>) => Partial<Pick<FormField, 'label' | 'hint' | 'placeholder'>>;
  /**
   * A create form prefilled from the page's query (`?type=A&name=web&records=192.0.2.7`, a link from an instance), the
   * parameter named `param` (default the field's name): `true` takes the first value (a select's only when it is one
   * of its options, in any case; a rows field's each comma-separated value through `rows.parse`); `read` makes the
   * value of all of them (undefined: the default stays). Fields are read in order, each with the values before it.
   */
  query?: true | { param?: string; read?: (raw: readonly string[], values: Record<string, FormValue>) => FormValue | undefined };
  /** `textfile`: text typed in, or read from a chosen file (its name shown in the label and kept in `nameField`). */
  file?: { label: Text; accept: string; maxBytes: number; nameField: string };
  /**
   * `payload`: a secret typed as text or read from a file (its bytes as base64), chosen by a "Payload source" radio; each
   * choice resets these fields, and a file sets `fileName` to its name. The text is never autocompleted or spell-checked.
   */
  source?: { text: Record<string, string>; file: Record<string, string>; fileName: string; fileHint: Text };
  options?: readonly FilterOption[];
  /** Select or checkbox options from the API, loaded with the form. */
  optionsFrom?: FieldOptionsSource;
  hint?: Text;
  placeholder?: Text;
  /** A text input with a numeric keyboard: any text reaches the schema, which words the error. */
  numeric?: boolean;
  /** A new password: masked, never autocompleted from what the browser saved (a user's password set by an admin). */
  secret?: boolean;
  maxLength?: number;
  /** Consecutive fields of one group share a fieldset with this legend (Ironic's scheduling properties). */
  group?: Text;
  /** Only shown when the form's values call for it (a share network for a share type that manages share servers). */
  when?: (values: Record<string, FormValue>) => boolean;
}

/**
 * An asynchronous task a create starts (Designate's zone import): polled at `path` of the created task until `done`;
 * `failed` words a task that ended in error, shown as the create's refusal.
 */
export interface CreateTask<K = { status: string }> {
  schema: z.ZodType<K>;
  path: (task: K) => string;
  done: (task: K) => boolean;
  failed?: (task: K) => Text | undefined;
}

/** What the form says after a create that stays open (a finished import): a message and a link to what was made. */
export interface CreateOutcome {
  message: Text;
  link?: { label: Text; slug: string; rest: string };
}

/**
 * One way to create (Nova: generate a key pair, or import a public key): a button on the list and its form. A mode may
 * bring its own schema, call and CLI (import a zone file); a request whose body is a string with a non-JSON
 * `Content-Type` (text/dns) is sent as that text.
 */
export interface CreateMode {
  id: string;
  /** The list's button and the form's title. */
  label: Text;
  fields: readonly string[];
  submitLabel: Text;
  secondary?: boolean;
  schema?: z.ZodType<unknown>;
  // Methods, so that a mode with a concrete input type fits.
  request?(input: unknown): ApiRequest;
  cli?(input: unknown): string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  task?: CreateTask<any>;
  /** A line while the call (and its task) runs. */
  pending?: Text;
  errorTitle?: Text;
  /** The values stay after a create, and `outcome` words what was made. */
  keep?: boolean;
  outcome?(body: unknown): CreateOutcome | undefined;
}

/** What an API answers only once (a generated private key): offered for download on the list, never stored. */
export interface OneTimeSecret {
  filename: string;
  mime: string;
  content: string;
  /** The offer: what it is and that it is shown only once. */
  message: Text;
  downloadLabel: Text;
  /** After the download: a sentence and a command to run on the file. */
  saved: Text;
  savedCommand?: string;
  /** A short value also shown with a copy button until dismissed (a volume transfer's auth key). */
  value?: { label: Text; text: string; copy: Text };
}

export interface CreateForm<T, I> {
  /** zod schema of the form values: drives field errors. */
  schema: z.ZodType<I>;
  fields: readonly FormField[];
  defaults: Record<string, FormValue>;
  // Methods (not arrow properties) so a definition with a concrete input type is also a ResourceDefinition<T>.
  request(input: I): ApiRequest;
  /** Response key of the created object (defaults to the definition's item key). */
  responseKey?: string;
  /** `labels`: the options of the form's first field with `optionsFrom`, value to label (a pool's name for its id). */
  cli(input: I, labels?: Record<string, string>): string;
  /** A line at the top of the form saying what happens (Neutron picks a free address from the pool). */
  explain?: Text;
  /** Only for admins (e.g. flavors). */
  adminOnly?: boolean;
  /** Parses the created object; used to read ids and one-off secrets (a generated private key). */
  created?: (body: unknown) => T | undefined;
  /** The form's name and heading (default: the section's create title). */
  title?: Text;
  /** The create page's h1 when it differs from the form's title (the form then keeps its own heading). */
  heading?: Text;
  submitLabel?: Text;
  /** What the API's refusal is titled (default "Could not create the <kind>"). */
  errorTitle?: Text;
  /** What the schema validates (default: the values), e.g. with the current time added. */
  input?: (values: Record<string, FormValue>) => unknown;
  /** The create page: a breadcrumb back to the list, and Cancel as a link to it (default: a Cancel button). */
  breadcrumb?: boolean;
  cancelLink?: boolean;
  /** Ways to create from the list, each with its button (default: one, "Create <kind>"); `?new=1` opens the first. */
  modes?: readonly CreateMode[];
  oneTimeSecret?: (body: unknown) => OneTimeSecret | undefined;
}

/** A form opened from the detail page's toolbar that changes the object (edit a zone, maintenance with a reason). */
export interface DetailForm<T, I = unknown> {
  id: string;
  /** The toggle button, and the form's name unless `title`. */
  label: Text;
  title?: Text | ((row: T) => Text);
  /** The toggle's text when it depends on the object (Set or Change a PTR record). */
  toggle?: (row: T) => Text;
  when?: (row: T) => boolean;
  /** Only for admins (Nova's migrations: a member's call is refused by policy). */
  adminOnly?: boolean;
  /** Less common: its toggle sits behind the toolbar's "More actions". */
  more?: boolean;
  /** The toggle's tooltip (the CLI without input). */
  hint?: (row: T) => string;
  schema: z.ZodType<I>;
  fields: readonly FormField[];
  initial: (row: T) => Record<string, FormValue>;
  /** When this changes (a refetch brought other values), an open form starts again from `initial`. */
  resetKey?: (row: T) => string;
  /** A warning under the fields (port security off: Neutron refuses security groups). */
  note?: (row: T) => Text | undefined;
  /** The call, or undefined when nothing changed. */
  request(row: T, input: I): ApiRequest | undefined;
  /** `labels`: the options of the form's first field with `optionsFrom`, value to label (group ids to names). */
  cli(row: T, values: Record<string, FormValue>, labels: Record<string, string>): string;
  submitLabel: Text;
  errorTitle: Text;
}

/** A detail tab listing the objects below this one, as a definition of their own (a zone's recordsets, a node's ports). */
export interface ChildTab<T> {
  id: string;
  label: Text;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  list: (row: T) => ResourceDefinition<any, any>;
  /** `list`: the full list (filters, menus, pages); `compact`: a table with a button per action and the child's create form under it. */
  view: 'list' | 'compact';
  /** A link to the child's create page (`<child slug>/new`). */
  createLink?: { label: Text; when?: (row: T) => boolean };
  /** compact: the table's name, the empty text and a note above the create form. */
  table?: Text;
  empty?: Text;
  note?: (row: T) => Text | undefined;
  /** Create and edit pages of the children (`list`'s `create` and first form), and a page that chooses the parent. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  pages?: ChildPages<any>;
}

/**
 * The pages of a child at `<slug>/<id>/<tab id>/new` and `<slug>/<id>/<tab id>/<child id>` (so the child definition's
 * slug is `<slug>/<id>/<tab id>`): its create form and its edit form (`forms[0]`) made with the parent, a breadcrumb
 * back to the parent, Cancel and done back to the tab (a zone's recordsets).
 */
export interface ChildPages<C> {
  /** The child as the edit page's heading names it ("Edit A www.example.org."). */
  name: (child: C) => string;
  /** A child the edit form's `when` refuses (an SOA recordset): why, and what it holds, shown as it is. */
  notEditable: (child: C) => { text: Text; content: string };
  /**
   * A page `<slug>/<name>` choosing the parent (those `createLink.when` allows), then its create page with the same
   * query: "Create DNS record" on an instance. `summary` says what will be created, from the query.
   */
  picker?: { name: string; heading: Text; summary: { label: Text; text: (query: URLSearchParams) => Text }; required: Text };
}

/** A table on the overview of what the object holds itself (a container's secret references). */
export interface RowTable<T, R = Record<string, unknown>> {
  heading: Text;
  label: Text;
  empty: Text;
  rows: (row: T) => readonly R[];
  columns: readonly { label: Text; value: (r: R) => string; mono?: boolean; link?: (r: R) => { slug: string; rest?: string } }[];
}

/**
 * A detail tab of the object's key/value metadata at its own path, replaced as a whole and edited as `key=value`
 * lines (Barbican's secret metadata; Cinder's volume metadata has the same shape). `metadataTab()` in
 * define-detail.ts builds one.
 */
export interface MetadataTab<T> {
  /** The tab's and the region's name. */
  label: Text;
  path: (row: T) => string;
  /** Parses the GET's answer into the map. */
  schema: z.ZodType<Record<string, string>>;
  /** The edited lines as a map, or the first problem naming its line. */
  parse: (text: string) => { metadata: Record<string, string> } | { error: Text };
  /** The call that replaces the whole map. */
  request: (row: T, metadata: Record<string, string>) => ApiRequest;
  cli: (row: T) => string;
}

/**
 * What the object holds that is shown only on an explicit click (a secret's payload): fetched fresh each time outside
 * the query cache and the API inspector, held by the overview's panel alone, dropped on hide, after two minutes and
 * when the page goes.
 */
export interface RevealPanel<T> {
  /** Names the heading and the buttons: `payload` gives "Payload", "Reveal payload", "Hide payload", "Copy payload". */
  noun: Msg;
  /** The revealed value's accessible name ("Secret payload"). */
  label: Text;
  /** Why there is nothing to reveal ("This secret has no payload yet."), or undefined. */
  empty?: (row: T) => Text | undefined;
  /** The GET (relative to the service) and its Accept: a text/* answer is shown as text, anything else base64-encoded. */
  request: (row: T) => { path: string; accept: string };
  cli: (row: T) => string;
}

/**
 * A detail-page button that downloads a file the API makes (a zone file): the call `start`s a task, polled until it is
 * done (a failed task is the download's error); then the file is read as `accept` text and saved under `file`'s name.
 */
export interface DetailDownload<T, K = { status: string }> {
  label: Text;
  /** The button's text while it runs ("Exporting…"). */
  busy: Text;
  when?: (row: T) => boolean;
  start: (row: T) => ApiRequest;
  task: CreateTask<K>;
  file: (row: T, task: K) => { path: string; accept: string; name: string };
  /** The tooltip, and the command that shows the file again, after the download. */
  cli: (row: T) => string;
  again?: (task: K) => string;
  errorTitle: Text;
}

/** One object an overview field names (overview-links.ts). */
export interface OverviewLink {
  /** Its name, or its id when the name is not known (then shown in monospace). */
  name: string;
  /** Its page: a section's slug and the object's id; none when it has no page (a volume attached to a host). */
  to?: { slug: string; id: string };
  /** The words around the link, an ICU message whose `{name}` argument is the link ("{name} on {device}"). */
  text?: MsgWithValues;
}

export interface OverviewField<T> {
  label: Text;
  value: (row: T, ctx: RowContext) => CellValue;
  /** The objects the field names, drawn as links to their pages (`value` is their text: see linkedField). */
  links?: (row: T, ctx: RowContext) => readonly OverviewLink[];
  mono?: boolean;
  adminOnly?: boolean;
  sensitive?: MaskKind;
  /** Shown when there is no value (default an em dash). */
  empty?: Text;
}

/**
 * Another kind shown below a list as cards, each object with its overview and toolbar (the zones page's reverse DNS:
 * the project's floating IPs with their PTR records).
 */
export interface ListCompanion<T> {
  def: ResourceDefinition<T>;
  heading: Text;
  intro?: Text;
  /** Said when the list is empty. */
  empty: Text;
  /** A card's heading. */
  title: (row: T) => Text;
}

/** A link from an object's page to a related page (the volume a snapshot came from, a create form prefilled). */
export interface DetailLink<T> {
  label: Text;
  /** Only offered in these states. */
  when?: (row: T) => boolean;
  /** The target section's slug, the path below it and the query (`volumes`, `new`, `snapshot=<id>`). */
  to: (row: T) => { slug: string; rest?: string; query?: string };
  /** The equivalent CLI command, shown as a tooltip. */
  cli?: (row: T) => string;
  /** Only offered when the user can use the target section in this cloud (the DNS pages need Designate). */
  needsSection?: boolean;
}

/**
 * An item of a list row's menu that needs more than a click (Horizon's row actions with a form: attach, extend,
 * create a subnet): the object's page with one of its toolbar's panels open (`panel`, `<slug>/<id>?open=<panel>`, a
 * definition's form id or a panel its page adds), or another page (`to`: a create form prefilled).
 */
export interface RowMenuItem<T> {
  id: string;
  label: Text;
  /** Only offered in these states (the same test as the detail page's button). */
  when?: (row: T) => boolean;
  panel?: string;
  to?: (row: T) => { slug: string; rest?: string; query?: string };
  /** Only offered when the user can use the target section in this cloud. */
  needsSection?: boolean;
  /** The equivalent CLI command, shown as a tooltip. */
  cli?: (row: T) => string;
}

/**
 * Where the whole project's history of a kind comes from, whoever acted (the activity panel: lib/activity/feed.ts
 * words it, lib/resources/project-activity.ts polls it, each time only what changed since the last poll):
 * - `nova-actions`: the list's objects changed since then (`changes-since`, deleted ones too, which `gone` tells),
 *   then each one's instance actions since then: who did what, and whether it failed;
 * - `messages`: the service's user messages at `path` (Cinder's), newest first; `resources` maps a message's
 *   `resource_type` to the kind and section it is about;
 * - `heat-events`: the stacks changed since then (by creation and update time), then their events;
 * - `status`: the service keeps no history (Designate, Octavia): a row whose `updated` time or status changed on the
 *   list, newest updates first, is the entry.
 */
export type ActivitySource<T> =
  | { type: 'nova-actions'; gone: (row: T) => boolean }
  | { type: 'messages'; path: string; resources: Readonly<Record<string, { kind: string; slug: string }>> }
  | { type: 'heat-events'; eventsPath: (row: T) => string; changed: (row: T) => string | null | undefined }
  | { type: 'status'; sortKey: string; updated: (row: T) => string | null | undefined };

/** Where a call goes: the catalog type (the proxy's `[service]`) and per-service headers (microversions). */
export interface ServiceTarget {
  readonly service: string;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ResourceDefinition<T, C = unknown> {
  /** Singular kebab (`server`). */
  kind: string;
  /** URL segment, plural (`instances`); also the sidebar slug in components/shell/nav.ts. */
  slug: string;
  /**
   * Human names: `singular` and `plural` as headings ("Volume", "Volumes"), `noun` an ICU plural read inside
   * sentences (`{count, plural, one {volume} other {volumes}}`, so German keeps its capitals).
   */
  label: { singular: Text; plural: Text; noun: Msg };
  /** Keystone catalog type, also the proxy's `[service]` segment. */
  service: string;
  /** Request headers for every call (microversions). */
  headers?: Record<string, string>;
  paths: {
    list: string;
    item: (id: string) => string;
  };
  keys: { list: string; item: string };
  schema: z.ZodType<T>;
  /** When list items are shaped differently from the item (Nova key pairs wrap each one). */
  listSchema?: z.ZodType<T>;
  id: (row: T) => string;
  name: (row: T) => string;
  /** The name itself is sensitive (secret names): masked on the detail page's heading in presentation mode. */
  sensitiveName?: MaskKind;
  status?: (row: T) => StatusInfo;
  /** The IP addresses an object holds, for the palette's `ip:` search (a server's, a port's, a floating IP's). */
  addresses?: (row: T) => readonly string[];
  columns: readonly Column<T>[];
  filters?: readonly Filter[];
  /** Default `sort` (a column id) and direction. */
  defaultSort?: { column: string; dir: 'asc' | 'desc' };
  /** Marker pagination: page size, and whether the API supports `limit`/`marker` at all. */
  pageSize?: number;
  /** `offset`: Barbican pages by `offset`/`limit` and answers `next` and `total` (default `marker`). */
  paging?: 'marker' | 'offset';
  /**
   * Server sort as query parameters (default `sort_key` and `sort_dir`; Barbican takes `sort=<key>:<dir>`). Pairs
   * repeat a parameter: Nova takes several `sort_key`/`sort_dir` pairs, the later ones breaking ties.
   */
  sortQuery?: (key: string, dir: 'asc' | 'desc') => Record<string, string> | readonly (readonly [string, string])[];
  lookups?: readonly Lookup<T>[];
  actions?: readonly ResourceAction<T>[];
  create?: CreateForm<T, C>;
  /** Links on the detail page beside the actions. */
  links?: readonly DetailLink<T>[];
  /** More items of each list row's menu, after the actions (the destructive ones stay last). */
  rowMenu?: readonly RowMenuItem<T>[];
  /** Files made by the API, downloaded from the detail page (a zone file). */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  downloads?: readonly DetailDownload<T, any>[];
  /** Forms on the detail page beside the actions. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  forms?: readonly DetailForm<T, any>[];
  /** Detail tabs of objects below this one. */
  tabs?: readonly ChildTab<T>[];
  /** A failure message on the overview (Ironic's last_error). */
  failure?: (row: T) => { title: Text; message: string; source: string } | undefined;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  tables?: readonly RowTable<T, any>[];
  /** A detail tab of key/value metadata at its own path (a secret's metadata). */
  metadata?: MetadataTab<T>;
  /** A panel on the overview revealing what is never cached (a secret's payload). */
  reveal?: RevealPanel<T>;
  /** Other kinds its actions and creates change, refetched with it (a port delete changes its network). */
  invalidates?: readonly string[];
  overview?: readonly OverviewField<T>[];
  /** Other kinds shown below the list page. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  companions?: readonly ListCompanion<any>[];
  /** Where the project's history of this kind comes from, for the activity panel. */
  activity?: ActivitySource<T>;
  /** CLI equivalents of reading. */
  cli: { list: string; show: (row: T) => string };
  /** How a row is recreated in an exported Heat template (lib/resources/iac/heat-template.ts); none: not exported. */
  heat?: HeatMapping<T>;
}

// A definition typed for any row; generic components take this.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDefinition = ResourceDefinition<any, any>;

/** One page of a list, as held in the query cache: plain parsed JSON. */
export interface ListPage<T> {
  items: T[];
  /** Marker of the next page (the next offset with `paging: 'offset'`), when there is one. */
  next?: string;
  /** How many objects match in all, when the API says (Barbican's `total`). */
  total?: number;
}
