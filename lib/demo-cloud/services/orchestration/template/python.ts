// Heat is Python: many of its messages embed Python's renderings of values (json.dumps with ", " and ": ",
// repr() of strings and lists, str() of booleans and None). These helpers render them the same way.
import type { Json } from '../model';

/** Python's json.dumps(value) with its default separators. */
export function pyJson(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (Array.isArray(value)) return `[${value.map(pyJson).join(', ')}]`;
  if (typeof value === 'object') {
    return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${JSON.stringify(k)}: ${pyJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}

/** Python's repr(): 'text', [1, 'a'], {'k': 1}, True, None. */
export function pyRepr(value: unknown): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'string') return value.includes("'") && !value.includes('"') ? `"${value}"` : `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pyRepr).join(', ')}]`;
  if (typeof value === 'object') return `{${Object.entries(value as Record<string, unknown>).map(([k, v]) => `${pyRepr(k)}: ${pyRepr(v)}`).join(', ')}}`;
  return String(value);
}

/** Python's str(): strings as is, the rest as repr() would show them. */
export const pyStr = (value: unknown): string => (typeof value === 'string' ? value : pyRepr(value));

/** Python's int()/float() on a number-like value (Schema.str_to_num); throws Python's ValueError text. */
export function strToNum(value: Json | undefined): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'boolean') return value ? 1 : 0;
  const text = String(value).trim();
  if (/^[-+]?\d+$/.test(text)) return parseInt(text, 10);
  if (/^[-+]?(\d+\.?\d*([eE][-+]?\d+)?|\.\d+([eE][-+]?\d+)?|inf(inity)?|nan)$/i.test(text)) return Number(text);
  throw new Error(`could not convert string to float: ${pyRepr(String(value))}`);
}

/** oslo strutils.bool_from_string(strict=True): the accepted words and the error Heat shows. */
const TRUE_WORDS = ['1', 't', 'true', 'on', 'y', 'yes'];
const FALSE_WORDS = ['0', 'f', 'false', 'off', 'n', 'no'];

export function boolFromString(value: Json | undefined): boolean {
  if (typeof value === 'boolean') return value;
  const text = String(value).trim().toLowerCase();
  if (TRUE_WORDS.includes(text)) return true;
  if (FALSE_WORDS.includes(text)) return false;
  const acceptable = [...TRUE_WORDS, ...FALSE_WORDS].sort().map((w) => `'${w}'`).join(', ');
  throw new Error(`Unrecognized value '${String(value)}', acceptable values are: ${acceptable}`);
}
