// `npm run test:vscode`: the standard VS Code harness (@vscode/test-electron). It downloads a
// VS Code build, starts it with the extension in development mode and runs suite.ts inside the
// extension host. Machines that cannot reach the VS Code download server (our CI and dev
// boxes) say so and exit 0; there, `npm run test:e2e` covers the same flows in code-server.
import { join } from 'node:path';

import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..');

async function downloadReachable(): Promise<boolean> {
  try {
    const response = await fetch('https://update.code.visualstudio.com/api/releases/stable', {
      signal: AbortSignal.timeout(5_000),
    });
    return response.ok;
  } catch {
    return false;
  }
}

async function main(): Promise<void> {
  if (!(await downloadReachable())) {
    console.log(
      'test:vscode: VS Code cannot be downloaded from this machine; skipping the @vscode/test-electron suite ' +
        '(npm run test:e2e covers these flows in code-server).',
    );
    return;
  }
  const outfile = join(root, 'out', 'vscode-suite.js');
  await esbuild.build({
    entryPoints: [join(__dirname, 'suite.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['vscode'],
  });
  const { runTests } = await import('@vscode/test-electron');
  await runTests({
    extensionDevelopmentPath: root,
    extensionTestsPath: outfile,
    launchArgs: [join(root, 'test', 'e2e', 'workspace'), '--disable-extensions', '--disable-workspace-trust'],
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
