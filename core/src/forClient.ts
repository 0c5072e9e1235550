// The public entry of core for the VS Code client: the parser for its Dockerfile outline and the
// size and duration formatting its build views share with the server. The client imports core
// only through this file (scripts/check-boundaries.mjs enforces it).
export { parseDockerfile, type Instruction } from './parser';
export { formatBytes } from './byteSize';
export { formatDuration } from './duration';
export { readSettingValue } from './engine/settingValue';
export { defaultValue, type SettingKey, type SettingValue, SETTINGS } from './engine/settingsSchema';
