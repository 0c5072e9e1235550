// Layer-cache analysis: pure, no LSP. Which instructions make layers, what each depends on,
// and what a change to a file rebuilds.
export { analyseLayers, type LayerStep } from './layers';
export { fileImpact } from './fileImpact';
export {
  copyFacts,
  runFacts,
  parseMount,
} from './instructionFacts';
export * from './packageManagers';
export { commandName, splitCommands, type SimpleCommand } from './shellCommands';
export { sourceTakes } from './sourceMatch';
