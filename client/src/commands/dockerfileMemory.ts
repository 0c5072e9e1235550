// What the user answered last time, per Dockerfile: tag, context, target, build-arg values,
// container name, host ports, last image. Stored through a Memento-like interface. Pure.

export interface RememberedChoices {
  readonly tag?: string;
  readonly context?: string;
  readonly target?: string;
  readonly buildArgs?: Readonly<Record<string, string>>;
  readonly containerName?: string;
  /** Host port chosen per container port ("8080/tcp" → 18080). */
  readonly hostPorts?: Readonly<Record<string, string>>;
  /** The last image built from this Dockerfile. */
  readonly lastImage?: string;
}

export interface KeyValueMemory {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

const keyPrefix = 'layerwise.docker.choices:';

export class DockerfileMemory {
  constructor(private readonly memory: KeyValueMemory) {}

  get(dockerfileUri: string): RememberedChoices {
    const stored = this.memory.get<unknown>(keyPrefix + dockerfileUri);
    return typeof stored === 'object' && stored !== null ? (stored as RememberedChoices) : {};
  }

  async remember(dockerfileUri: string, choices: RememberedChoices): Promise<void> {
    const merged: RememberedChoices = {
      ...this.get(dockerfileUri),
      ...choices,
      buildArgs: { ...this.get(dockerfileUri).buildArgs, ...choices.buildArgs },
      hostPorts: { ...this.get(dockerfileUri).hostPorts, ...choices.hostPorts },
    };
    await this.memory.update(keyPrefix + dockerfileUri, merged);
  }
}
