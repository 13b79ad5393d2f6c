// A throwaway redis-server for tests: its own process on a free loopback port, no persistence, stopped by its pid.
// Debian's redis-server (CI installs it in .ci/run); a missing binary fails with a clear message.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll } from 'vitest';

export type TestRedis = { url: string; port: number; pid: number; stop(): Promise<void> };

function redisServerPath(): string {
  const candidates = [process.env.REDIS_SERVER, '/usr/bin/redis-server', '/usr/local/bin/redis-server', '/usr/bin/valkey-server'];
  const found = candidates.find((p): p is string => Boolean(p) && fs.existsSync(p as string));
  if (!found) {
    throw new Error(
      'redis-server not found (looked for $REDIS_SERVER, /usr/bin/redis-server, /usr/local/bin/redis-server, /usr/bin/valkey-server): ' +
        'install it with `apt-get install redis-server` (CI does, in .ci/run)',
    );
  }
  return found;
}

/** A loopback port that was free a moment ago. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const port = (srv.address() as net.AddressInfo).port;
      srv.close(() => resolve(port));
    });
  });
}

/** Start redis-server on `port` (a free one by default) and wait until it accepts connections. */
export async function startRedis(port?: number): Promise<TestRedis> {
  const bin = redisServerPath();
  const p = port ?? (await freePort());
  const child: ChildProcess = spawn(
    bin,
    ['--port', String(p), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--daemonize', 'no', '--protected-mode', 'yes', '--loglevel', 'warning'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  if (child.pid === undefined) throw new Error(`could not start ${bin}`);
  const pid = child.pid;
  let output = '';
  child.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const deadline = Date.now() + 10_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${bin} exited (${child.exitCode}): ${output.trim()}`);
    if (await answersPing(p)) break;
    if (Date.now() > deadline) {
      process.kill(pid, 'SIGKILL');
      throw new Error(`${bin} did not answer on port ${p} within 10 s: ${output.trim()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    url: `redis://127.0.0.1:${p}/0`,
    port: p,
    pid,
    async stop() {
      if (child.exitCode !== null) return;
      process.kill(pid, 'SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 5_000))]);
      if (child.exitCode === null) {
        process.kill(pid, 'SIGKILL');
        await exited;
      }
    },
  };
}

function answersPing(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = net.connect(port, '127.0.0.1');
    let buf = '';
    const done = (ok: boolean) => {
      s.destroy();
      resolve(ok);
    };
    s.setTimeout(500, () => done(false));
    s.once('error', () => done(false));
    s.once('connect', () => s.write('PING\r\n'));
    s.on('data', (d: Buffer) => {
      buf += d.toString();
      if (buf.includes('\r\n')) done(buf.startsWith('+PONG'));
    });
  });
}

/**
 * For a test file: a redis-server started before its tests and stopped after them, and every client the tests hand
 * to `opened` closed first.
 */
export function redisForThisFile(): { readonly url: string; opened<T extends { close(): Promise<void> }>(client: T): T } {
  let redis: TestRedis | undefined;
  const clients: { close(): Promise<void> }[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  }, 20_000);
  afterAll(async () => {
    for (const c of clients) await c.close();
    await redis?.stop();
  });
  return {
    get url() {
      if (!redis) throw new Error('redis-server is not started yet (use the url inside a test)');
      return redis.url;
    },
    opened(client) {
      clients.push(client);
      return client;
    },
  };
}
