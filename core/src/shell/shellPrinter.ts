// The shell printer behind RUN formatting: mvdan/sh (the code of shfmt) compiled to WebAssembly,
// from the sh-syntax package. Its own `print` instantiates a fresh module for every call (about
// 10 ms); one instance is enough when the text is written into the buffer wasmAlloc returns: it
// returns a pointer to a Go slice header (data pointer, length, capacity) whose data pointer is
// where the bytes go. Loaded once, like tree-sitter; after that every call is synchronous.
import { preferBaselineCompiler, readWasm } from './wasmFiles';

// Defines the global `Go` (the runtime the module needs). A require, not a bare import: the
// package marks this file as free of side effects, so a bundler would drop the import.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('sh-syntax/vendors/wasm_exec.cjs');

/** The little of the WebAssembly API used here (the project's lib has no WebAssembly types). */
interface WasmInstance {
  exports: unknown;
}
interface WasmApi {
  compile(bytes: Uint8Array): Promise<unknown>;
  instantiate(module: unknown, imports: unknown): Promise<WasmInstance>;
}
const wasmApi = (globalThis as unknown as { WebAssembly: WasmApi }).WebAssembly;

interface GoRuntime {
  importObject: unknown;
  run(instance: WasmInstance): Promise<void>;
}
declare const Go: new () => GoRuntime;

interface PrinterExports {
  memory: { buffer: ArrayBuffer };
  wasmAlloc(size: number): number;
  wasmFree(pointer: number): void;
  process(...args: (number | boolean)[]): number;
}

export interface ShellPrintOptions {
  /** Spaces per nesting level. */
  indent: number;
  /** One line, shortest form: a canonical text for comparing two scripts. */
  minify?: boolean;
}

let printer: PrinterExports | undefined;
let loading: Promise<void> | undefined;
const LANG_BASH = 1;

/** Loads the printer once. Until it resolves, `printShell` returns undefined. */
export function initShellPrinter(): Promise<void> {
  loading ??= (async () => {
    // Baseline-compiled code only, as the tree-sitter loader (shellParser.ts) sets it too: the
    // printer's code then starts fast and is not recompiled by the optimizing tier while files are
    // formatted. Measured on `layerwise format`: 218 corpus files 0.65-0.70 s -> 0.45-0.57 s, a
    // messy 10,000-line file 0.59-0.84 s -> 0.46-0.54 s; in one process, the first format of that
    // file 575-610 ms -> 210 ms, warm formats the same (about 45 us per printer call either way).
    preferBaselineCompiler();
    const module = await wasmApi.compile(await readWasm('sh-syntax.wasm'));
    const go = new Go();
    const instance = await wasmApi.instantiate(module, go.importObject);
    // main() returns at once; the exports stay callable.
    void go.run(instance);
    printer = instance.exports as unknown as PrinterExports;
  })();
  return loading;
}

