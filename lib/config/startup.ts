// Start-up checks of a dashboard process (Node runtime only): a malformed clouds.yaml or a too-short
// SESSION_SECRET stops the process with a clear message instead of failing on the first request.
import { loadCloudsFromEnvironment } from './clouds-parse';
import { resolveSessionSecret, stateDir } from './secret';

export function checkStartup(): void {
  try {
    const clouds = loadCloudsFromEnvironment(process.env);
    resolveSessionSecret(process.env, stateDir(process.env));
    console.log(`stratus: clouds: ${clouds.map((c) => `${c.id} (${c.authUrl})`).join(', ')}`);
  } catch (e) {
    console.error(`stratus: cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
