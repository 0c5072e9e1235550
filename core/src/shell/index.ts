// Reading RUN as shell: the parsed view the shell rules work on.
export {
  MAX_SCRIPT_LENGTH,
  MAX_WORD_LENGTH,
  onScriptTooLong,
  runShell,
  scriptTooLarge,
  type RunShell,
  type ShellCommand,
  type ShellPipeline,
  type ShellWord,
} from './runShell';
export { hasOption, readCommandLine, type OptionSyntax, type ReadCommandLine } from './commandLine';
export {
  initShellParser,
  isShellParserReady,
  parseScript,
} from './shellParser';
export {
  clearShellPrintCache,
  initShellPrinter,
  isShellPrinterReady,
  printShell,
  shellPrintCacheSize,
} from './shellPrinter';
