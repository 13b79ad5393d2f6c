import { describe, expect, it } from 'vitest';
import { consoleLogFileName, countMatches, splitMatches } from './text-matches';

describe('splitMatches', () => {
  it.each([
    ['abc', '', [{ text: 'abc', match: false }]],
    ['', 'x', []],
    ['Login: cirros\nlogin ok', 'login', [
      { text: 'Login', match: true },
      { text: ': cirros\n', match: false },
      { text: 'login', match: true },
      { text: ' ok', match: false },
    ]],
    ['aaaa', 'aa', [{ text: 'aa', match: true }, { text: 'aa', match: true }]],
    // The query is literal text, not a regular expression.
    ['a.b axb', '.', [{ text: 'a', match: false }, { text: '.', match: true }, { text: 'b axb', match: false }]],
    ['(x)', '(', [{ text: '(', match: true }, { text: 'x)', match: false }]],
    ['no match', 'zzz', [{ text: 'no match', match: false }]],
    // <script> in console output stays text: the pieces are strings the component renders as text nodes.
    ['<script>alert(1)</script>', 'alert', [{ text: '<script>', match: false }, { text: 'alert', match: true }, { text: '(1)</script>', match: false }]],
  ])('%j / %j', (text, query, out) => {
    const pieces = splitMatches(text, query);
    expect(pieces).toEqual(out);
    expect(pieces.map((p) => p.text).join('')).toBe(text);
  });

  it('counts matches', () => expect(countMatches(splitMatches('error, Error, ERROR', 'error'))).toBe(3));

  it('does not highlight when lower-casing changes the length', () => {
    expect(splitMatches('İstanbul', 'i')).toEqual([{ text: 'İstanbul', match: false }]);
  });
});

describe('consoleLogFileName', () => {
  const at = new Date('2026-12-07T06:30:05.123Z');
  it.each([
    ['web-1', 'web-1-console-20261207T063005Z.log'],
    ['my server/../x', 'my-server-..-x-console-20261207T063005Z.log'],
    ['', 'server-console-20261207T063005Z.log'],
    ['日本', 'server-console-20261207T063005Z.log'],
  ])('%j', (name, out) => expect(consoleLogFileName(name, at)).toBe(out));
});
