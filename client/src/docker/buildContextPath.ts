// Where the build context is: the `layerwise.build.context` setting (with ${workspaceFolder}
// and ${fileDirname}; relative to the workspace folder) or the Dockerfile's folder. Pure.
import * as path from 'node:path';

export function resolveBuildContext(
  setting: string,
  dockerfilePath: string,
  workspaceFolder: string | undefined,
): string {
  const dockerfileDir = path.dirname(dockerfilePath);
  if (setting.trim() === '') return dockerfileDir;
  const root = workspaceFolder ?? dockerfileDir;
  const expanded = setting
    .trim()
    .replace(/\$\{workspaceFolder\}/g, root)
    .replace(/\$\{fileDirname\}/g, dockerfileDir);
  return path.resolve(root, expanded);
}
