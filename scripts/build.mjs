// Bundles the client and the server with esbuild: dist/extension.js and dist/server.js.
import * as esbuild from 'esbuild';

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
};

const builds = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
];

if (watch) {
  for (const options of builds) (await esbuild.context(options)).watch();
  console.log('esbuild: watching client and server');
} else {
  await Promise.all(builds.map((options) => esbuild.build(options)));
}
