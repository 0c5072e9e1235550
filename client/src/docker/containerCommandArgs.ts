// Argument arrays for the smaller docker commands Layerwise runs. Pure and unit-tested.

/** Flag values that start with "-" would be read as flags; refuse them. */
function checkOperand(kind: string, value: string): string {
  if (value === '' || value.startsWith('-')) throw new Error(`"${value}" is not a valid ${kind}.`);
  return value;
}

/** `stop [-t seconds] <container>`: SIGTERM, then SIGKILL after the grace period (docker's default 10 s). */
export function containerStopArgs(container: string, graceSeconds?: number): string[] {
  const grace = graceSeconds === undefined ? [] : ['-t', String(Math.max(0, Math.round(graceSeconds)))];
  return ['stop', ...grace, checkOperand('container', container)];
}

export function containerLogsArgs(container: string, follow: boolean): string[] {
  return follow ? ['logs', '-f', checkOperand('container', container)] : ['logs', checkOperand('container', container)];
}

/** `exec -it <container> sh`: a shell the user can type into. */
export function containerShellArgs(container: string, shell = 'sh'): string[] {
  return ['exec', '-it', checkOperand('container', container), shell];
}

/** One JSON object per layer, newest first, sizes in bytes. */
export function imageHistoryArgs(image: string): string[] {
  return ['history', '--no-trunc', '--human=false', '--format', '{{json .}}', checkOperand('image', image)];
}

export function imageIdArgs(image: string): string[] {
  return ['image', 'inspect', '--format', '{{.Id}}', checkOperand('image', image)];
}

/** Whether the containers with these names are running: prints `name<TAB>state` per container. */
export function containerStatesArgs(names: readonly string[]): string[] {
  const args = ['ps', '-a', '--format', '{{.Names}}\t{{.State}}'];
  for (const name of names) args.push('--filter', `name=^${checkOperand('container', name)}$`);
  return args;
}

/** The probe that tells "CLI missing" from "daemon unreachable": it needs both to succeed. */
export function dockerVersionArgs(): string[] {
  return ['version', '--format', '{{json .}}'];
}
