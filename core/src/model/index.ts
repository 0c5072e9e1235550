// The model's public surface: pure, no LSP.
export * from './definitions';
export { buildModel, BUILDER_EXPANDED, type DockerfileModel } from './model';
export { expandValue, MAX_EXPANDED_LENGTH } from './expand';
export { PREDEFINED_ARGS, predefinedArg } from './predefinedArgs';
export {
  checkCommentsAbove,
  isCheckComment,
  fileCheckOptions,
  parseCheckOptions,
  type CheckOptions,
} from './checkOptions';
export type { FileFacts } from './fileFacts';
export type {
  StageShell,
  StageState,
  WorkdirChain,
} from './stageState';
