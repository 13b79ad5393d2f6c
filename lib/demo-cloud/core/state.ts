import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import path from 'node:path';

// In-memory state made of plain JSON objects, one slice per service ("identity", "compute", ...).
// With a state directory the whole store is written to state.json after mutations
// (write to a temp file, then rename, so a crash never leaves half a file) and loaded at start.

const FILE = 'state.json';
const FORMAT_VERSION = 1;

interface PersistedState {
  version: number;
  slices: Record<string, unknown>;
}

export class StateStore {
  private readonly slices: Record<string, unknown> = {};
  private readonly dir?: string;
  private saving: Promise<void> = Promise.resolve();
  private timer: NodeJS.Timeout | null = null;
  private dirty = false;

  constructor(dir?: string) {
    this.dir = dir;
    if (dir) this.load(dir);
  }

  /**
   * Returns the service's slice; `seed` runs only when the slice is neither in memory nor on disk.
   * Services keep the returned object and mutate it in place (then call `markDirty`).
   */
  slice<T extends object>(name: string, seed: () => T): T {
    if (!(name in this.slices)) {
      this.slices[name] = seed();
      this.markDirty();
    }
    return this.slices[name] as T;
  }

  /** Schedules a save shortly after; many mutations in one burst produce one write. */
  markDirty(): void {
    if (!this.dir) return;
    this.dirty = true;
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, 100);
    this.timer.unref();
  }

  /** Writes pending changes now (called on close). */
  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    if (!this.dir || !this.dirty) return this.saving;
    this.dirty = false;
    const dir = this.dir;
    const data: PersistedState = { version: FORMAT_VERSION, slices: this.slices };
    const text = JSON.stringify(data);
    this.saving = this.saving.then(async () => {
      await mkdir(dir, { recursive: true });
      const tmp = path.join(dir, `${FILE}.${process.pid}.tmp`);
      await writeFile(tmp, text, { mode: 0o600 });
      await rename(tmp, path.join(dir, FILE));
    });
    return this.saving;
  }

  private load(dir: string): void {
    let text: string;
    try {
      text = readFileSync(path.join(dir, FILE), 'utf8');
    } catch {
      return; // first start: nothing persisted yet
    }
    const parsed = JSON.parse(text) as PersistedState;
    if (parsed.version !== FORMAT_VERSION) {
      throw new Error(`${path.join(dir, FILE)}: unsupported state format ${parsed.version}; delete it to reseed`);
    }
    Object.assign(this.slices, parsed.slices);
  }
}

/**
 * The state of a second region of the same cloud: its own slices (its servers, networks, volumes...), except the
 * ones every region shares (Keystone's: users, projects, tokens), which stay in the first region's store.
 */
export class RegionalStateStore extends StateStore {
  constructor(
    private readonly shared: StateStore,
    private readonly sharedSlices: readonly string[],
    dir?: string,
  ) {
    super(dir);
  }

  override slice<T extends object>(name: string, seed: () => T): T {
    return this.sharedSlices.includes(name) ? this.shared.slice(name, seed) : super.slice(name, seed);
  }

  /** A change may be in a shared slice: both stores save. */
  override markDirty(): void {
    super.markDirty();
    this.shared.markDirty();
  }
}

/** Async variant for tests that want to inspect what was written. */
export async function readPersisted(dir: string): Promise<PersistedState> {
  return JSON.parse(await readFile(path.join(dir, FILE), 'utf8')) as PersistedState;
}
