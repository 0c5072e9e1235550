// Reads `ps -a --format '{{.Names}}\t{{.State}}'`. Docker prints the state as a word
// (`running`, `exited`); podman 4 prints its status there (`Up 13 seconds ago`, `Exited (0) …`).
// Pure.

export function runningContainerNames(stdout: string): Set<string> {
  const running = new Set<string>();
  for (const line of stdout.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab <= 0) continue;
    const state = line.slice(tab + 1).trim();
    if (state === 'running' || /^up\b/i.test(state)) running.add(line.slice(0, tab));
  }
  return running;
}
