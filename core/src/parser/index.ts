// The parser's public surface: pure functions and syntax types, no LSP.
export { parseText, reparseText, type ParsedText } from './incremental';
export { parseDockerfile } from './parser';
export {
  INSTRUCTION_KEYWORDS,
  INSTRUCTIONS,
  flagOf,
  flagsAreRead,
  flagsOf,
  instructionSpec,
  type FlagSpec,
  type InstructionSpec,
  type Keyword,
} from './instructionTable';
export { keptMountOptions, mountType, splitMountFields } from './mountFields';
export {
  processedArguments,
  processedCopyPaths,
  processedRest,
  processWord,
  type ProcessedWord,
  type WordExpander,
} from './processedWords';
export { wordOffsetMapper } from './logicalPositions';
export { MAX_VARIABLE_NESTING } from './variables';
export * from './syntax';
export { comparePositions, rangeContains } from './positions';
