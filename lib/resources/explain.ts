// "Why did it fail": the messages OpenStack services leave on a failed resource (Nova faults, Cinder user messages,
// Magnum status reasons, Ironic last_error), explained in plain words with the likely next step. Pure: patterns
// over the service's own message, which is always shown beside the explanation.

export interface Explanation {
  /** What happened, in plain language. */
  summary: string;
  /** What to try next. */
  next: string;
}

interface Rule {
  test: RegExp;
  summary: string;
  next: string;
}

// Most specific first; the first match wins.
const RULES: readonly Rule[] = [
  // Nova
  {
    test: /No valid host was found/i,
    summary: 'The scheduler found no compute host with room for this flavor (or matching its requirements).',
    next: 'Try a smaller flavor or another availability zone, or ask the operator whether the cloud is full.',
  },
  {
    test: /Exceeded maximum number of retries/i,
    summary: 'Several hosts tried to build the instance and each failed.',
    next: 'Delete it and launch again; if it keeps failing, send the request id to the operator.',
  },
  {
    test: /Flavor's (disk|memory) is too small for requested image/i,
    summary: 'The flavor is smaller than the image requires.',
    next: 'Pick a flavor with at least the image’s minimum disk and RAM.',
  },
  {
    test: /Quota exceeded|QuotaError|over quota|exceeds? (the )?quota|Maximum number of .* exceeded/i,
    summary: 'The project has used up its quota for this resource.',
    next: 'Delete what you no longer need, or ask the operator for a larger quota (the overview shows the usage).',
  },
  {
    test: /No more IP addresses available|IpAddressGenerationFailure/i,
    summary: 'The network’s subnet has no free addresses left.',
    next: 'Free some ports, enlarge the subnet’s allocation pool, or use another network.',
  },
  {
    test: /Port .* is still in use|PortInUse/i,
    summary: 'The port is already attached to another device.',
    next: 'Detach it from that device first, or create a new port.',
  },
  {
    test: /(Image|Flavor|Network|Volume) .* could not be found/i,
    summary: 'Something the request refers to no longer exists (or is not visible to this project).',
    next: 'Choose another image, flavor, network or volume; it may have been deleted or made private.',
  },
  {
    test: /Volume .* did not finish being created|BuildAbortException.*[Vv]olume/i,
    summary: 'The boot volume was not ready in time, so Nova gave up building the instance.',
    next: 'Check the volume’s status on the Volumes page, then launch again (a smaller image or volume is faster).',
  },
  // Cinder (user messages and volume errors)
  {
    test: /Could not find any available weighted backend|No valid backend was found|schedule allocate volume/i,
    summary: 'No storage backend can hold this volume (no space left, or no backend offers its volume type).',
    next: 'Try a smaller size or another volume type, or ask the operator about storage capacity.',
  },
  {
    test: /Insufficient free space|not enough (free )?space|capacity/i,
    summary: 'The storage backend ran out of space.',
    next: 'Try a smaller size, or ask the operator for more capacity.',
  },
  {
    test: /copy image to volume|image .* (to|into) volume/i,
    summary: 'Copying the image into the volume failed.',
    next: 'Check that the image is active and not larger than the volume, then try again.',
  },
  // Ironic's deploy ramdisk (before the generic timeout: its message says "Timeout reached ... callback")
  {
    test: /wait call-?back|callback/i,
    summary: 'The node never called back from its deploy or cleaning ramdisk.',
    next: 'Check the node’s network boot (PXE) and console; then retry the operation or put the node in maintenance.',
  },
  // Magnum
  {
    test: /Timed out|timeout|Timeout reached/i,
    summary: 'The operation did not finish within its time limit.',
    next: 'Delete and try again with a longer timeout; if it recurs, the cloud may be overloaded or a node could not boot.',
  },
  {
    test: /Stack .*(CREATE|UPDATE)_FAILED|Resource (CREATE|UPDATE) failed|Heat/i,
    summary: 'The orchestration (Heat) stack behind the cluster failed.',
    next: 'The message names the failing resource: often a quota, a missing image or keypair, or an unreachable external network. Fix it and create the cluster again.',
  },
  {
    test: /trustee|trust/i,
    summary: 'Magnum could not create the Keystone trust it uses to act for the cluster.',
    next: 'Ask the operator: Magnum’s trustee domain is misconfigured.',
  },
  {
    test: /os_distro|image .* (not|no) (supported|valid) .*cluster|Image doesn't contain os_distro/i,
    summary: 'The template’s image is not marked for this container engine (its os_distro property).',
    next: 'Use an image whose os_distro Magnum supports (e.g. fedora-coreos), or set the property on the image.',
  },
  // Ironic
  {
    test: /Failed to (change |set )?power|power state|IPMI|BMC/i,
    summary: 'Ironic could not reach or command the machine’s management controller (BMC).',
    next: 'Check the node’s driver_info (address, credentials) with Validate, then try the power action again.',
  },
  {
    test: /Failed to validate|validation failed|missing .* (in|from) driver_info|driver_info/i,
    summary: 'The node’s configuration is incomplete for its driver.',
    next: 'Fill in the missing driver_info or properties the message names, then retry.',
  },
  {
    test: /clean(ing)? failed|Failed to clean/i,
    summary: 'Cleaning the node (wiping disks, resetting settings) failed.',
    next: 'Fix the cause the message gives, turn maintenance off, then run manage and provide again.',
  },
  {
    test: /deploy(ment)? failed|Failed to deploy/i,
    summary: 'Writing the image to the node failed.',
    next: 'Check the image and the node’s disks; undeploy, then deploy again.',
  },
];

/** The plain-language explanation of a failure message, when one is known. */
export function explainFailure(message: string | null | undefined): Explanation | undefined {
  if (!message) return undefined;
  const rule = RULES.find((r) => r.test.test(message));
  return rule ? { summary: rule.summary, next: rule.next } : undefined;
}
