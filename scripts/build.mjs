// Bundles the client, the server and the CLI with esbuild: dist/extension.js, dist/server.js, dist/cli.js.
import * as esbuild from 'esbuild';
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
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
    define: { 'import.meta.url': 'importMetaUrl' },
    banner: { js: "#!/usr/bin/env node\nconst importMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
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
