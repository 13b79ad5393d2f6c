import { describe, expect, it } from 'vitest';
import type { FormField } from '../types';
import { prefillValues } from './prefill';
import { checkRows } from './rows';

const rows = {
  columns: [{ name: 'priority', label: 'Priority', required: 'Enter the priority', check: (v: string) => (/^\d+$/.test(v) ? undefined : 'A number'), when: (v: Record<string, unknown>) => v.type === 'MX' }, { name: 'value', label: 'Value', required: 'Enter a value' }],
  empty: { priority: '', value: '' },
  add: 'Add',
  remove: (n: number) => `Remove ${n}`,
  parse: (item: string) => ({ priority: item.split(' ')[0], value: item.split(' ')[1] ?? '' }),
};
const fields: FormField[] = [
  { name: 'type', label: 'Type', type: 'select', options: [{ value: 'A', label: 'A' }, { value: 'MX', label: 'MX' }], query: true },
  { name: 'name', label: 'Name', type: 'text', query: { read: ([n]) => n.toLowerCase() } },
  { name: 'entries', label: 'Records', type: 'rows', rows, query: { param: 'records' } },
  { name: 'note', label: 'Note', type: 'text' },
];
const defaults = { type: 'A', name: '', entries: [rows.empty], note: 'kept' };

describe('prefillValues', () => {
  it('reads the fields that declare `query`, in order', () => {
    const q = new URLSearchParams('type=mx&name=Web&records=10 a.,20 b.&note=ignored');
    expect(prefillValues(fields, defaults, q)).toEqual({ type: 'MX', name: 'web', entries: [{ priority: '10', value: 'a.' }, { priority: '20', value: 'b.' }], note: 'kept' });
  });
  it('keeps the defaults for what the query lacks or a select does not offer', () => {
    expect(prefillValues(fields, defaults, new URLSearchParams('type=TXT&records=,'))).toEqual(defaults);
  });
});

describe('checkRows', () => {
  it('checks the shown cells of rows with any input', () => {
    const r = checkRows('entries', rows, [{ priority: '', value: 'a.' }, { priority: 'x', value: '' }, { priority: '', value: '' }], { type: 'MX' });
    expect(r.errors).toEqual({ 'entries.0.priority': 'Enter the priority', 'entries.1.priority': 'A number', 'entries.1.value': 'Enter a value' });
    expect(r.filled.map((f) => f.i)).toEqual([0, 1]);
    expect(r.ok).toEqual([]);
    expect(checkRows('entries', rows, [{ priority: 'x', value: 'a.' }], { type: 'A' }).ok.map((f) => f.i)).toEqual([0]);
  });
});
