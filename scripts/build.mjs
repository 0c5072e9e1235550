// Bundles the client, the server and the CLI with esbuild: dist/extension.js, dist/server.js, dist/cli.js,
// and for web extension hosts dist/browser/extension.js and dist/browser/server.js (a web worker).
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { join, resolve } from 'node:path';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Docs are Markdown data, bundled as text.
  loader: { '.md': 'text' },
  // jsonc-parser's main build is UMD with run-time require()s a bundle cannot follow: take its ES modules.
  alias: { 'jsonc-parser': 'jsonc-parser/lib/esm/main.js' },
};

/**
 * Docs are data: core/src/docs/docFiles.ts reads core/docs at run time when tests run from
 * sources; in the bundle it becomes a module holding every file's text, so no docs are read from disk.
 */
const docsFolder = resolve('core/docs');
const bundledDocs = {
  name: 'bundled-docs',
  setup(build) {
    build.onLoad({ filter: /[\\/]core[\\/]src[\\/]docs[\\/]docFiles\.ts$/ }, () => {
      const entries = readdirSync(docsFolder, { recursive: true, encoding: 'utf8' })
        .filter((entry) => /\.(md|json)$/.test(entry))
        .sort()
        .map((entry) => [entry.split('\\').join('/'), readFileSync(join(docsFolder, entry), 'utf8')]);
      return {
        contents: `export const DOC_FILES = new Map(${JSON.stringify(entries)});`,
        loader: 'js',
        watchDirs: [docsFolder, ...new Set(entries.map(([path]) => join(docsFolder, path, '..')))],
      };
    });
  },
};

/** Node's modules the browser bundles get in a browser version of their own (the functions used). */
const BROWSER_SHIMS = {
  'node:path': 'server/src/browser/shims/path.ts',
  'node:url': 'server/src/browser/shims/url.ts',
  'node:crypto': 'server/src/browser/shims/crypto.ts',
  'node:perf_hooks': 'server/src/browser/shims/perfHooks.ts',
};

/**
 * Node-only branches inside packages, kept as they are: each runs only where `process` (Node) or a
 * global `require` exists, never in a browser. web-tree-sitter imports `module` and `fs/promises` when
 * it finds Node;
 * Go's wasm_exec (sh-syntax) requires fs, crypto and util only when the global has none.
 */
const NODE_BRANCHES = [
  { importer: /[\\/]web-tree-sitter[\\/]tree-sitter\.js$/, modules: ['module', 'fs/promises'] },
  { importer: /[\\/]sh-syntax[\\/]vendors[\\/]wasm_exec\.cjs$/, modules: ['node:fs', 'node:crypto', 'node:util'] },
];

/** core's Node-only modules, and what takes their place in the browser. */
const BROWSER_MODULES = [
  // The .wasm files are fetched from the extension's folder.
  { file: /[\\/]core[\\/]src[\\/]shell[\\/]wasmFiles\.ts$/, by: 'server/src/browser/browserWasmFiles.ts' },
];

/**
 * Node's file access is the default of core's readers; the browser server always passes its own
 * (server/src/browser/requestFileAccess.ts), so its place holds an access that reads nothing.
 */
const NO_LOCAL_FILES = `
const none = () => { throw new Error('Layerwise: no local file system in the browser'); };
export const nodeFiles = {
  pathOf: () => undefined, uriOf: none, stat: none, readText: none, readFolder: none,
  openFolder: async () => none(), statLater: async () => none(), readRegularFile: async () => undefined,
};`;

/** Keeps Node out of a browser bundle: shims, the listed package branches, or a build error naming the importer. */
const browserOnly = {
  name: 'browser-only',
  setup(build) {
    build.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_]+)?$/ }, (args) => {
      const name = args.path.replace(/^node:/, '');
      if (!builtinModules.includes(name)) return undefined;
      if (BROWSER_SHIMS[args.path]) return { path: resolve(BROWSER_SHIMS[args.path]) };
      if (NODE_BRANCHES.some((branch) => branch.importer.test(args.importer) && branch.modules.includes(args.path)))
        return { path: args.path, external: true };
      return {
        errors: [{ text: `${args.path} is Node's and cannot run in a browser (imported by ${args.importer})` }],
      };
    });
    build.onLoad({ filter: /[\\/]core[\\/]src[\\/]files[\\/]nodeFileAccess\.ts$/ }, () => ({
      contents: NO_LOCAL_FILES,
      loader: 'js',
    }));
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const swap = BROWSER_MODULES.find((module) => module.file.test(args.path));
      if (!swap) return undefined;
      return { contents: `export * from ${JSON.stringify(resolve(swap.by))};`, loader: 'ts' };
    });
  },
};

/** The web extension host's bundles: no Node built-ins, globals of a web worker only. */
const browserCommon = {
  ...common,
  platform: 'browser',
  target: 'es2022',
  outdir: undefined,
  // Node's `global` is the worker's global scope.
  define: { global: 'globalThis' },
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  {
    ...common,
    entryPoints: ['server/src/server.ts'],
    outfile: 'dist/server.js',
    plugins: [bundledDocs],
    // web-tree-sitter's ES module reads import.meta.url to find its .wasm: give it the bundle's URL.
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "const importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  // `layerwise check`: the server's analysis without VS Code, run by `npx layerwise`.
  {
    ...common,
    entryPoints: ['cli/src/main.ts'],
    outfile: 'dist/cli.js',
    // The recorded base-image facts (core/docs/imageFacts.json) are read through the docs' files.
    plugins: [bundledDocs],
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  },
  // The web extension host's client: the server runs in a worker it starts from dist/browser/server.js.
  {
    ...browserCommon,
    entryPoints: ['client/src/browserExtension.ts'],
    outfile: 'dist/browser/extension.js',
    external: ['vscode'],
    plugins: [browserOnly],
  },
  {
    ...browserCommon,
    entryPoints: ['server/src/browserServer.ts'],
    outfile: 'dist/browser/server.js',
    plugins: [browserOnly, bundledDocs],
    // web-tree-sitter also builds a URL from import.meta.url in the browser unless given locateFile
    // (core/src/shell/shellParser.ts gives one: a worker started from a blob: URL has no valid base).
    define: { ...browserCommon.define, 'import.meta.url': 'self.location.href' },
    // setImmediate (Node's) yields between the slices of a check.
    inject: ['server/src/browser/shims/immediate.ts'],
  },
];

// The shell parser's WebAssembly files, found next to dist/server.js at run time.
const require = createRequire(import.meta.url);
mkdirSync('dist', { recursive: true });
for (const file of ['web-tree-sitter/tree-sitter.wasm', 'tree-sitter-bash/tree-sitter-bash.wasm']) {
  copyFileSync(require.resolve(file), `dist/${file.slice(file.indexOf('/') + 1)}`);
}
// shfmt's printer for formatting RUN scripts (core/src/shell/shellPrinter.ts).
copyFileSync(require.resolve('sh-syntax/main.wasm'), 'dist/sh-syntax.wasm');

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('esbuild: watching client, server and CLI');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
  // Runnable as ./dist/cli.js too, not only through npm's bin link.
  chmodSync('dist/cli.js', 0o755);
}
