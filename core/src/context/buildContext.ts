// The files a build would send: the context folder minus what .dockerignore leaves out.
// A BuildContext is a snapshot: made at once from the .dockerignore (no listing yet), then
// `listed()` walks the folder asynchronously (contextWalk.ts) and returns the same context with
// its files. Until then, readers ask cheap questions about single paths (`kindOf`, one stat);
// in the server, reading `listing` starts the shared walk (contextListings.ts) and never waits.
import { basename, dirname, join } from 'node:path';
import { type FileAccess, type FolderNames, fileErrorCode, isAbsent, NOT_READ_YET } from '../files/fileAccess';
import { nodeFiles } from '../files/nodeFileAccess';
import { type ContextListing, type EntryKind, walkContext, type WalkOptions } from './contextWalk';
import { DockerIgnore } from './dockerignore';

export type { ContextListing, EntryKind } from './contextWalk';

/** Names of the root read at once when the walk has not listed them yet. */
const MAX_TOP_LEVEL_READ = 2_000;

export interface TopLevelEntries {
  /** Names directly in the context root, ignored ones included. */
  entries: ReadonlyMap<string, EntryKind>;
  /** Every name of the root is there (false when the root holds more than could be read). */
  complete: boolean;
}

interface ContextParts {
  /** Absolute path of the context root. */
  root: string;
  dockerignore?: DockerIgnore;
  /** The .dockerignore file in effect, when there is one (also when it could not be read). */
  dockerignorePath?: string;
  /** The .dockerignore text, for fixes that append to it. */
  dockerignoreText?: string;
  /** Why the .dockerignore in effect could not be read: its patterns are unknown. */
  dockerignoreError?: unknown;
  listing?: ContextListing;
  /** Called when `listing` is read before there is one: starts a walk whose end makes a new snapshot. */
  wantListing?: () => void;
  /** Where the context's files are read (Node's fs unless given). */
  files?: FileAccess;
}

export class BuildContext {
  readonly root: string;
  readonly dockerignore: DockerIgnore | undefined;
  readonly dockerignorePath: string | undefined;
  readonly dockerignoreText: string | undefined;
  readonly dockerignoreError: unknown;
  private readonly walked: ContextListing | undefined;
  private readonly wantListing: (() => void) | undefined;
  private readonly files: FileAccess;
  private topLevel: TopLevelEntries | undefined;
  private readonly kinds = new Map<string, EntryKind | 'absent' | undefined>();

  constructor(parts: ContextParts) {
    this.root = parts.root;
    this.dockerignore = parts.dockerignore;
    this.dockerignorePath = parts.dockerignorePath;
    this.dockerignoreText = parts.dockerignoreText;
    this.dockerignoreError = parts.dockerignoreError;
    this.walked = parts.listing;
    this.wantListing = parts.wantListing;
    this.files = parts.files ?? nodeFiles;
  }

  /** The default context of a Dockerfile: its folder; `<Dockerfile>.dockerignore` wins over `.dockerignore`. */
  static forDockerfile(dockerfilePath: string, root = dirname(dockerfilePath), files = nodeFiles): BuildContext {
    const candidates = [
      join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`),
      join(root, '.dockerignore'),
    ];
    for (const candidate of candidates) {
      const read = readDockerignore(candidate, files);
      if (!read) continue;
      if ('error' in read)
        return new BuildContext({ root, dockerignorePath: candidate, dockerignoreError: read.error, files });
      return new BuildContext({
        root,
        dockerignore: DockerIgnore.parse(read.text),
        dockerignorePath: candidate,
        dockerignoreText: read.text,
        files,
      });
    }
    return new BuildContext({ root, files });
  }

  /** Contexts with the same key send the same files: one walk serves them all. */
  get key(): string {
    return `${this.root}\0${this.dockerignorePath ?? ''}`;
  }

  /** The walked files; undefined until listed (reading it then asks for a walk, where one is wired). */
  get listing(): ContextListing | undefined {
    if (!this.walked) this.wantListing?.();
    return this.walked;
  }

  /** The same snapshot, asking `want` for a walk when its listing is read. */
  withListingRequest(want: () => void): BuildContext {
    return new BuildContext({ ...this.parts(), wantListing: want });
  }

  /** This context with its files listed by an asynchronous, bounded walk. */
  async listed(options?: WalkOptions): Promise<BuildContext> {
    return this.withListing(await walkContext(this.root, this.dockerignore, { files: this.files, ...options }));
  }

  withListing(listing: ContextListing): BuildContext {
    return new BuildContext({ ...this.parts(), listing });
  }

  isIgnored(relativePath: string): boolean {
    return this.dockerignore?.isIgnored(relativePath) ?? false;
  }

  /** What is at a context path, by one stat (links followed), remembered; undefined when it cannot be told. */
  kindOf(relativePath: string): EntryKind | 'absent' | undefined {
    if (this.kinds.has(relativePath)) return this.kinds.get(relativePath);
    let kind: EntryKind | 'absent' | undefined;
    try {
      kind = this.files.stat(join(this.root, relativePath)).isDirectory ? 'directory' : 'file';
    } catch (error) {
      kind = isAbsent(error) ? 'absent' : undefined;
    }
    this.kinds.set(relativePath, kind);
    return kind;
  }

  /** The URI of a file of the context (for links). */
  uriOf(relativePath: string): string {
    return this.files.uriOf(join(this.root, relativePath));
  }

  /** Names directly in the context root: from the listing, else read at once (at most MAX_TOP_LEVEL_READ). */
  topLevelEntries(): TopLevelEntries {
    if (this.walked) return { entries: this.walked.topLevel, complete: this.walked.topLevelComplete };
    this.topLevel ??= readTopLevel(this.root, this.files);
    return this.topLevel;
  }

  private parts(): ContextParts {
    const { root, dockerignore, dockerignorePath, dockerignoreText, dockerignoreError, files } = this;
    return { root, dockerignore, dockerignorePath, dockerignoreText, dockerignoreError, files };
  }
}

/**
 * The text of a .dockerignore; undefined when there is none (or, over a file access that asks the
 * editor, none known yet: its answer makes the context be read again); the error when it is there
 * but unreadable.
 */
function readDockerignore(path: string, files: FileAccess): { text: string } | { error: unknown } | undefined {
  try {
    const stat = files.stat(path);
    // A folder or a pipe by that name would make the build fail; never block reading a pipe.
    if (!stat.isFile)
      return {
        error: Object.assign(new Error(`${path} is not a file`), { code: stat.isDirectory ? 'EISDIR' : 'EINVAL' }),
      };
    return { text: files.readText(path) };
  } catch (error) {
    return isAbsent(error) || fileErrorCode(error) === NOT_READ_YET ? undefined : { error };
  }
}

function readTopLevel(root: string, files: FileAccess): TopLevelEntries {
  const entries = new Map<string, EntryKind>();
  let read: FolderNames;
  try {
    read = files.readFolder(root, MAX_TOP_LEVEL_READ);
  } catch (error) {
    // No folder: an empty context; not read yet: nothing known.
    return { entries, complete: fileErrorCode(error) !== NOT_READ_YET };
  }
  for (const entry of read.entries) entries.set(entry.name, entry.isDirectory() ? 'directory' : 'file');
  return { entries, complete: read.complete };
}
