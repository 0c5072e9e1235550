// The files a build would send: the context folder minus what .dockerignore leaves out.
// Read lazily and cached; the server drops the cache when watched files change.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { DockerIgnore } from './dockerignore';

/** Listing stops here so a huge folder never stalls the server. */
export const MAX_LISTED_FILES = 20_000;

export class BuildContext {
  private files: string[] | undefined;
  private truncated = false;
  private topLevel: ReadonlyMap<string, 'file' | 'directory'> | undefined;

  constructor(
    /** Absolute path of the context root. */
    readonly root: string,
    readonly dockerignore: DockerIgnore | undefined,
    /** The .dockerignore file in effect, when there is one. */
    readonly dockerignorePath: string | undefined,
    /** The .dockerignore text, for fixes that append to it. */
    readonly dockerignoreText?: string,
  ) {}

  /** The default context of a Dockerfile: its folder; `<Dockerfile>.dockerignore` wins over `.dockerignore`. */
  static forDockerfile(dockerfilePath: string, root = dirname(dockerfilePath)): BuildContext {
    const candidates = [join(dirname(dockerfilePath), `${basename(dockerfilePath)}.dockerignore`), join(root, '.dockerignore')];
    for (const candidate of candidates) {
      const text = readTextIfFile(candidate);
      if (text !== undefined) return new BuildContext(root, DockerIgnore.parse(text), candidate, text);
    }
    return new BuildContext(root, undefined, undefined);
  }

  isIgnored(relativePath: string): boolean {
    return this.dockerignore?.isIgnored(relativePath) ?? false;
  }

  exists(relativePath: string): boolean {
    return existsSync(join(this.root, relativePath));
  }

  /** Names directly in the context root (ignored ones included), read once. */
  topLevelEntries(): ReadonlyMap<string, 'file' | 'directory'> {
    if (!this.topLevel) {
      const entries = new Map<string, 'file' | 'directory'>();
      try {
        for (const entry of readdirSync(this.root, { withFileTypes: true })) entries.set(entry.name, entry.isDirectory() ? 'directory' : 'file');
      } catch {
        // no folder: an empty context
      }
      this.topLevel = entries;
    }
    return this.topLevel;
  }

  /** Files in the context (relative, `/`-separated), ignored ones left out, at most MAX_LISTED_FILES. */
  listFiles(): { files: readonly string[]; truncated: boolean } {
    if (!this.files) {
      this.files = [];
      this.walk(this.root);
    }
    return { files: this.files, truncated: this.truncated };
  }

  private walk(dir: string): void {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (this.files!.length >= MAX_LISTED_FILES) {
        this.truncated = true;
        return;
      }
      const path = join(dir, entry.name);
      const rel = relative(this.root, path).split(sep).join('/');
      if (this.isIgnored(rel)) {
        // A re-included path below an ignored folder still needs the walk.
        if (!entry.isDirectory() || !this.dockerignore?.patterns.some((p) => p.exclusion)) continue;
      }
      if (entry.isDirectory()) this.walk(path);
      else if (!this.isIgnored(rel)) this.files!.push(rel);
    }
  }
}

function readTextIfFile(path: string): string | undefined {
  try {
    return statSync(path).isFile() ? readFileSync(path, 'utf8') : undefined;
  } catch {
    return undefined;
  }
}
