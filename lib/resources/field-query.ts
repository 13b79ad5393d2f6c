// The command palette's search language: free words plus field clauses, e.g.
//   `web region:RegionTwo`, `status:ERROR`, `name:web*`, `ip:10.0.0.5`, `ip:10.0.0.0/24`, `kind:volume`,
//   `name:"my web"`.
// Clauses of one field are alternatives (`status:ERROR status:SHUTOFF`); different fields and the words must all
// hold. Values with `*` or `?` are globs over the whole value; without, names and ids match a part, the other
// fields the whole value (case-insensitive). A query that cannot be read gives a hint to show, never an exception.
import { msg, type Msg } from '@/lib/i18n/msg';

export const FIELDS = ['name', 'status', 'ip', 'region', 'id', 'kind'] as const;
export type Field = (typeof FIELDS)[number];

export interface Clause {
  field: Field;
  value: string;
}

export interface FieldQuery {
  /** Free words: each must be part of the name or the id. */
  words: string[];
  clauses: Clause[];
}

export type ParsedQuery = { ok: true; query: FieldQuery } | { ok: false; hint: Msg };

/** Longer queries are refused: a glob is matched against every object listed. */
export const MAX_QUERY = 200;

const FIELD_LIST = FIELDS.join(', ');
const IP_VALUE = /^[0-9a-f:.*?]+(\/\d{1,3})?$/i;

/** One token: `field:value` (the field is what stands before the first colon outside quotes) or a word. */
interface Token {
  field?: string;
  value: string;
}

/** Tokens separated by spaces; double quotes keep spaces and colons inside a word or a value (`name:"my web"`). */
function tokens(input: string): Token[] | null {
  const out: Token[] = [];
  let cur: Token = { value: '' };
  let quotes = false;
  let quoted = false;
  const push = () => {
    if (cur.value || cur.field !== undefined || quotes) out.push(cur);
    cur = { value: '' };
    quotes = false;
  };
  for (const ch of input) {
    if (ch === '"') {
      quoted = !quoted;
      quotes = true;
    } else if (!quoted && /\s/.test(ch)) {
      push();
    } else if (ch === ':' && !quoted && !quotes && cur.field === undefined && cur.value) {
      cur = { field: cur.value, value: '' };
    } else {
      cur.value += ch;
    }
  }
  if (quoted) return null;
  push();
  return out;
}

function isField(s: string): s is Field {
  return (FIELDS as readonly string[]).includes(s);
}

/** Read a palette query. Never throws: a query it cannot read gives a hint saying what to write instead. */
export function parseQuery(input: string): ParsedQuery {
  if (input.length > MAX_QUERY) return { ok: false, hint: msg('palette.query.tooLong', { max: MAX_QUERY }) };
  const raw = tokens(input);
  if (!raw) return { ok: false, hint: 'palette.query.unclosedQuote' };
  const query: FieldQuery = { words: [], clauses: [] };
  for (const tok of raw) {
    if (tok.field === undefined) {
      if (tok.value.trim()) query.words.push(tok.value.trim());
      continue;
    }
    const field = tok.field.toLowerCase();
    const value = tok.value.trim();
    if (!isField(field)) return { ok: false, hint: msg('palette.query.unknownField', { field: tok.field, fields: FIELD_LIST }) };
    if (!value) return { ok: false, hint: msg('palette.query.emptyValue', { field }) };
    if (field === 'ip' && !validIp(value)) return { ok: false, hint: msg('palette.query.badIp', { value }) };
    query.clauses.push({ field, value });
  }
  return { ok: true, query };
}

function validIp(value: string): boolean {
  if (!IP_VALUE.test(value)) return false;
  const slash = value.indexOf('/');
  if (slash < 0) return true;
  // A network: IPv4 `a.b.c.d/n` with n up to 32 (IPv6 addresses match whole or by glob).
  return parseIpv4(value.slice(0, slash)) !== null && Number(value.slice(slash + 1)) <= 32;
}

function parseIpv4(s: string): number | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) return null;
    n = n * 256 + Number(p);
  }
  return n;
}

const isGlob = (v: string) => /[*?]/.test(v);

/** A glob over the whole value, case-insensitive: `*` any run of characters, `?` one character. */
export function globToRegExp(glob: string): RegExp {
  const body = [...glob].map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
  return new RegExp(`^${body}$`, 'i');
}

function inCidr(ip: string, cidr: string): boolean {
  const [net, bits] = cidr.split('/');
  const a = parseIpv4(ip);
  const b = parseIpv4(net);
  if (a === null || b === null) return false;
  const n = Number(bits);
  // Unsigned 32-bit arithmetic without bit operators' sign: compare the leading n bits.
  const size = 2 ** (32 - n);
  return Math.floor(a / size) === Math.floor(b / size);
}

/** What a searched object offers to a query. */
export interface SearchRecord {
  id: string;
  name: string;
  /** Its status as the API says it (and as the list's badge says it). */
  statuses: readonly string[];
  ips: readonly string[];
  region: string;
  /** Names of its kind a query may use: the kind (`server`), its page (`instances`), its label as read. */
  kinds: readonly string[];
}

const lower = (s: string) => s.toLowerCase();

function valueMatches(field: Field, value: string, r: SearchRecord): boolean {
  const v = lower(value);
  const whole = (candidates: readonly string[]) => (isGlob(value) ? candidates.some((c) => globToRegExp(value).test(c)) : candidates.some((c) => lower(c) === v));
  switch (field) {
    case 'name':
      return isGlob(value) ? globToRegExp(value).test(r.name) : lower(r.name).includes(v);
    case 'id':
      return isGlob(value) ? globToRegExp(value).test(r.id) : lower(r.id).startsWith(v);
    case 'status':
      return whole(r.statuses);
    case 'region':
      return whole([r.region]);
    case 'kind':
      return whole(r.kinds);
    case 'ip':
      return value.includes('/') ? r.ips.some((ip) => inCidr(ip, value)) : whole(r.ips);
  }
}

/**
 * How well an object matches: -1 not at all, else lower is better (by the free words: exact name, name prefix, id
 * prefix, part of the name, part of the id; 0 without words).
 */
export function matchScore(q: FieldQuery, r: SearchRecord): number {
  for (const field of FIELDS) {
    const values = q.clauses.filter((c) => c.field === field);
    if (values.length && !values.some((c) => valueMatches(field, c.value, r))) return -1;
  }
  const name = lower(r.name);
  const id = lower(r.id);
  for (const w of q.words) {
    const x = lower(w);
    if (!name.includes(x) && !id.includes(x)) return -1;
  }
  if (!q.words.length) return 0;
  const text = lower(q.words.join(' '));
  return name === text || id === text ? 0 : name.startsWith(text) ? 1 : id.startsWith(text) ? 2 : name.includes(text) ? 3 : 4;
}

/** The clauses of one field. */
export const valuesOf = (q: FieldQuery, field: Field) => q.clauses.filter((c) => c.field === field).map((c) => c.value);

/** Whether a region (or a kind, by its names) can hold a match: the query's own region and kind clauses. */
export function allows(q: FieldQuery, field: 'region' | 'kind', names: readonly string[]): boolean {
  const values = valuesOf(q, field);
  return !values.length || values.some((v) => (isGlob(v) ? names.some((n) => globToRegExp(v).test(n)) : names.some((n) => lower(n) === lower(v))));
}

/** The query asks for what only a full list holds (statuses, addresses), not the cheap list of names. */
export const needsDetail = (q: FieldQuery) => q.clauses.some((c) => c.field === 'status' || c.field === 'ip');
