// The containers Layerwise started in this session (for Stop, Show Logs, Open Shell). Pure.

export interface StartedContainer {
  readonly name: string;
  readonly image: string;
  readonly dockerfileUri: string | undefined;
  /** Host ports published, for "Open in Browser". */
  readonly hostPorts: readonly number[];
  readonly startedAt: number;
}

export class StartedContainers {
  private readonly containers = new Map<string, StartedContainer>();

  add(container: StartedContainer): void {
    this.containers.set(container.name, container);
  }

  remove(name: string): void {
    this.containers.delete(name);
  }

  /** Newest first. */
  list(): StartedContainer[] {
    return [...this.containers.values()].sort((a, b) => b.startedAt - a.startedAt);
  }

  /** Forgets containers that are no longer there (given the names docker still reports). */
  retainOnly(existing: ReadonlySet<string>): void {
    for (const name of [...this.containers.keys()]) if (!existing.has(name)) this.containers.delete(name);
  }
}
