// Runs once when a dashboard server process starts: a malformed clouds.yaml or a too-short SESSION_SECRET
// stops start-up with a clear message instead of failing on the first request.
export async function register() {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return;
  const { loadCloudsFromEnvironment } = await import('./lib/config/clouds-parse');
  const { resolveSessionSecret, stateDir } = await import('./lib/config/secret');
  try {
    const clouds = loadCloudsFromEnvironment(process.env);
    resolveSessionSecret(process.env, stateDir(process.env));
    console.log(`stratus: clouds: ${clouds.map((c) => `${c.id} (${c.authUrl})`).join(', ')}`);
  } catch (e) {
    console.error(`stratus: cannot start: ${(e as Error).message}`);
    process.exit(1);
  }
}
