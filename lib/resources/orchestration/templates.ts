// The launch form's ready templates. The names of the image, flavor and network are those both the demo cloud and
// the real Zed cloud (../shared/realcloud) have: cirros, m1.tiny, private. Template text is never translated.
import type { MsgKey } from '@/lib/i18n/msg';

export interface ExampleTemplate {
  id: string;
  label: MsgKey;
  description: MsgKey;
  template: string;
}

// What a server needs, as parameters both examples with servers share.
const SERVER_PARAMETERS = `  image:
    type: string
    label: Image
    description: The image the servers boot from
    default: cirros
    constraints:
      - custom_constraint: glance.image
  flavor:
    type: string
    label: Flavor
    description: The flavor of each server
    default: m1.tiny
    constraints:
      - custom_constraint: nova.flavor
  network:
    type: string
    label: Network
    description: The network the servers are on
    default: private
    constraints:
      - custom_constraint: neutron.network
`;

/** A server of those parameters, its lines indented by `pad` (a group's member or a resource of its own). */
const server = (pad: string) =>
  ['type: OS::Nova::Server', 'properties:', '  image: {get_param: image}', '  flavor: {get_param: flavor}', '  networks: [{network: {get_param: network}}]'].map((l) => `${pad}${l}\n`).join('');

const AUTOSCALING = `heat_template_version: 2018-08-31
description: An autoscaling group of servers with scale-up and scale-down policies
parameters:
${SERVER_PARAMETERS}  min_size:
    type: number
    label: Minimum size
    description: The fewest servers the group keeps
    default: 2
    constraints:
      - range: {min: 0, max: 10}
  max_size:
    type: number
    label: Maximum size
    description: The most servers the group grows to
    default: 3
    constraints:
      - range: {min: 1, max: 10}
resources:
  asg:
    type: OS::Heat::AutoScalingGroup
    properties:
      min_size: {get_param: min_size}
      max_size: {get_param: max_size}
      resource:
${server('        ')}  scale_up:
    type: OS::Heat::ScalingPolicy
    properties:
      adjustment_type: change_in_capacity
      auto_scaling_group_id: {get_resource: asg}
      scaling_adjustment: 1
      cooldown: 0
  scale_down:
    type: OS::Heat::ScalingPolicy
    properties:
      adjustment_type: change_in_capacity
      auto_scaling_group_id: {get_resource: asg}
      scaling_adjustment: -1
      cooldown: 0
outputs:
  current_size:
    description: How many servers the group has
    value: {get_attr: [asg, current_size]}
`;

const NETWORK = `heat_template_version: 2018-08-31
description: A network with one subnet
parameters:
  cidr:
    type: string
    label: Subnet range
    description: The subnet's addresses in CIDR notation
    default: 10.20.0.0/24
  dns_nameservers:
    type: comma_delimited_list
    label: DNS servers
    description: Name servers handed out by DHCP, separated by commas
    default: ''
resources:
  net:
    type: OS::Neutron::Net
    properties:
      name: {list_join: ['-', [{get_param: 'OS::stack_name'}, net]]}
  subnet:
    type: OS::Neutron::Subnet
    properties:
      network: {get_resource: net}
      cidr: {get_param: cidr}
      dns_nameservers: {get_param: dns_nameservers}
outputs:
  network_id:
    description: The new network
    value: {get_resource: net}
`;

const SERVER = `heat_template_version: 2018-08-31
description: One server on an existing network
parameters:
${SERVER_PARAMETERS}resources:
  server:
${server('    ')}outputs:
  address:
    description: The server's first address
    value: {get_attr: [server, first_address]}
`;

export const EXAMPLES: readonly ExampleTemplate[] = [
  { id: 'autoscaling', label: 'orchestration.examples.autoscaling', description: 'orchestration.examples.autoscalingDescription', template: AUTOSCALING },
  { id: 'network', label: 'orchestration.examples.network', description: 'orchestration.examples.networkDescription', template: NETWORK },
  { id: 'server', label: 'orchestration.examples.server', description: 'orchestration.examples.serverDescription', template: SERVER },
];
