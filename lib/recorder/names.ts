// Names instead of ids in recorded CLI lines, so a script replays in another project: the openstack CLI resolves a
// name wherever it takes a server, image, flavor, network, volume... (find_resource), and ids differ per project.
import { sh } from '@/lib/resources/cli';
import type { KnownName } from './recording';

/** Kinds (query-cache kinds and answer keys) whose names the CLI accepts in place of ids. */
export const NAMED_KINDS = new Set([
  'server',
  'image',
  'flavor',
  'network',
  'subnet',
  'port',
  'router',
  'volume',
  'volume-snapshot',
  'snapshot',
  'volume-type',
  'security-group',
  'security_group',
  'keypair',
  'server-group',
  'server_group',
  'stack',
  'zone',
  'share',
  'loadbalancer',
  'load-balancer',
]);

/** Shell words that are bare ids: UUIDs with or without dashes (Keystone's 32 hex digits). */
const ID_WORD = /(?<=^|\s)([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[0-9a-f]{32})(?=\s|$)/gi;
/** Flavors' ids are often short ("1", "m1"): replaced only after the flag that takes one. */
const FLAVOR_WORD = /(?<=(?:^|\s)--flavor\s+)(\S+)(?=\s|$)/g;

/** The ids in a CLI line a name could stand for (whole words only: an id inside `--block-device uuid=…` stays). */
export function idsIn(line: string): string[] {
  return [...new Set([...line.matchAll(ID_WORD)].map((m) => m[1]).concat([...line.matchAll(FLAVOR_WORD)].map((m) => m[1])))];
}

/**
 * The line with each whole-word id the map names replaced by its name (shell-quoted). A name that is not unique is
 * not in the map (see uniqueNames), so the replayed command never picks the wrong object.
 */
export function withNames(line: string, names: ReadonlyMap<string, KnownName>): string {
  const swap = (word: string) => {
    const n = names.get(word);
    return n && n.name && NAMED_KINDS.has(n.kind) ? sh(n.name) : word;
  };
  return line.replace(ID_WORD, swap).replace(FLAVOR_WORD, swap);
}

/**
 * From objects seen per kind (the page's cached rows), the id → name pairs a CLI can resolve unambiguously: the kind
 * is one the CLI resolves by name, the name is non-empty, not itself an id, and no other object of the kind has it.
 */
export function uniqueNames(objects: Iterable<{ kind: string; id: string; name: string }>, wanted: ReadonlySet<string>): Record<string, KnownName> {
  const byKind = new Map<string, Map<string, Set<string>>>();
  for (const o of objects) {
    if (!NAMED_KINDS.has(o.kind) || !o.name) continue;
    const names = byKind.get(o.kind) ?? new Map<string, Set<string>>();
    byKind.set(o.kind, names);
    const ids = names.get(o.name) ?? new Set<string>();
    names.set(o.name, ids);
    ids.add(o.id);
  }
  const out: Record<string, KnownName> = {};
  for (const [kind, names] of byKind)
    for (const [name, ids] of names) {
      if (ids.size !== 1 || idsIn(name).length || /^\d+$/.test(name)) continue;
      const id = [...ids][0];
      if (wanted.has(id)) out[id] = { kind, name };
    }
  return out;
}

const ANY_ID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\b[0-9a-f]{32}\b/gi;

/** Every id a call refers to, in its CLI line, its path and its JSON body (a flavor's by `flavorRef`). */
export function idsOfCall(cli: string | undefined, path: string, body: unknown): string[] {
  const json = body === undefined ? '' : JSON.stringify(body);
  const flavor = (body as { server?: { flavorRef?: unknown } } | undefined)?.server?.flavorRef;
  return [...new Set([...(cli ? idsIn(cli) : []), ...(path.match(ANY_ID) ?? []), ...(json.match(ANY_ID) ?? []), ...(typeof flavor === 'string' ? [flavor] : [])])];
}
