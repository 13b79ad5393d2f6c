// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: next.config.js requires it under plain Node */
// After `next build` compiles (next.config.js: compiler.runAfterProductionCompile): each Turbopack module factory in
// the browser chunks, `id,(e,r,t)=>{...}`, becomes a parenthesized function expression, `id,(function(e,r,t){...})`.
// V8 compiles a parenthesized function eagerly, while the script streams in and off the main thread, and keeps it in
// the code cache. An arrow factory is compiled lazily, on the main thread, when the app starts: on every page load,
// cached or not, 43 of the instances page's 71 ms of module evaluation (Chromium CPU profile), which ran before the
// first paint whenever the cached scripts won the race against it (issue 16). Only the factories are compiled early,
// not the functions inside them: marking whole files (V8's `//# allFunctionsCalledOnLoad`) made a first visit's
// first row 80-100 ms later.
// A factory that reads `this`, `arguments`, `new.target` or `super` (an arrow's come from around it) is left as it is.
const fs = require('node:fs');
const path = require('node:path');
const acorn = require('acorn');

/** @typedef {{ type: string, start: number, end: number, [key: string]: unknown }} Node */

/** Whether an arrow's own body reads something an arrow takes from its surroundings (a function would not). */
function readsEnclosingScope(/** @type {Node} */ body) {
  /** @type {Node[]} */
  const stack = [body];
  while (stack.length) {
    const n = /** @type {Node} */ (stack.pop());
    // These bind their own this and arguments; what they read is theirs.
    if (n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration' || n.type === 'ClassBody') continue;
    if (n.type === 'ThisExpression' || n.type === 'Super' || n.type === 'MetaProperty') return true;
    if (n.type === 'Identifier' && n.name === 'arguments') return true;
    for (const [key, value] of Object.entries(n)) {
      if (key === 'type' || key === 'start' || key === 'end') continue;
      for (const v of Array.isArray(value) ? value : [value]) if (v && typeof v === 'object' && typeof v.type === 'string') stack.push(v);
    }
  }
  return false;
}

/**
 * A chunk with its factories as parenthesized functions, and how many it changed. Anything that is not a Turbopack
 * chunk (or does not parse) comes back unchanged.
 * @param {string} source
 * @returns {{ source: string, wrapped: number }}
 */
function eagerFactories(source) {
  /** @type {any} */
  let ast;
  try {
    ast = acorn.parse(source, { ecmaVersion: 'latest', sourceType: 'script', allowHashBang: true });
  } catch {
    return { source, wrapped: 0 };
  }
  /** @type {{ at: number, end: number, text: string }[]} */
  const edits = [];
  for (const statement of ast.body) {
    // (globalThis.TURBOPACK || (globalThis.TURBOPACK = [])).push([script, id, factory, id, factory, ...])
    const call = statement.type === 'ExpressionStatement' ? statement.expression : undefined;
    if (call?.type !== 'CallExpression' || call.callee.type !== 'MemberExpression' || call.callee.property.name !== 'push') continue;
    const list = call.arguments[0];
    if (list?.type !== 'ArrayExpression') continue;
    for (const el of list.elements) {
      if (el?.type !== 'ArrowFunctionExpression' || el.async || el.body.type !== 'BlockStatement' || readsEnclosingScope(el.body)) continue;
      const params = el.params.length ? source.slice(el.params[0].start, el.params[el.params.length - 1].end) : '';
      edits.push({ at: el.start, end: el.body.start, text: `(function(${params})` }, { at: el.end, end: el.end, text: ')' });
    }
  }
  let out = source;
  for (const e of edits.sort((a, b) => b.at - a.at)) out = out.slice(0, e.at) + e.text + out.slice(e.end);
  return { source: out, wrapped: edits.length / 2 };
}

/** Rewrites each .js file under `dir`; returns how many factories it changed. */
function eagerChunks(/** @type {string} */ dir) {
  let wrapped = 0;
  if (!fs.existsSync(dir)) return wrapped;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const result = eagerFactories(fs.readFileSync(file, 'utf8'));
    if (result.wrapped === 0) continue;
    fs.writeFileSync(file, result.source);
    wrapped += result.wrapped;
  }
  return wrapped;
}

/** @param {{ distDir: string }} build */
async function eagerBrowserChunks({ distDir }) {
  eagerChunks(path.join(distDir, 'static', 'chunks'));
}

module.exports = { eagerFactories, eagerChunks, eagerBrowserChunks };