export function isShellPrinterReady(): boolean {
  return printer !== undefined;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Writes bytes into a fresh Go slice; returns its header (for wasmFree) and its data pointer. */
function put(exports: PrinterExports, bytes: Uint8Array): [header: number, data: number] {
  const header = exports.wasmAlloc(bytes.byteLength);
  const data = new DataView(exports.memory.buffer).getUint32(header, true);
  new Uint8Array(exports.memory.buffer).set(bytes, data);
  return [header, data];
}

/**
 * Printed scripts by options and text, least recently used first (a Map keeps insertion order; a
 * hit moves its entry to the end). Bounded by entries and by characters (keys and results), so
 * warming a document's RUNs ahead of a format request (formatWarmer.ts) cannot grow it without end.
 */
const recent = new Map<string, string | undefined>();
let recentChars = 0;
const MAX_RECENT = 4000;
const MAX_RECENT_CHARS = 8 * 1024 * 1024;

const entryChars = (key: string, printed: string | undefined): number => key.length + (printed?.length ?? 0);

function remember(key: string, printed: string | undefined): void {
  const size = entryChars(key, printed);
  if (size > MAX_RECENT_CHARS / 8) return;
  recent.set(key, printed);
  recentChars += size;
  while (recent.size > MAX_RECENT || recentChars > MAX_RECENT_CHARS) {
    const [oldest, value] = recent.entries().next().value!;
    recent.delete(oldest);
    recentChars -= entryChars(oldest, value);
  }
}

/** For tests: forgets every printed script (the next prints are cold). */
export function clearShellPrintCache(): void {
  recent.clear();
  recentChars = 0;
}

/** For tests: how many printed scripts are kept, and their characters. */
export function shellPrintCacheSize(): { entries: number; chars: number } {
  return { entries: recent.size, chars: recentChars };
}

/**
 * The printer's parser recurses once per nesting level and per `&&`/`||`/`|` of a chain, on the
 * small stack of its WebAssembly build: 500 nested `$(`, or a chain of 1,000 commands, overrun it
 * and break the instance (measured; 200 levels and 600 commands are fine). Scripts past these
 * bounds are not printed (the RUN keeps its text). Real RUNs stay far below them.
 */
const MAX_PRINT_NESTING = 100;
const MAX_PRINT_CHAIN = 400;
const MAX_PRINT_LENGTH = 256 * 1024;

/** Whether the printer can take the script safely: a linear scan that over-counts (quotes are not read). */
function printerCanTake(script: string): boolean {
  if (script.length > MAX_PRINT_LENGTH) return false;
  let depth = 0;
  let chain = 0;
  let word = '';
  for (let i = 0; i <= script.length; i++) {
    const ch = script[i] ?? ' ';
    if (/[A-Za-z]/.test(ch)) {
      word += ch;
      continue;
    }
    if (word === 'if' || word === 'for' || word === 'while' || word === 'until' || word === 'case' || word === 'select')
      depth++;
    else if ((word === 'fi' || word === 'done' || word === 'esac') && depth > 0) depth--;
    word = '';
    if (ch === '(' || ch === '{' || ch === '`') depth++;
    else if ((ch === ')' || ch === '}') && depth > 0) depth--;
    else if (ch === '|' || (ch === '&' && script[i + 1] === '&')) chain++;
    if (depth > MAX_PRINT_NESTING || chain > MAX_PRINT_CHAIN) return false;
  }
  return true;
}

/** The script printed by shfmt (bash syntax, comments kept), or undefined when it does not parse. */
export function printShell(script: string, options: ShellPrintOptions): string | undefined {
  if (!printer || !printerCanTake(script)) return undefined;
  const key = `${options.indent}${options.minify ? 'm' : 'p'}\0${script}`;
  if (recent.has(key)) {
    const printed = recent.get(key);
    // Most recently used now.
    recent.delete(key);
    recent.set(key, printed);
    return printed;
  }
  const printed = printFresh(printer, script, options);
  remember(key, printed);
  return printed;
}

function printFresh(exports: PrinterExports, script: string, options: ShellPrintOptions): string | undefined {
  try {
    return printOnce(exports, script, options);
  } catch {
    // The instance trapped (an input past what the bounds above foresee): it cannot be trusted
    // again. Load a fresh one; until then scripts are not printed.
    printer = undefined;
    loading = undefined;
    void initShellPrinter().catch(() => undefined);
    return undefined;
  }
}

function printOnce(exports: PrinterExports, script: string, options: ShellPrintOptions): string | undefined {
  const text = encoder.encode(script);
  const [pathHeader, path] = put(exports, new Uint8Array(0));
  const [textHeader, textData] = put(exports, text);
  const [stopHeader, stop] = put(exports, new Uint8Array(0));
  try {
    // prettier-ignore
    const result = exports.process(
      path,
      0,
      0,
      textData,
      text.byteLength,
      text.byteLength,
      true, // print
      !options.minify,
      LANG_BASH,
      stop,
      0,
      0,
      0, // keepComments, variant, stopAt, recoverErrors
      false, // simplify
      Math.max(0, Math.min(16, options.indent)),
      true, // binaryNextLine: `&&` and `|` start the continued line
      true, // switchCaseIndent
      false, // spaceRedirects: `>/dev/null`, as shfmt prints by default
      false, // keepPadding
      options.minify === true,
      false, // singleLine
      false, // functionNextLine
    );
    const bytes = new Uint8Array(exports.memory.buffer).subarray(result);
    const json = decoder.decode(bytes.subarray(0, bytes.indexOf(0)));
    const parsed = JSON.parse(json) as { text?: string; parseError?: unknown; message?: string };
    if (parsed.parseError || parsed.message || typeof parsed.text !== 'string') return undefined;
    return parsed.text;
  } finally {
    exports.wasmFree(pathHeader);
    exports.wasmFree(textHeader);
    exports.wasmFree(stopHeader);
  }
}
