// One walk per build context (root + .dockerignore), shared by every Dockerfile that uses it.
// Asking for a context never waits: it answers the newest snapshot, unlisted until a reader of
// `listing` (layer hints, links) starts the walk; the walk's end makes the listed snapshot and is
// reported. Forgetting a context stops its walk, so a newer change always wins over an older walk.
import { isAbsolute, relative, sep } from 'node:path';
import type { BuildContext } from './buildContext';
import type { WalkOptions } from './contextWalk';

interface Entry {
  readonly key: string;
  /** The newest snapshot: without a listing until the walk finishes. */
  context: BuildContext;
  /** Set once the walk has started. */
  walk?: { controller: AbortController; done: Promise<void> };
}

export interface ListingEvents {
  /** A walk finished and `context` is the listed snapshot (not called for stopped walks). */
  listed(context: BuildContext): void;
  /** A walk failed unexpectedly (the context stays unlisted). */
  failed(context: BuildContext, error: unknown): void;
}

export class ContextListings {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly events: ListingEvents,
    private readonly walkOptions: Omit<WalkOptions, 'signal'> = {},
  ) {}

  /** The newest snapshot of the context `base` stands for (same key: same snapshot). */
  current(base: BuildContext): BuildContext {
    let entry = this.entries.get(base.key);
    if (!entry) {
      const created: Entry = { key: base.key, context: base };
      created.context = base.withListingRequest(() => this.startWalk(created));
      this.entries.set(base.key, created);
      entry = created;
    }
    return entry.context;
  }

  /** Resolves when the walk of this context has ended (at once when none runs). */
  async settled(key: string): Promise<void> {
    await this.entries.get(key)?.walk?.done;
  }

  /** Stops and drops the contexts that hold one of these absolute paths (or sit below one); all when none are given. */
  forget(paths?: readonly string[]): void {
    for (const entry of [...this.entries.values()]) {
      if (paths === undefined || paths.some((path) => overlaps(entry.context.root, path))) this.drop(entry);
    }
  }

  /** Stops and drops one context (its last Dockerfile closed). */
  forgetKey(key: string): void {
    const entry = this.entries.get(key);
    if (entry) this.drop(entry);
  }

  private drop(entry: Entry): void {
    entry.walk?.controller.abort();
    this.entries.delete(entry.key);
  }

  private startWalk(entry: Entry): void {
    // A snapshot of a dropped entry asks in vain; one walk per entry.
    if (entry.walk || this.entries.get(entry.key) !== entry) return;
    const controller = new AbortController();
    const base = entry.context;
    const done = base.listed({ ...this.walkOptions, signal: controller.signal }).then(
      (listed) => {
        if (controller.signal.aborted || this.entries.get(entry.key) !== entry) return;
        entry.context = listed;
        this.events.listed(listed);
      },
      (error: unknown) => {
        if (!controller.signal.aborted) this.events.failed(base, error);
      },
    );
    entry.walk = { controller, done };
  }
}

/** `path` is the root, inside it, or a folder the root is inside. */
function overlaps(root: string, path: string): boolean {
  return isInside(root, path) || isInside(path, root);
}

function isInside(folder: string, path: string): boolean {
  const rel = relative(folder, path);
  return rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}
