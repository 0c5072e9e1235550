// Paths for the documents of a browser workspace. The server's analysis works on paths (joined,
// compared, shown in messages); in the browser, documents live behind URIs of any scheme
// (vscode-vfs://github/..., vscode-remote://...). A URI's path is its path here, and the scheme and
// authority it came with are remembered per folder, so a path turns back into the same kind of URI.
import { dirname } from './shims/path';

/** `scheme://authority/path`; no backtracking: each part stops at a character the next begins with. */
const HIERARCHICAL_URI = /^([A-Za-z][A-Za-z0-9+.-]*):\/\/([^/?#]*)([^?#]*)/;

/** Folders remembered at most (one per folder a document or workspace folder was in). */
const MAX_FOLDERS = 10_000;

export class WorkspaceUris {
  /** `scheme://authority` by folder path. */
  private readonly origins = new Map<string, string>();
  private lastOrigin: string | undefined;

  /** The path of a hierarchical URI (not `untitled:`); remembers where it came from. */
  pathOf(uri: string): string | undefined {
    const match = HIERARCHICAL_URI.exec(uri);
    if (!match) return undefined;
    let path: string;
    try {
      path = decodeURIComponent(match[3] || '/');
    } catch {
      return undefined;
    }
    const origin = `${match[1]!.toLowerCase()}://${match[2]}`;
    if (this.origins.size >= MAX_FOLDERS) this.origins.clear();
    this.origins.set(dirname(path), origin);
    this.lastOrigin = origin;
    return path;
  }

  /** The URI of a path: the origin of the nearest remembered folder at or above it. */
  uriOf(path: string): string {
    let origin: string | undefined;
    for (let folder = path; ; folder = dirname(folder)) {
      origin = this.origins.get(folder);
      if (origin !== undefined || dirname(folder) === folder) break;
    }
    const encoded = path
      .split('/')
      .map((part) => encodeURIComponent(part))
      .join('/');
    return `${origin ?? this.lastOrigin ?? 'file://'}${encoded}`;
  }
}

/** The one server of a web worker reads one workspace: node:url's place in the browser bundle uses this too. */
export const workspaceUris = new WorkspaceUris();
