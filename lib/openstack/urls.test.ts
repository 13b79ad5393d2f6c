import { expect, it } from 'vitest';
import { projectUrl } from './urls';

it('projectUrl carries cloud, project and region', () => {
  expect(projectUrl({ cloud: 'demo', project: { id: 'p 1' }, region: 'RegionOne' }, '/instances')).toBe('/demo/p%201/instances?region=RegionOne');
});
