// A recording as a bash script of `openstack` commands, with names instead of ids, that replays in another project.
// Each command waits for what the next may need (a server ACTIVE, a volume available), as a user would.
import { sh } from '@/lib/resources/cli';
import { withNames } from './names';
import { namesOf, replayable, type RecordedCall } from './recording';

export interface ExportContext {
  /** The clouds.yaml entry the dashboard offers for this session (lib/credentials/files.ts names it by cloud id). */
  cloud: string;
  project: string;
  region: string;
  /** ISO time of the export. */
  at: string;
}

/** A line the shell cannot run as it is: a placeholder the page showed (`<name>`, `<file>`) or a redacted value. */
const NEEDS_EDIT = /(?<=^|\s)'?<[^<>]*>'?(?=\s|$)|<redacted>/;

const comment = (text: string) =>
  text
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n');

/** One line describing the HTTP call (never a body: bodies may hold names the user did not mean to publish). */
export const httpLine = (c: RecordedCall) => `${c.method} ${c.service} /${c.path}`;

/** What to wait for after a call, as `wait_for` lines (the helper defined at the top of the script). */
function waits(c: RecordedCall, names: ReturnType<typeof namesOf>): string[] {
  const path = c.path.split('?')[0];
  const nameOr = (id: string) => sh(names.get(id)?.name ?? id);
  if (c.service === 'block-storage' || c.service.startsWith('volume')) {
    if (c.method === 'POST' && /(^|\/)volumes$/.test(path) && c.created) return [`wait_for volume ${nameOr(c.created.id)} available`];
  }
  if (c.service === 'compute' && c.method === 'POST') {
    const attach = /^servers\/[^/]+\/os-volume_attachments$/.test(path);
    const vid = (c.body as { volumeAttachment?: { volumeId?: unknown } } | undefined)?.volumeAttachment?.volumeId;
    if (attach && typeof vid === 'string') return [`wait_for volume ${nameOr(vid)} in-use`];
  }
  return [];
}

/** `openstack server create` blocks until the server is ACTIVE (or fails) with `--wait`. */
function withWait(line: string): string {
  if (!/^openstack(\s+--os-[\w-]+\s+\S+)*\s+server create\s/.test(line) || /\s--wait(\s|$)/.test(line)) return line;
  return line.replace(/\sserver create\s/, ' server create --wait ');
}

const HELPER = [
  '# wait_for <volume|server|...> <name or id> <status>: polls until the status is reached, fails on an error status.',
  'wait_for() {',
  '  local kind=$1 name=$2 want=$3 status',
  '  for _ in $(seq 1 120); do',
  '    status=$(openstack "$kind" show "$name" -f value -c status)',
  '    if [ "$status" = "$want" ]; then return 0; fi',
  '    case $status in error*|ERROR*) echo "$kind $name: $status" >&2; return 1 ;; esac',
  '    sleep 2',
  '  done',
  '  echo "$kind $name: still $status, wanted $want" >&2',
  '  return 1',
  '}',
];

/** A call sent to another region than the recording's (a row of an "All regions" list) names it on its command. */
const inRegionOf = (c: RecordedCall, ctx: ExportContext, line: string) =>
  c.region && c.region !== ctx.region ? line.replace(/^openstack /, `openstack --os-region-name ${sh(c.region)} `) : line;

/** The script: a header naming where it was recorded, `set -euo pipefail`, then each call's command and waits. */
export function shellScript(calls: readonly RecordedCall[], ctx: ExportContext): string {
  const names = namesOf(calls);
  const kept = replayable(calls);
  const out = [
    '#!/usr/bin/env bash',
    comment(`Recorded with Stratus in project ${ctx.project}, region ${ctx.region || '(default)'}, at ${ctx.at}.`),
    '# Replays the recorded actions with the openstack CLI; names stand for the ids of that project.',
    '# Choose the cloud of your clouds.yaml to run it against, e.g.:',
    comment(`export OS_CLOUD=${sh(ctx.cloud)}`),
    'set -euo pipefail',
    ': "${OS_CLOUD:?set OS_CLOUD to a cloud of your clouds.yaml}"',
    '',
    ...HELPER,
  ];
  kept.forEach((c, i) => {
    out.push('', comment(`${i + 1}. ${httpLine(c)}${c.outcome === 'dry-run' ? ' (dry run: not sent when recorded)' : ''}`));
    if (!c.cli) {
      out.push('# The page showed no openstack command for this call; not replayed.');
      return;
    }
    const line = inRegionOf(c, ctx, withWait(withNames(c.cli, names)));
    if (NEEDS_EDIT.test(line)) {
      out.push('# Complete the value in <...> and uncomment:', comment(line));
      return;
    }
    out.push(line, ...waits(c, names));
  });
  return `${out.join('\n')}\n`;
}
