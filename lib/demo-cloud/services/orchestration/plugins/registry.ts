// The resource types the engine runs, by name. `resource type list` shows exactly these.
import { cinderPlugins } from './cinder';
import { groupPlugins } from './groups';
import { heatPlugins } from './heat';
import { neutronPlugins } from './neutron';
import { novaPlugins } from './nova';
import type { Plugin } from './types';

const PLUGINS: Record<string, Plugin> = { ...heatPlugins, ...groupPlugins, ...novaPlugins, ...neutronPlugins, ...cinderPlugins };

export const pluginFor = (type: string): Plugin | undefined => PLUGINS[type];

export const resourceTypes = (): string[] => Object.keys(PLUGINS).sort();

/** Types whose properties are free-form (OS::Heat::None accepts anything and ignores it). */
export const UNCHECKED_TYPES = new Set(['OS::Heat::None']);
