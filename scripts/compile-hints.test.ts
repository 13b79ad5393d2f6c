import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as next.config.js requires it
const { HINT, markChunks, markBrowserChunks } = require('./compile-hints') as typeof import('./compile-hints');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const nextConfig = require('../next.config.js') as { compiler?: { runAfterProductionCompile?: unknown } };

const dirs: string[] = [];
function tree(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hints-'));
  dirs.push(dir);
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('compile hints on browser chunks', () => {
  it('marks each script at its very top, in nested folders too, and leaves other files alone', () => {
    const dir = tree({ 'a.js': 'push([1,(e)=>{}])', 'nested/b.js': 'b()', 'c.css': 'body{}', 'd.js.map': '{}' });
    expect(markChunks(dir)).toBe(2);
    expect(fs.readFileSync(path.join(dir, 'a.js'), 'utf8')).toBe(`${HINT}push([1,(e)=>{}])`);
    expect(fs.readFileSync(path.join(dir, 'nested/b.js'), 'utf8')).toBe(`${HINT}b()`);
    expect(fs.readFileSync(path.join(dir, 'c.css'), 'utf8')).toBe('body{}');
    expect(fs.readFileSync(path.join(dir, 'd.js.map'), 'utf8')).toBe('{}');
  });

  it('marks a file once when the hook runs again, and tolerates a build without chunks', async () => {
    const dist = tree({ 'static/chunks/a.js': 'a()' });
    await markBrowserChunks({ distDir: dist });
    await markBrowserChunks({ distDir: dist });
    expect(fs.readFileSync(path.join(dist, 'static/chunks/a.js'), 'utf8')).toBe(`${HINT}a()`);
    expect(markChunks(path.join(dist, 'missing'))).toBe(0);
  });

  it('runs after every production compile (next.config.js)', () => {
    expect(nextConfig.compiler?.runAfterProductionCompile).toBe(markBrowserChunks);
    expect(HINT).toBe('//# allFunctionsCalledOnLoad\n');
  });
});
