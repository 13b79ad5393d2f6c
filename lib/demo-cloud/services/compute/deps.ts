// The other services, reached only through their contracts (services/<type>/api.ts).
export { findImage, imageVisibleTo, createImageFromServer, deleteServerImage } from '../image/api';
export {
  allocateServerPort,
  serverAddresses,
  serverSecurityGroupNames,
  releaseServerPorts,
  portsOfServer,
  findNetwork,
  changeServerSecurityGroup,
  releaseServerPort,
  visiblePort,
} from '../network/api';
export {
  findVolume,
  createBootVolume,
  attachVolume,
  detachVolume,
  serverVolumeAttachments,
  deleteVolumeForServer,
} from '../volume/api';
