// Time source for the whole cloud. `speed` makes transitional states (BUILD, creating,
// PENDING, ...) finish faster: speed 10 turns a nominal 5 s build into 0.5 s.
// Token expiry is NOT scaled: it uses real seconds so expiry tests and sessions behave normally.

export class Clock {
  readonly speed: number;
  private readonly source: () => number;

  constructor(speed = 1, source: () => number = Date.now) {
    if (!(speed > 0)) throw new Error(`speed must be > 0, got ${speed}`);
    this.speed = speed;
    this.source = source;
  }

  now(): number {
    return this.source();
  }

  /** Real milliseconds a transition of `nominalSeconds` takes at the current speed. */
  delay(nominalSeconds: number): number {
    return (nominalSeconds * 1000) / this.speed;
  }

  /** Timestamp (ms) at which a transition started now will be over. */
  after(nominalSeconds: number): number {
    return this.now() + this.delay(nominalSeconds);
  }
}

/** OpenStack's timestamp format with microseconds: 2026-11-25T15:00:00.000000Z (Keystone tokens). */
export function isoMicro(ms: number): string {
  return new Date(ms).toISOString().replace(/\.(\d{3})Z$/, '.$1000Z');
}

/** Second-precision format most services use: 2026-11-25T15:00:00Z (Nova, Glance, Keystone "updated"). */
export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
