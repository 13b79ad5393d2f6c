// Start-up checks of a dashboard process (Node runtime only): a malformed clouds.yaml, a too-short SESSION_SECRET
// or a malformed STRATUS_SESSION_STORE stops the process with a clear message instead of failing on the first request.
import { loadCloudsFromEnvironment } from './clouds-parse';
import { resolveSessionSecret, stateDir } from './secret';
import { SESSION_STORE_ENV, sessionStoreConfig } from './session-store-url';

export function checkStartup(): void {
  try {
    const clouds = loadCloudsFromEnvironment(process.env);
    resolveSessionSecret(process.env, stateDir(process.env));
    const store = sessionStoreConfig(process.env);
    console.log(`stratus: clouds: ${clouds.map((c) => `${c.id} (${c.authUrl})`).join(', ')}`);
    console.log(
      store.kind === 'memory'
        ? `stratus: session store: this process's memory (set ${SESSION_STORE_ENV}=redis://... when running several processes)`
        : `stratus: session store: ${store.display}`,
    );
  } catch (e) {
    console.error(`stratus: cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
