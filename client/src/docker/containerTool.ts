// Which container tool `layerwise.docker.path` names, docker or podman, so that messages name the
// tool the user runs ("Podman is not installed", "Cannot reach the Podman service") from one
// message table: the names go in as arguments. Pure.
import type { Translator } from '../l10n/translator';

export interface ContainerTool {
  /** The product name in sentences: `Docker`, `Podman`. */
  readonly name: 'Docker' | 'Podman';
  /** The command as users type it: `docker build`, `podman build`. */
  readonly command: 'docker' | 'podman';
  /** The variable that points the CLI at a remote engine. */
  readonly hostVariable: 'DOCKER_HOST' | 'CONTAINER_HOST';
}

const docker: ContainerTool = { name: 'Docker', command: 'docker', hostVariable: 'DOCKER_HOST' };
const podman: ContainerTool = { name: 'Podman', command: 'podman', hostVariable: 'CONTAINER_HOST' };

/** `podman`, `/usr/bin/podman`, `C:\...\podman.exe`, `podman-remote`: the file name says podman. */
export function namesPodman(executable: string): boolean {
  const fileName = executable.split(/[\\/]/).at(-1)?.toLowerCase() ?? '';
  return /^podman(?:-remote)?(?:\.exe)?$/.test(fileName);
}

/** The tool an executable is, by its file name; anything not podman is worded as docker. */
export function containerTool(executable: string): ContainerTool {
  return namesPodman(executable) ? podman : docker;
}

/** What the CLI talks to: "Docker daemon", "Podman service". */
export function engineName(tool: ContainerTool, l10n: Translator): string {
  return tool.name === 'Podman' ? l10n.t('Podman service') : l10n.t('Docker daemon');
}
