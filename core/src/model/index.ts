// The model's public surface: pure, no LSP.
export * from './definitions';
export { buildModel, BUILDER_EXPANDED, predefinedDefinition, type DockerfileModel, type ModelOptions } from './model';
export { expandValue, MAX_EXPANDED_LENGTH, type Lookup } from './expand';
export { PREDEFINED_ARGS, predefinedArg, type PredefinedArg } from './predefinedArgs';
export {
  checkCommentsAbove,
  isCheckComment,
  fileCheckOptions,
  NO_CHECK_OPTIONS,
  parseCheckOptions,
  type CheckOptions,
  type CheckParse,
} from './checkOptions';
export { fileFacts, type FileFacts } from './fileFacts';
export {
  DEFAULT_SHELL,
  EnvChain,
  setsInstallRecommends,
  shellOf,
  type StageShell,
  type StageState,
  type WorkdirChain,
} from './stageState';
