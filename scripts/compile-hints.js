// @ts-check
/* eslint-disable @typescript-eslint/no-require-imports -- CommonJS: next.config.js requires it under plain Node */
// After `next build` compiles (next.config.js: compiler.runAfterProductionCompile): marks every browser chunk with V8's
// explicit compile hint, so Chromium compiles all its functions eagerly, off the main thread while the script streams
// in, and keeps them in its code cache. Without it each Turbopack module factory is compiled lazily on the main thread
// when the app starts, on every page load: about 45 ms of the instances page's 70 ms of module evaluation, which ran
// before the first paint whenever the cached scripts won the race against it (issue 16's first-row bench).
// https://v8.dev/blog/explicit-compile-hints — other engines read it as a plain comment.
const fs = require('node:fs');
const path = require('node:path');

const HINT = '//# allFunctionsCalledOnLoad\n';

/** Prepends the hint to each .js file under `dir` (once); returns how many files it marked. */
function markChunks(dir) {
  let marked = 0;
  if (!fs.existsSync(dir)) return marked;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile() || !entry.name.endsWith('.js')) continue;
    const file = path.join(entry.parentPath, entry.name);
    const text = fs.readFileSync(file, 'utf8');
    if (text.startsWith(HINT)) continue;
    fs.writeFileSync(file, HINT + text);
    marked++;
  }
  return marked;
}

/** @param {{ distDir: string }} build */
async function markBrowserChunks({ distDir }) {
  markChunks(path.join(distDir, 'static', 'chunks'));
}

module.exports = { HINT, markChunks, markBrowserChunks };
