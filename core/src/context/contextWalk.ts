// Lists a build context the way the builder sends it, without stalling the caller: an
// asynchronous, breadth-first walk that reads each folder in small batches (every batch is a
// trip through the event loop), stops at a budget of entries visited and files kept, never
// follows symbolic links, skips ignored folders unless a `!` pattern could re-include something
// below them (BuildKit's fsutil rule), and remembers the folders it could not read.
import { join } from 'node:path';
import { type FileAccess, type FolderEntry, isAbsent } from '../files/fileAccess';
import { nodeFiles } from '../files/nodeFileAccess';
import type { DockerIgnore } from './dockerignore';

export interface WalkLimits {
  /** Files, folders and ignored entries looked at before the walk stops. */
  maxEntries: number;
  /** Files kept in the listing before the walk stops. */
  maxFiles: number;
  /** Time the walk may take before it stops (a virtual file system answers each folder slowly). */
  maxMilliseconds: number;
}

export const DEFAULT_WALK_LIMITS: WalkLimits = {
  maxEntries: 50_000,
  maxFiles: 20_000,
  maxMilliseconds: Number.POSITIVE_INFINITY,
};

export type EntryKind = 'file' | 'directory';

interface UnreadableFolder {
  /** Relative to the context root, `/`-separated; '' for the root itself. */
  path: string;
  error: unknown;
}

export interface ContextListing {
  /** Files of the context (relative, `/`-separated), ignored ones left out; breadth-first order. */
  readonly files: readonly string[];
  /** Names directly in the root, ignored ones included. */
  readonly topLevel: ReadonlyMap<string, EntryKind>;
  /** Every name of the root was read. */
  readonly topLevelComplete: boolean;
  /** The walk stopped at a limit: files beyond it are not listed. */
  readonly truncated: boolean;
  /** Folders the walk could not read: the files below them are not listed. */
  readonly unreadable: readonly UnreadableFolder[];
  /** Files, folders and ignored entries looked at. */
  readonly entriesVisited: number;
  readonly limits: WalkLimits;
  readonly elapsedMs: number;
}

export interface WalkOptions {
  limits?: Partial<WalkLimits>;
  /** Aborting stops the walk at the next entry; the promise then rejects with an AbortError. */
  signal?: AbortSignal;
  /** Where the folders are read (Node's fs unless given). */
  files?: FileAccess;
  /** Opens a folder for reading; tests replace it to make a folder fail. */
  openFolder?: (path: string) => Promise<AsyncIterable<FolderEntry>>;
}

/** Lists the files of the context at `root` that `ignore` lets through. */
export async function walkContext(
  root: string,
  ignore: DockerIgnore | undefined,
  options: WalkOptions = {},
): Promise<ContextListing> {
  const started = performance.now();
  const limits: WalkLimits = { ...DEFAULT_WALK_LIMITS, ...options.limits };
  const files = options.files ?? nodeFiles;
  const openFolder = options.openFolder ?? ((path: string) => files.openFolder(path));
  const overTime = (): boolean => performance.now() - started > limits.maxMilliseconds;
  const signal = options.signal;
  const descendIgnored = ignoredFolderTest(ignore);
  const kept: string[] = [];
  const topLevel = new Map<string, EntryKind>();
  const unreadable: UnreadableFolder[] = [];
  let topLevelComplete = false;
  let visited = 0;
  let truncated = false;
  // Breadth first, so a huge folder deep down cannot crowd out the files near the root.
  const queue: string[] = [''];
  for (let next = 0; next < queue.length; next++) {
    signal?.throwIfAborted();
    if (visited >= limits.maxEntries || kept.length >= limits.maxFiles || overTime()) {
      truncated = true;
      break;
    }
    const folder = queue[next]!;
    let dir: AsyncIterable<FolderEntry>;
    try {
      dir = await openFolder(join(root, folder));
    } catch (error) {
      if (!isAbsent(error)) unreadable.push({ path: folder, error });
      continue;
    }
    try {
      // The iterator closes the folder when the loop ends, breaks or throws.
      for await (const entry of dir) {
        signal?.throwIfAborted();
        if (visited >= limits.maxEntries || kept.length >= limits.maxFiles) {
          truncated = true;
          break;
        }
        visited++;
        const path = folder === '' ? entry.name : `${folder}/${entry.name}`;
        // A symbolic link is sent as a link, never followed: no loop can form.
        const isFolder = entry.isDirectory();
        if (folder === '') topLevel.set(entry.name, isFolder ? 'directory' : 'file');
        const ignored = ignore?.isIgnored(path) ?? false;
        if (isFolder) {
          if (!ignored || descendIgnored(path)) queue.push(path);
        } else if (!ignored) kept.push(path);
      }
    } catch (error) {
      if (signal?.aborted) throw error;
      if (!isAbsent(error)) unreadable.push({ path: folder, error });
    }
    if (truncated) break;
    if (folder === '') topLevelComplete = true;
    queue[next] = '';
  }
  return {
    files: kept,
    topLevel,
    topLevelComplete,
    truncated,
    unreadable,
    entriesVisited: visited,
    limits,
    elapsedMs: performance.now() - started,
  };
}

/**
 * Whether the walk must look inside an ignored folder: only when a `!` pattern could re-include
 * something below it. Like fsutil: when every exception is a plain path (a trailing `/*` or `/**`
 * aside), only folders on the way to one are entered; an exception with wildcards enters them all.
 */
function ignoredFolderTest(ignore: DockerIgnore | undefined): (folder: string) => boolean {
  const exceptions =
    ignore?.patterns.filter((pattern) => pattern.exclusion).map((pattern) => withoutTrailingGlob(pattern.text)) ?? [];
  if (exceptions.length === 0) return () => false;
  if (exceptions.some((text) => /[*?[\]^\\]/.test(text))) return () => true;
  return (folder) => exceptions.some((text) => `${text}/`.startsWith(`${folder}/`));
}

function withoutTrailingGlob(text: string): string {
  const trimmed = text.endsWith('/**') ? text.slice(0, -3) : text;
  return trimmed.endsWith('/*') ? trimmed.slice(0, -2) : trimmed;
}
