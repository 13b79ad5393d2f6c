import type { AuthInfo, TokenResolver } from './auth';
import type { Clock } from './clock';
import type { ServiceDefinition } from './service';
import type { StateStore } from './state';

export interface CloudOptions {
  /** Token lifetime in real seconds. */
  tokenTtlSeconds: number;
  /** Extra projects the demo user is a member of (project-switcher scale tests). */
  seedProjects: number;
  /** Fixed base URL for catalog endpoints; otherwise built from the request's Host header. */
  publicUrl?: string;
  /** Extra servers created in the demo project at seed time (scale tests). */
  seedServers: number;
  /** Directory for files services store outside state.json (image data, objects); a temp dir without --state. */
  dataDir: string;
  /** Seed resources built to fail (fail-flavor, fail-image, fail-bm-0) and fail `fail-*` names on demand. */
  failureFixtures: boolean;
}

/** Shared by every service: state, clock, options, the service registry and token resolution. */
export class CloudCore {
  private resolver: TokenResolver | null = null;

  constructor(
    readonly state: StateStore,
    readonly clock: Clock,
    readonly options: CloudOptions,
    readonly services: readonly ServiceDefinition[],
  ) {}

  /** Installed by the identity service, which owns tokens. */
  setTokenResolver(resolver: TokenResolver): void {
    this.resolver = resolver;
  }

  resolveToken(token: string): AuthInfo | null {
    return this.resolver ? this.resolver(token) : null;
  }
}
