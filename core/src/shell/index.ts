// Reading RUN as shell: the parsed view the shell rules work on.
export {
  MAX_SCRIPT_LENGTH,
  MAX_WORD_LENGTH,
  onScriptTooLong,
  runShell,
  scriptTooLarge,
  type RunShell,
  type ShellCommand,
  type ShellOperator,
  type ShellPipeline,
  type ShellWord,
} from './runShell';
export { hasOption, mentions, readCommandLine, type OptionSyntax, type ReadCommandLine } from './commandLine';
export {
  initShellParser,
  isShellParserReady,
  parseScript,
  type ParsedScript,
  type ScriptCommand,
  type ScriptParse,
} from './shellParser';
export {
  clearShellPrintCache,
  initShellPrinter,
  isShellPrinterReady,
  printShell,
  shellPrintCacheSize,
  type ShellPrintOptions,
} from './shellPrinter';
