// Argument arrays for the smaller docker commands Layerwise runs. Pure and unit-tested; a name
// that would be read as a flag is refused with a message worded by the Translator passed in.
import type { Translator } from '../l10n/translator';

/** Flag values that start with "-" would be read as flags; refuse them. */
function checkContainer(value: string, l10n: Translator): string {
  if (value === '' || value.startsWith('-')) throw new Error(l10n.t('"{0}" is not a valid container name.', value));
  return value;
}

function checkImage(value: string, l10n: Translator): string {
  if (value === '' || value.startsWith('-')) throw new Error(l10n.t('"{0}" is not a valid image name.', value));
  return value;
}

/** `stop [-t seconds] <container>`: SIGTERM, then SIGKILL after the grace period (docker's default 10 s). */
export function containerStopArgs(container: string, l10n: Translator, graceSeconds?: number): string[] {
  const grace = graceSeconds === undefined ? [] : ['-t', String(Math.max(0, Math.round(graceSeconds)))];
  return ['stop', ...grace, checkContainer(container, l10n)];
}

export function containerLogsArgs(container: string, follow: boolean, l10n: Translator): string[] {
  return follow ? ['logs', '-f', checkContainer(container, l10n)] : ['logs', checkContainer(container, l10n)];
}

/** `exec -it <container> sh`: a shell the user can type into. */
export function containerShellArgs(container: string, l10n: Translator, shell = 'sh'): string[] {
  return ['exec', '-it', checkContainer(container, l10n), shell];
}

/** One JSON object per layer, newest first, sizes in bytes. */
export function imageHistoryArgs(image: string, l10n: Translator): string[] {
  return ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', checkImage(image, l10n)];
}

export function imageIdArgs(image: string, l10n: Translator): string[] {
  return ['image', 'inspect', '--format', '{{.Id}}', checkImage(image, l10n)];
}

/** `port <container>`: the host address of each published port (docker and podman print the same lines). */
export function containerPortArgs(container: string, l10n: Translator): string[] {
  return ['port', checkContainer(container, l10n)];
}

/** Whether the containers with these names are running: prints `name<TAB>state` per container. */
export function containerStatesArgs(names: readonly string[], l10n: Translator): string[] {
  const args = ['ps', '-a', '--format', '{{.Names}}\t{{.State}}'];
  for (const name of names) args.push('--filter', `name=^${checkContainer(name, l10n)}$`);
  return args;
}

/** The probe that tells "CLI missing" from "daemon unreachable": it needs both to succeed. */
export function dockerVersionArgs(): string[] {
  return ['version', '--format', '{{json .}}'];
}

/** Whether the buildx plugin is there: docker 23 and later build with it when it is. */
export function buildxVersionArgs(): string[] {
  return ['buildx', 'version'];
}
