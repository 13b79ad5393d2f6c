// Starts cli_zygote.py (a warm `openstack`: the CLI's modules imported once, a forked child per command) and an
// `openstack` wrapper that hands each command to it. Commands run the real openstackclient main() with the caller's
// arguments, environment, directory and stdio; they only skip the 2-3 s of imports a cold process spends.
import { spawn } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const ZYGOTE = path.join(__dirname, 'cli_zygote.py');
const PYTHON = '/usr/bin/python3';

export interface WarmCli {
  /** The directory holding the `openstack` wrapper (first on the commands' PATH). */
  binDir: string;
  stop(): void;
}

/** The warm CLI in `dir`, or undefined (with the reason printed) when it does not start: the run then uses the cold one. */
export async function startWarmCli(dir: string): Promise<WarmCli | undefined> {
  const socket = path.join(dir, 'cli.sock');
  const server = spawn(PYTHON, [ZYGOTE, 'serve', socket], { stdio: ['ignore', 'pipe', 'inherit'] });
  const ready = await new Promise<boolean>((resolve) => {
    let out = '';
    server.stdout.on('data', (c: Buffer) => {
      out += c.toString();
      if (out.includes('ready\n')) resolve(true);
    });
    server.on('exit', () => resolve(false));
    server.on('error', () => resolve(false));
  });
  if (!ready) {
    console.log('# the warm openstack CLI did not start: every command starts a cold one');
    return undefined;
  }
  const wrapper = path.join(dir, 'openstack');
  writeFileSync(wrapper, `#!/bin/sh\nexec ${PYTHON} -S ${ZYGOTE} ${socket} "$@"\n`);
  chmodSync(wrapper, 0o755);
  return { binDir: dir, stop: () => server.kill() };
}
