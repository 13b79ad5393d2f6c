// Resolve 'server-only' to its empty variant in the custom server process.
//
// lib/openstack marks its modules with `import 'server-only'` so that a client component importing them fails
// the build. The package throws unless it is resolved under React's "react-server" export condition, which only
// Next's bundler applies. The custom server (main.ts) runs the proxy's fast path from those same modules in
// plain Node, where they are server code by construction, so it maps the package to the variant Next's server
// bundles get (empty.js). vitest does the same with an alias (vitest.config.ts). Running the whole process with
// `--conditions=react-server` instead would also switch React itself to its server build and break rendering.
//
// Import this module before anything that imports 'server-only'.
import Module from 'node:module';
import path from 'node:path';

const localRequire = Module.createRequire(__filename);
const throwing = localRequire.resolve('server-only');
const empty = path.join(path.dirname(throwing), 'empty.js');
localRequire(empty);
localRequire.cache[throwing] = localRequire.cache[empty];
