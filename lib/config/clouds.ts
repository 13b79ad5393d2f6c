import 'server-only';
import { loadCloudsFromEnvironment } from './clouds-parse';
import type { CloudConfig } from './clouds-parse';

export type { CloudConfig } from './clouds-parse';

// Parsed once per process: the configuration does not change while the server runs.
let cached: CloudConfig[] | undefined;

export function getClouds(): CloudConfig[] {
  cached ??= loadCloudsFromEnvironment(process.env);
  return cached;
}

export function getCloud(id: string): CloudConfig | undefined {
  return getClouds().find((c) => c.id === id);
}
