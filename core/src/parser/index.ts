// The parser's public surface: pure functions and syntax types, no LSP.
export { parseText, reparseText, type ParsedText } from './incremental';
export { parseDockerfile, HEREDOC_KEYWORDS } from './parser';
export {
  INSTRUCTION_KEYWORDS,
  INSTRUCTIONS,
  flagOf,
  flagsAreRead,
  flagsOf,
  instructionSpec,
  isKeyword,
  type FlagSpec,
  type FlagValueKind,
  type InstructionSpec,
  type Keyword,
} from './instructionTable';
export { keptMountOptions, type KeptMountOptions, mountType, splitMountFields } from './mountFields';
export { unquote } from './words';
export {
  processedArguments,
  processedCopyPaths,
  processedRest,
  processWord,
  type ProcessedWord,
  type WordExpander,
} from './processedWords';
export { wordOffsetMapper, type OffsetMapper } from './logicalPositions';
export { findClosingBrace, MAX_VARIABLE_NESTING } from './variables';
export * from './syntax';
export { comparePositions, rangeContains } from './positions';
