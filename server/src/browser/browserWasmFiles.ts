// core/src/shell/wasmFiles.ts's place in the browser bundle of the server (scripts/build.mjs swaps
// them): the .wasm files are fetched from the extension's own files, whose URLs the client sends in
// initializationOptions (protocol WASM_LOCATION_OPTION). Loading starts before `initialize` arrives
// and waits for them.
import type * as NodeWasmFiles from '../../../core/src/shell/wasmFiles';

/** Where each file is: a folder URL, or a URL per file. */
type WasmLocation = string | Readonly<Record<string, unknown>>;

let setLocation: ((location: WasmLocation) => void) | undefined;
let failLocation: ((error: Error) => void) | undefined;
const wasmLocation = new Promise<WasmLocation>((resolve, reject) => {
  setLocation = resolve;
  failLocation = reject;
});
// Nobody may be waiting yet when it fails.
wasmLocation.catch(() => undefined);

/** The folder URL of the .wasm files, or their URLs by file name; anything else fails every load with a reason. */
export function setWasmLocation(location: unknown): void {
  if (typeof location === 'string' && location !== '')
    setLocation?.(location.endsWith('/') ? location : `${location}/`);
  else if (typeof location === 'object' && location !== null) setLocation?.(location as Record<string, unknown>);
  else
    failLocation?.(
      new Error('the client sent no location for the .wasm files: the shell parser and printer cannot load'),
    );
}

async function urlOf(file: string): Promise<URL> {
  const location = await wasmLocation;
  if (typeof location === 'string') return new URL(file, location);
  const url = location[file];
  if (typeof url !== 'string') throw new Error(`the client sent no URL for ${file}`);
  return new URL(url);
}

export const readWasm: typeof NodeWasmFiles.readWasm = async (file) => {
  const url = await urlOf(file);
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url.href}: ${response.status} ${response.statusText}`);
  return new Uint8Array(await response.arrayBuffer());
};

/** The page's engine chooses its compilers; nothing to set. */
export const preferBaselineCompiler: typeof NodeWasmFiles.preferBaselineCompiler = () => undefined;
