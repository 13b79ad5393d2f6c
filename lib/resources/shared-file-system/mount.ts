// The command a client runs to mount a share: one per export location and access rule, since the rule decides the
// options (read-only, the CIFS user, the Ceph client id). Pure, so the detail page and its test agree on the text.
import { sh } from '../cli';
import { usableLocations, type AccessRule, type ExportLocation, type Share } from './manila';

export interface MountLine {
  location: ExportLocation;
  /** The rule the command mounts with; none when the share has no rule yet (clients are then refused). */
  rule?: AccessRule;
  command: string;
}

/** `/mnt/<name>`, the share's name (or id) as one safe path segment. */
export const mountPoint = (share: Pick<Share, 'id' | 'name'>) => `/mnt/${(share.name || share.id).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '_')}`;

/** A CIFS export as Manila writes it (`\\10.0.0.10\share`) in the form mount.cifs takes (`//10.0.0.10/share`). */
const uncToSlashes = (path: string) => path.replace(/\\/g, '/');

/** The mount command for one export location, or undefined for a protocol without a kernel client (HDFS, MapR-FS). */
export function mountCommand(share: Pick<Share, 'id' | 'name' | 'share_proto'>, path: string, rule?: Pick<AccessRule, 'access_type' | 'access_to' | 'access_level'>): string | undefined {
  const target = mountPoint(share);
  const ro = rule?.access_level === 'ro';
  const opts = (list: string[]) => (list.length ? ['-o', list.join(',')] : []);
  switch (share.share_proto.toUpperCase()) {
    case 'NFS':
      return ['mount', '-t', 'nfs', ...opts(ro ? ['ro'] : []), sh(path), sh(target)].join(' ');
    case 'CIFS': {
      const user = rule?.access_type === 'user' ? [`username=${rule.access_to}`] : [];
      return ['mount', '-t', 'cifs', sh(uncToSlashes(path)), sh(target), ...opts([...user, ...(ro ? ['ro'] : [])]).map(sh)].join(' ');
    }
    case 'CEPHFS': {
      const name = rule?.access_type === 'cephx' ? [`name=${rule.access_to}`] : [];
      return ['mount', '-t', 'ceph', sh(path), sh(target), ...opts([...name, ...(ro ? ['ro'] : [])]).map(sh)].join(' ');
    }
    case 'GLUSTERFS':
      return ['mount', '-t', 'glusterfs', ...opts(ro ? ['ro'] : []), sh(path), sh(target)].join(' ');
    default:
      return undefined;
  }
}

/**
 * Every mount line of a share: the locations a client may use (admin-only ones left out, the preferred first), each
 * with every rule that grants or is about to grant access (rules on their way out or in error are left out).
 */
export function mountLines(share: Pick<Share, 'id' | 'name' | 'share_proto'>, locations: readonly ExportLocation[], rules: readonly AccessRule[]): MountLine[] {
  const usable = usableLocations(locations);
  const granting = rules.filter((r) => ['active', 'queued_to_apply', 'applying'].includes(r.state));
  return usable.flatMap((location) => {
    const per = granting.length ? granting.map((rule) => ({ rule, command: mountCommand(share, location.path, rule) })) : [{ rule: undefined, command: mountCommand(share, location.path) }];
    return per.filter((p): p is { rule: AccessRule | undefined; command: string } => !!p.command).map((p) => ({ location, ...(p.rule ? { rule: p.rule } : {}), command: p.command }));
  });
}
