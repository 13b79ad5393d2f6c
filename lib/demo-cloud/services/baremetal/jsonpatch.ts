// A small RFC 6902 JSON patch (add, replace, remove) over plain records, as Ironic and Magnum apply
// them to nodes, ports, cluster templates and clusters. Paths are `/field` or `/field/key/...`.

export interface PatchOp {
  op: string;
  path: string;
  value?: unknown;
}

export class PatchError extends Error {}

const unescape = (s: string) => s.replace(/~1/g, '/').replace(/~0/g, '~');

export function patchSegments(path: string): string[] {
  if (!path.startsWith('/')) throw new PatchError(`Invalid patch path: ${path}`);
  return path.slice(1).split('/').map(unescape);
}

/** The top-level field a patch operation touches (`/properties/cpus` → `properties`). */
export const patchField = (op: PatchOp) => patchSegments(op.path)[0];

/** Applies the operations to a deep copy of `target` and returns it; throws PatchError on a bad path. */
export function applyPatch<T extends object>(target: T, ops: PatchOp[]): T {
  const doc = structuredClone(target) as Record<string, unknown>;
  for (const op of ops) {
    const segs = patchSegments(op.path);
    let parent: Record<string, unknown> = doc;
    for (const seg of segs.slice(0, -1)) {
      const next = parent[seg];
      if (next === null || typeof next !== 'object') {
        if (op.op === 'add') {
          parent[seg] = {};
          parent = parent[seg] as Record<string, unknown>;
          continue;
        }
        throw new PatchError(`can't remove non-existent object '${seg}'`);
      }
      parent = next as Record<string, unknown>;
    }
    const last = segs[segs.length - 1];
    if (op.op === 'add' || op.op === 'replace') {
      if (!('value' in op)) throw new PatchError(`'value' is a required property`);
      if (Array.isArray(parent)) {
        const idx = last === '-' ? parent.length : Number(last);
        if (op.op === 'add') parent.splice(idx, 0, op.value);
        else parent[idx] = op.value;
      } else {
        if (op.op === 'replace' && !(last in parent)) throw new PatchError(`can't replace non-existent object '${last}'`);
        parent[last] = op.value;
      }
    } else if (op.op === 'remove') {
      if (!(last in parent)) throw new PatchError(`can't remove non-existent object '${last}'`);
      if (Array.isArray(parent)) parent.splice(Number(last), 1);
      else delete parent[last];
    } else {
      throw new PatchError(`Invalid patch operation: ${op.op}`);
    }
  }
  return doc as T;
}
