// Where the shell parser's and printer's WebAssembly comes from on Node: next to the bundle
// (dist/, copied by scripts/build.mjs), else in node_modules (tests run the sources). The browser
// build of the server puts server/src/browser/browserWasmFiles.ts in this module's place, which
// fetches the same files from the extension's own folder.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';

export type WasmFile = 'tree-sitter.wasm' | 'tree-sitter-bash.wasm' | 'sh-syntax.wasm';

/** Each file's place in node_modules. */
const PACKAGE_PATHS: Readonly<Record<WasmFile, string>> = {
  'tree-sitter.wasm': 'web-tree-sitter/tree-sitter.wasm',
  'tree-sitter-bash.wasm': 'tree-sitter-bash/tree-sitter-bash.wasm',
  'sh-syntax.wasm': 'sh-syntax/main.wasm',
};

export async function readWasm(file: WasmFile): Promise<Uint8Array> {
  const bundled = join(__dirname, file);
  return readFileSync(existsSync(bundled) ? bundled : require.resolve(PACKAGE_PATHS[file]));
}

/**
 * V8's optimising compiler (TurboFan) takes hundreds of milliseconds and about 40 MB on
 * tree-sitter-bash's huge lexer function when it first runs; the baseline compiler's code parses
 * scripts fast enough (measured: 10,000-line open 0.63 s instead of 0.92-1.0 s, peak memory of a
 * small file 70 MB instead of 107 MB), and the printer's code starts fast too. Only these wasm
 * modules run in the process.
 */
export function preferBaselineCompiler(): void {
  setFlagsFromString('--liftoff-only');
}
