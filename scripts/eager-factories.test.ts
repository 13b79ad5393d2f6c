import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import vm from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
// eslint-disable-next-line @typescript-eslint/no-require-imports -- CommonJS, as next.config.js requires it
const { eagerFactories, eagerChunks, eagerBrowserChunks } = require('./eager-factories') as typeof import('./eager-factories');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- next.config.js is CommonJS
const nextConfig = require('../next.config.js') as { compiler?: { runAfterProductionCompile?: unknown } };

const PUSH = '(globalThis.TURBOPACK||(globalThis.TURBOPACK=[])).push(["object"==typeof document?document.currentScript:void 0,';
const chunk = (body: string) => `${PUSH}${body}]);`;

/** Runs a chunk and then each of its factories, as Turbopack's runtime would: what each module exported. */
function run(source: string, self?: unknown): unknown[] {
  const sandbox: { globalThis?: unknown; TURBOPACK?: unknown[][]; document?: undefined } = {};
  sandbox.globalThis = sandbox;
  vm.runInNewContext(source, sandbox);
  const pushed = sandbox.TURBOPACK![0];
  const exports: unknown[] = [];
  for (const f of pushed.slice(1)) if (typeof f === 'function') { const t: Record<string, unknown> = {}; f.call(self, { v: (x: unknown) => (t.v = x) }, {}, t); exports.push(t); }
  return exports;
}

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe('eager module factories in browser chunks', () => {
  it('turns each factory into a parenthesized function, and the modules export the same', () => {
    const src = chunk('1,(e,r,t)=>{"use strict";t.a=1},2,e=>{e.v(2)},3,({v},...rest)=>{v(rest.length)}');
    const out = eagerFactories(src);
    expect(out.wrapped).toBe(3);
    expect(out.source).toBe(chunk('1,(function(e,r,t){"use strict";t.a=1}),2,(function(e){e.v(2)}),3,(function({v},...rest){v(rest.length)})'));
    expect(run(out.source)).toEqual(run(src));
  });

  it('leaves a factory that reads this, arguments or new.target from around it, and async or expression arrows', () => {
    const src = chunk('1,(e,r,t)=>{t.a=this},2,(e)=>{e.v(arguments)},3,e=>{e.v(()=>new.target)},4,async e=>{},5,e=>e.v(5)');
    expect(eagerFactories(src)).toEqual({ source: src, wrapped: 0 });
  });

  it('wraps a factory whose inner functions have their own this and arguments', () => {
    const src = chunk('1,(e,r,t)=>{function f(){return this}t.a=typeof f.call(7);t.b=new (class{m(){return arguments.length}})().m(1,2)}');
    const out = eagerFactories(src);
    expect(out.wrapped).toBe(1);
    expect(run(out.source)).toEqual(run(src));
  });

  it('changes nothing in what is not a Turbopack chunk, does not parse, or was already changed', () => {
    for (const src of ['var f=(e)=>{e()};[1,(e)=>{}].map(f)', 'this is not javascript', chunk('1,(function(e){e.v(1)})')]) {
      expect(eagerFactories(src)).toEqual({ source: src, wrapped: 0 });
    }
  });

  it('rewrites the .js files under the build’s static chunks, in nested folders too, once', async () => {
    const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'eager-'));
    dirs.push(dist);
    const chunks = path.join(dist, 'static', 'chunks');
    fs.mkdirSync(path.join(chunks, 'nested'), { recursive: true });
    fs.writeFileSync(path.join(chunks, 'a.js'), chunk('1,e=>{e.v(1)}'));
    fs.writeFileSync(path.join(chunks, 'nested', 'b.js'), chunk('2,e=>{e.v(2)}'));
    fs.writeFileSync(path.join(chunks, 'c.css'), 'a{}');
    await eagerBrowserChunks({ distDir: dist });
    expect(fs.readFileSync(path.join(chunks, 'a.js'), 'utf8')).toBe(chunk('1,(function(e){e.v(1)})'));
    expect(fs.readFileSync(path.join(chunks, 'nested', 'b.js'), 'utf8')).toBe(chunk('2,(function(e){e.v(2)})'));
    expect(fs.readFileSync(path.join(chunks, 'c.css'), 'utf8')).toBe('a{}');
    expect(eagerChunks(chunks)).toBe(0);
    expect(eagerChunks(path.join(dist, 'missing'))).toBe(0);
  });

  it('runs after every production compile (next.config.js)', () => {
    expect(nextConfig.compiler?.runAfterProductionCompile).toBe(eagerBrowserChunks);
  });
});
