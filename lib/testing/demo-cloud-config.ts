// The dashboard's configuration of a test demo cloud (`startTestCloud`), as the login tests stub getCloud with it.
import type { CloudConfig } from '@/lib/config/clouds';

export const demoCloudConfig = (authUrl: string, id = 'demo'): CloudConfig => ({
  id, displayName: id, authUrl, regions: ['RegionOne'], interface: 'public', verify: true,
  userDomainName: 'Default', projectDomainName: 'Default', demo: true,
});
