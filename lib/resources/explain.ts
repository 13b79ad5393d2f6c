// "Why did it fail": the messages OpenStack services leave on a failed resource (Nova faults, Cinder user messages,
// Magnum status reasons, Ironic last_error), explained in plain words with the likely next step. Pure: patterns
// over the service's own message, which is always shown beside the explanation (as the service sent it); the
// explanations are catalog keys (`explain.<rule>`), which the view translates.
import type { Msg } from '@/lib/i18n/msg';

export interface Explanation {
  /** What happened, in plain language. */
  summary: Msg;
  /** What to try next. */
  next: Msg;
}

interface Rule {
  test: RegExp;
  summary: Msg;
  next: Msg;
}

// Most specific first; the first match wins.
const RULES: readonly Rule[] = [
  // Octavia: a load balancer refuses changes while PENDING_* ("Invalid state PENDING_UPDATE of loadbalancer resource
  // <id>", 409), its children too ("Load Balancer <id> is immutable and cannot be updated.", 409); a delete without
  // cascade refuses children ("Cannot delete Load Balancer <id> - it has children", 400).
  {
    test: /Invalid state PENDING_\w+ of \w+ resource/,
    summary: 'explain.lbPending.summary',
    next: 'explain.lbPending.next',
  },
  {
    test: /is immutable and cannot be updated/,
    summary: 'explain.lbImmutable.summary',
    next: 'explain.lbImmutable.next',
  },
  {
    test: /Cannot delete Load Balancer \S+ - it has children/,
    summary: 'explain.lbChildren.summary',
    next: 'explain.lbChildren.next',
  },
  // Trove: an instance takes no call (delete, users, databases, resize) until it is ACTIVE ("Instance <id> is not
  // ready. (Status is BUILD).", 422); its faults when its network has no router or Cinder had no room for its volume.
  {
    test: /Instance \S+ is not ready/,
    summary: 'explain.troveNotReady.summary',
    next: 'explain.troveNotReady.next',
  },
  {
    // Trove 18 checks that the chosen network's subnet is on a router ("Failed to create User port for instance <id>:
    // Subnet <id> is not associated with router.").
    test: /Subnet \S+ is not associated with router/,
    summary: 'explain.troveNoRouter.summary',
    next: 'explain.troveNoRouter.next',
  },
  {
    test: /Failed to create volume for instance/,
    summary: 'explain.troveVolume.summary',
    next: 'explain.troveVolume.next',
  },
  // Manila: a share with snapshots is refused with 403 "Invalid share: %(reason)s." (Zed leaves the reason unfilled).
  {
    test: /^Invalid share: %\(reason\)s\.?$/,
    summary: 'explain.manilaInvalidShare.summary',
    next: 'explain.manilaInvalidShare.next',
  },
  // Nova
  {
    // 409 on any change to a locked server by someone who may not unlock it ("Instance <id> is locked").
    test: /Instance \S+ is locked/,
    summary: 'explain.novaLocked.summary',
    next: 'explain.novaLocked.next',
  },
  {
    // Evacuate refused while the server's host runs (400 "Compute service of <host> is still in use.").
    test: /Compute service of \S+ is still in use/,
    summary: 'explain.novaEvacuateHostUp.summary',
    next: 'explain.novaEvacuateHostUp.next',
  },
  {
    test: /No valid host was found/i,
    summary: 'explain.noValidHost.summary',
    next: 'explain.noValidHost.next',
  },
  {
    test: /Exceeded maximum number of retries/i,
    summary: 'explain.retries.summary',
    next: 'explain.retries.next',
  },
  {
    test: /Flavor's (disk|memory) is too small for requested image/i,
    summary: 'explain.flavorTooSmall.summary',
    next: 'explain.flavorTooSmall.next',
  },
  {
    test: /Quota exceeded|QuotaError|over quota|exceeds? (the )?quota|Maximum number of .* exceeded/i,
    summary: 'explain.quota.summary',
    next: 'explain.quota.next',
  },
  {
    test: /No more IP addresses available|IpAddressGenerationFailure/i,
    summary: 'explain.noAddresses.summary',
    next: 'explain.noAddresses.next',
  },
  {
    test: /Port .* is still in use|PortInUse/i,
    summary: 'explain.portInUse.summary',
    next: 'explain.portInUse.next',
  },
  {
    test: /(Image|Flavor|Network|Volume) .* could not be found/i,
    summary: 'explain.notFound.summary',
    next: 'explain.notFound.next',
  },
  {
    test: /Volume .* did not finish being created|BuildAbortException.*[Vv]olume/i,
    summary: 'explain.bootVolume.summary',
    next: 'explain.bootVolume.next',
  },
  // Cinder (user messages and volume errors)
  {
    test: /Could not find any available weighted backend|No valid backend was found|schedule allocate volume/i,
    summary: 'explain.noBackend.summary',
    next: 'explain.noBackend.next',
  },
  {
    test: /Insufficient free space|not enough (free )?space|capacity/i,
    summary: 'explain.noSpace.summary',
    next: 'explain.noSpace.next',
  },
  {
    test: /copy image to volume|image .* (to|into) volume/i,
    summary: 'explain.imageToVolume.summary',
    next: 'explain.imageToVolume.next',
  },
  // Ironic's deploy ramdisk (before the generic timeout: its message says "Timeout reached ... callback")
  {
    test: /wait call-?back|callback/i,
    summary: 'explain.callback.summary',
    next: 'explain.callback.next',
  },
  // Magnum
  {
    test: /Timed out|timeout|Timeout reached/i,
    summary: 'explain.timeout.summary',
    next: 'explain.timeout.next',
  },
  {
    test: /Stack .*(CREATE|UPDATE)_FAILED|Resource (CREATE|UPDATE) failed|Heat/i,
    summary: 'explain.heat.summary',
    next: 'explain.heat.next',
  },
  {
    test: /trustee|trust/i,
    summary: 'explain.trust.summary',
    next: 'explain.trust.next',
  },
  {
    test: /os_distro|image .* (not|no) (supported|valid) .*cluster|Image doesn't contain os_distro/i,
    summary: 'explain.osDistro.summary',
    next: 'explain.osDistro.next',
  },
  // Ironic
  {
    test: /Failed to (change |set )?power|power state|IPMI|BMC/i,
    summary: 'explain.bmc.summary',
    next: 'explain.bmc.next',
  },
  {
    test: /Failed to validate|validation failed|missing .* (in|from) driver_info|driver_info/i,
    summary: 'explain.driverInfo.summary',
    next: 'explain.driverInfo.next',
  },
  {
    test: /clean(ing)? failed|Failed to clean/i,
    summary: 'explain.cleaning.summary',
    next: 'explain.cleaning.next',
  },
  {
    test: /deploy(ment)? failed|Failed to deploy/i,
    summary: 'explain.deploy.summary',
    next: 'explain.deploy.next',
  },
];

/** The plain-language explanation of a failure message, when one is known. */
export function explainFailure(message: string | null | undefined): Explanation | undefined {
  if (!message) return undefined;
  const rule = RULES.find((r) => r.test.test(message));
  return rule ? { summary: rule.summary, next: rule.next } : undefined;
}
