import type { Server } from './model';

/** A plausible cirros-style boot log for os-getConsoleOutput (no VM really boots). */
export function bootLog(srv: Server): string {
  const lines = [
    '[    0.000000] Linux version 5.15.0-71-generic (buildd@lcy02-amd64-044) (gcc (Ubuntu 11.3.0-1ubuntu1~22.04) 11.3.0) #78-Ubuntu SMP',
    `[    0.000000] Command line: BOOT_IMAGE=/vmlinuz root=LABEL=cirros-rootfs ro console=tty1 console=ttyS0`,
    `[    0.000000] Memory: ${srv.flavor.ram * 1024 - 65536}K/${srv.flavor.ram * 1024}K available`,
    `[    0.012000] smpboot: Allowing ${srv.flavor.vcpus} CPUs, 0 hotplug CPUs`,
    '[    0.520000] virtio_net virtio0 ens3: renamed from eth0',
    '[    1.104000] EXT4-fs (vda1): mounted filesystem with ordered data mode.',
    'Starting logging: OK',
    'Initializing random number generator... done.',
    'Starting network: udhcpc: started, v1.29.3',
    'udhcpc: sending discover',
    'udhcpc: lease obtained',
    'OK',
    'checking http://169.254.169.254/2009-04-04/instance-id',
    `successful after 1/20 tries: up 2.10. iid=${srv.instance_name}`,
    `instance-id: ${srv.instance_name}`,
    `hostname: ${srv.hostname}`,
    '=== system information ===',
    `Platform: OpenStack Foundation OpenStack Nova`,
    `Container: none`,
    `Arch: x86_64`,
    `CPU(s): ${srv.flavor.vcpus} @ 2394.454 MHz`,
    `RAM: ${srv.flavor.ram} MB`,
    '=== sshd host keys ===',
    '-----BEGIN SSH HOST KEY KEYS-----',
    'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHostKeyOfTheDemoCloudOnlyNotARealKey0 root@' + srv.hostname,
    '-----END SSH HOST KEY KEYS-----',
    '=== cirros: current=0.6.2 uptime=3.21 ===',
    '  ____               ____  ____',
    ' / __/ __ ____ ____ / __ \\/ __/',
    '/ /__ / // __// __// /_/ /\\ \\ ',
    '\\___//_//_/  /_/   \\____/___/ ',
    '   http://cirros-cloud.net',
    '',
    `login as 'cirros' user. default password: 'gocubsgo'. use 'sudo' for root.`,
    `${srv.hostname} login: `,
  ];
  return lines.join('\n');
}
