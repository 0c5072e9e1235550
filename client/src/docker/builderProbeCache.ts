// Remembers which builder each CLI configuration builds with, so that a build does not first run
// `version` and `buildx version` every time. An answer is kept for a short while only (buildx may
// be installed, Docker Desktop switched to another engine) and only when the CLI answered: a probe
// that found no daemon is asked again next time. Concurrent builds share one probe. Pure: the
// probe and the clock come in.
import type { DetectedBuilder } from './builderDetection';
import type { DockerSettings } from './settings';

export type ProbedSettings = Pick<DockerSettings, 'dockerPath' | 'dockerContext' | 'dockerEnv'>;

/** How long an answer is used: a session's builds within minutes of each other share it. */
const validityMs = 5 * 60_000;

interface Entry {
  readonly builder: Promise<DetectedBuilder>;
  readonly probedAt: number;
}

export class BuilderProbeCache {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly probe: (settings: ProbedSettings) => Promise<DetectedBuilder>,
    private readonly now: () => number = Date.now,
  ) {}

  /** The builder for these settings: the remembered answer while it is fresh, else a new probe. */
  builderFor(settings: ProbedSettings): Promise<DetectedBuilder> {
    const key = probeKey(settings);
    const remembered = this.entries.get(key);
    const now = this.now();
    if (remembered !== undefined && now - remembered.probedAt < validityMs && now >= remembered.probedAt)
      return remembered.builder;
    const builder = this.probe(settings);
    const entry = { builder, probedAt: now };
    this.entries.set(key, entry);
    const forget = (): void => {
      if (this.entries.get(key) === entry) this.entries.delete(key);
    };
    // clientVersion comes from the `version` answer: without it detection only guessed.
    void builder.then((found) => (found.clientVersion === undefined ? forget() : undefined), forget);
    return builder;
  }

  /** Forgets every answer (the docker settings changed). */
  clear(): void {
    this.entries.clear();
  }
}

/** One key per executable, context and extra environment (in any order of its variables). */
function probeKey(settings: ProbedSettings): string {
  const env = Object.entries(settings.dockerEnv).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return JSON.stringify([settings.dockerPath, settings.dockerContext, env]);
}
