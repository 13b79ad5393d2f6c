// Runs once when a dashboard server process starts (see lib/config/startup.ts).
export async function register() {
  if (process.env.NEXT_RUNTIME === 'nodejs') (await import('./lib/config/startup')).checkStartup();
}
