// Layer-cache analysis: pure, no LSP. Which instructions make layers, what each depends on,
// and what a change to a file rebuilds.
export { analyseLayers, LAYER_KEYWORDS, type LayerAnalysis, type LayerStep } from './layers';
export { fileImpact, type FileImpact } from './fileImpact';
export {
  copyFacts,
  runFacts,
  isWholeContext,
  parseMount,
  type CopyFacts,
  type Mount,
  type RunFacts,
} from './instructionFacts';
export * from './packageManagers';
export { commandName, runScript, splitCommands, type SimpleCommand } from './shellCommands';
export { sourceTakes } from './sourceMatch';
