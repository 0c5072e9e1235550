// What the server knows beyond one document: the workspace settings and the editor's locale,
// each Dockerfile's build context and the project's .layerwise.json files. File-backed parts
// are cached until the client reports watched-file changes. A build context is listed by an
// asynchronous walk shared by the Dockerfiles using it; asking for it never waits for the walk.
import { dirname, join, sep } from 'node:path';
import { BuildContext } from '../../../core/src/context/buildContext';
import { ContextListings } from '../../../core/src/context/contextListings';
import type { WalkOptions } from '../../../core/src/context/contextWalk';
import { describeFileError } from '../../../core/src/engine/fileErrors';
import { type Language, resolveLanguage } from '../../../core/src/engine/language';
import { applyProjectConfig, type ProjectConfig, ProjectConfigs } from '../../../core/src/engine/projectConfig';
import { defaultSettings, type Settings } from '../../../core/src/engine/settings';
import type { FileAccess } from '../../../core/src/files/fileAccess';
import { nodeFiles } from '../../../core/src/files/nodeFileAccess';

export class WorkspaceState {
  private settings: Settings = defaultSettings();
  /** Each Dockerfile's context as read from its .dockerignore, before any listing. */
  private readonly buildContexts = new Map<string, BuildContext>();
  private readonly listings: ContextListings;
  private readonly projectConfigs: ProjectConfigs;
  private readonly reportedConfigs = new WeakSet<ProjectConfig>();

  /** The editor's display language (initializationOptions.locale). */
  private editorLocale: string | undefined;

  constructor(
    private readonly warn: (message: string) => void,
    /** A build context finished listing (a summary for the log): check again, redraw hints. */
    private readonly contextListed: (summary: string) => void = () => undefined,
    walkOptions: Omit<WalkOptions, 'signal'> = {},
    /** Where .dockerignore, .layerwise.json and the contexts are read. */
    private readonly files: FileAccess = nodeFiles,
  ) {
    this.projectConfigs = new ProjectConfigs(files);
    this.listings = new ContextListings(
      {
        listed: (context) => {
          const { listing } = context;
          if (!listing) return;
          for (const folder of listing.unreadable) {
            const reason = describeFileError(folder.error).en;
            this.warn(
              `Layerwise: cannot read ${join(context.root, folder.path)} in the build context (${reason}); ` +
                'its files are not listed',
            );
          }
          const { maxEntries, maxFiles, maxMilliseconds } = listing.limits;
          const orTime = Number.isFinite(maxMilliseconds) ? ` or ${maxMilliseconds} ms` : '';
          const stopped = listing.truncated
            ? `, stopped at the limit of ${maxEntries} entries or ${maxFiles} files${orTime}`
            : '';
          const counts = `${listing.files.length} files, ${listing.entriesVisited} entries`;
          const elapsed = `${Math.round(listing.elapsedMs)} ms`;
          this.contextListed(`Layerwise: listed build context ${context.root}: ${counts} in ${elapsed}${stopped}`);
        },
        failed: (context, error) => {
          const reason = error instanceof Error ? error.message : String(error);
          this.warn(`Layerwise: listing the build context ${context.root} failed: ${reason}`);
        },
      },
      walkOptions,
    );
  }

  setEditorLocale(locale: string | undefined): void {
    this.editorLocale = locale;
  }

  /** The workspace settings (before any .layerwise.json). */
  currentSettings(): Settings {
    return this.settings;
  }

  setSettings(next: Settings): void {
    this.settings = next;
  }

  /** The workspace folders (absolute paths): .layerwise.json is read inside them only, none outside. */
  setWorkspaceFolders(folders: readonly string[]): void {
    this.projectConfigs.setRoots(folders);
  }

  language(): Language {
    return resolveLanguage(this.settings['layerwise.docs.language'], this.editorLocale);
  }

  /** The workspace settings, overridden by the nearest .layerwise.json above a file on disk. */
  settingsFor(uri: string): Settings {
    const path = this.files.pathOf(uri);
    if (path === undefined) return this.settings;
    const config = this.projectConfigs.forFile(path);
    const said = config ? [...config.problems, ...(config.notes ?? [])] : [];
    if (config && said.length > 0 && !this.reportedConfigs.has(config)) {
      this.reportedConfigs.add(config);
      this.warn(`Layerwise: ${config.path}: ${said.join('; ')}`);
    }
    return applyProjectConfig(this.settings, config);
  }

  /**
   * The build context of a Dockerfile on disk (its folder); undefined for untitled documents.
   * Never waits: without `listing` while its walk runs (the walk's end calls `contextListed`).
   */
  buildContextFor(uri: string): BuildContext | undefined {
    const path = this.files.pathOf(uri);
    if (path === undefined) return undefined;
    let context = this.buildContexts.get(uri);
    if (!context) {
      context = BuildContext.forDockerfile(path, undefined, this.files);
      this.buildContexts.set(uri, context);
      if (context.dockerignoreError !== undefined) {
        const reason = describeFileError(context.dockerignoreError).en;
        this.warn(`Layerwise: cannot read ${context.dockerignorePath} (${reason}); its patterns are not applied`);
      }
    }
    return this.listings.current(context);
  }

  /**
   * Files changed on disk (`uris`, or anything when not given): contexts holding one of them are
   * read and walked again when next asked, and a walk still running for them stops.
   */
  forgetFiles(uris?: readonly string[]): void {
    this.projectConfigs.clear();
    const paths = uris?.map((uri) => this.files.pathOf(uri)).filter((path) => path !== undefined);
    if (!paths) {
      this.buildContexts.clear();
      this.listings.forget();
      return;
    }
    if (paths.length === 0) return;
    // A .dockerignore appearing or going away next to a Dockerfile changes which context it uses.
    for (const [uri, context] of this.buildContexts) {
      const folder = dirname(this.files.pathOf(uri) ?? '');
      if (
        paths.some(
          (path) =>
            dirname(path) === folder ||
            path === context.root ||
            isBelow(context.root, path) ||
            isBelow(path, context.root),
        )
      )
        this.buildContexts.delete(uri);
    }
    this.listings.forget(paths);
  }

  forgetDocument(uri: string): void {
    const context = this.buildContexts.get(uri);
    this.buildContexts.delete(uri);
    // The walk is kept while another Dockerfile still uses the context.
    if (context && ![...this.buildContexts.values()].some((other) => other.key === context.key))
      this.listings.forgetKey(context.key);
  }
}

function isBelow(folder: string, path: string): boolean {
  return path.startsWith(folder.endsWith(sep) ? folder : folder + sep);
}
