// What a base image's config sets up for the stages built on it: its ENV, USER, WORKDIR,
// ENTRYPOINT, CMD, ports and more. Read from the local engine (`docker image inspect`) by the
// client, or recorded offline for common official images; never fetched from a registry.

/** Where a set of image facts came from, so hovers can say how far to trust them. */
export type ImageFactsSource =
  /** `docker image inspect` (or podman's) on this machine. */
  | { readonly kind: 'local'; readonly imageId: string; readonly created?: string | undefined }
  /** Recorded by Layerwise for a common official image tag; `recordedOn` is an ISO date. */
  | { readonly kind: 'recorded'; readonly recordedOn: string; readonly basis: string };

export interface ImageFacts {
  /** The reference the facts are for, as the FROM resolves it (e.g. `node:22`). */
  readonly reference: string;
  readonly source: ImageFactsSource;
  /** `NAME=value` pairs of the config's Env, in order, as name and value. */
  readonly env: readonly (readonly [name: string, value: string])[];
  /** Config.User; '' when unset (root). */
  readonly user: string;
  /** Config.WorkingDir; '' when unset (`/`). */
  readonly workdir: string;
  /** Config.Entrypoint; undefined when unset. */
  readonly entrypoint: readonly string[] | undefined;
  /** Config.Cmd; undefined when unset. */
  readonly cmd: readonly string[] | undefined;
  /** Config.ExposedPorts keys, e.g. `80/tcp`. */
  readonly exposedPorts: readonly string[];
  /** Config.Volumes keys. */
  readonly volumes: readonly string[];
  readonly labels: Readonly<Record<string, string>>;
  readonly os?: string | undefined;
  readonly architecture?: string | undefined;
  /** Image size in bytes, when known. */
  readonly sizeBytes?: number | undefined;
  /** Number of layers (RootFS.Layers), when known. */
  readonly layerCount?: number | undefined;
  /** Config.Healthcheck sets a test (not NONE); undefined when not known. */
  readonly healthcheck?: boolean | undefined;
  /**
   * Config.Shell: what shell-form RUN, CMD and ENTRYPOINT run with in stages on this image (set by a
   * SHELL instruction when the image was built); undefined when unset or not known (`/bin/sh -c`).
   */
  readonly shell?: readonly string[] | undefined;
}

/** Looks up what is known about an image reference; undefined when nothing is. */
export interface ImageFactsLookup {
  factsFor(reference: string): ImageFacts | undefined;
}
