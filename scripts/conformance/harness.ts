// Harness of the CLI conformance test: runs the real `openstack` CLI (Debian packages) with clean
// environments, against the demo cloud or real OpenStack. Step files (one per service) use it.
import { spawn } from 'node:child_process';

const OPENSTACK = '/usr/bin/openstack';
/** A directory put first on the commands' PATH: its `openstack` is the warm CLI (warm-cli.ts), when it runs. */
let cliBinDir: string | undefined;
export const setCliBinDir = (dir: string | undefined) => (cliBinDir = dir);
const CLI_TIMEOUT_MS = 60_000;

export type Row = Record<string, unknown>;

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Credentials as OS_* variables (the CLI's own environment is cleared of inherited OS_*). */
export type Creds = Record<string, string>;

export interface Env {
  /** 'demo' (a fresh in-process demo cloud) or 'realcloud' (../shared/realcloud). */
  target: 'demo' | 'realcloud';
  authUrl: string;
  /** Ids looked up from the cloud at start (they differ between targets). */
  ids: { demoProject: string; demoUser: string };
  /** Values steps hand to later steps (ids, secrets). */
  vars: Record<string, string>;
  password(user: 'admin' | 'demo', project?: string): Creds;
  /** Runs `openstack <args> -f json`-style commands; `-f json` is NOT added automatically. */
  run(creds: Creds, args: string[]): Promise<CliResult>;
  /** Runs a command that must succeed and print JSON. */
  json<T = Row[]>(creds: Creds, args: string[]): Promise<T>;
  /** Runs one command line through a POSIX shell (bash -c), in a scratch directory: the dashboard's CLI hints as pasted. */
  shell(creds: Creds, line: string): Promise<CliResult>;
}

export interface Step {
  /** Needs a data plane the real test cloud lacks (console output, ACTIVE floating IPs, finished clusters). */
  dataPlane?: boolean;
  /** Why the step cannot run on the real test cloud, when the reason is not its missing data plane. */
  skipOnRealcloud?: string;
  name: string;
  run(env: Env): Promise<void>;
}

export class StepFailure extends Error {}

export function check(cond: unknown, why: string): asserts cond {
  if (!cond) throw new StepFailure(why);
}

export const oneLine = (s: string, max = 300) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/** A command that must fail: non-zero exit, and the error must mention `expect`. */
export async function mustFail(env: Env, creds: Creds, args: string[], expect: RegExp): Promise<void> {
  const r = await env.run(creds, args);
  check(r.code !== 0, `expected a failure, got exit 0: ${oneLine(r.stdout)}`);
  check(expect.test(r.stderr + r.stdout), `expected ${expect} in the error, got: ${oneLine(r.stderr)}`);
}

export const names = (rows: Row[], key = 'Name') => rows.map((r) => String(r[key]));

/** A command that must succeed; returns its stdout. */
export async function succeed(env: Env, creds: Creds, args: string[]): Promise<string> {
  const r = await env.run(creds, args);
  check(r.code === 0, `openstack ${args.join(' ')}: exit ${r.code}: ${oneLine(r.stderr)}`);
  return r.stdout;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));


export function cliEnv(home: string, creds: Creds): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const k of Object.keys(env)) if (k.startsWith('OS_')) delete env[k];
  // A pyenv python3 earlier on PATH lacks the OpenStack modules: the Debian one must win.
  env.PATH = `${cliBinDir ? `${cliBinDir}:` : ''}/usr/bin:${process.env.PATH ?? ''}`;
  env.HOME = home; // no clouds.yaml or caches from the user's home
  // `coe cluster config` reads os.environ['SHELL'] to pick export syntax; CI runners may not set it.
  env.SHELL ??= '/bin/bash';
  env.OS_IDENTITY_API_VERSION = '3';
  env.OS_INTERFACE = 'public';
  return { ...env, ...creds };
}

export function runCli(home: string, creds: Creds, args: string[]): Promise<CliResult> {
  const bin = cliBinDir ? `${cliBinDir}/openstack` : OPENSTACK;
  return collect(spawn(bin, args, { env: cliEnv(home, creds), stdio: ['ignore', 'pipe', 'pipe'] }));
}

/** A command line as a user pastes it: bash parses the quoting; `openstack` resolves to Debian's (PATH). */
export function runShell(home: string, creds: Creds, line: string): Promise<CliResult> {
  return collect(spawn('/bin/bash', ['-c', line], { cwd: home, env: cliEnv(home, creds), stdio: ['ignore', 'pipe', 'pipe'] }));
}

function collect(child: ReturnType<typeof spawn>): Promise<CliResult> {
  return new Promise((resolve) => {
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr?.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), CLI_TIMEOUT_MS);
    child.on('error', (err) => {
      clearTimeout(timer);
      resolve({ code: 127, stdout, stderr: `${stderr}${err.message}` });
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? 1, stdout, stderr });
    });
  });
}

