// What the server knows beyond one document: the workspace settings and the editor's locale,
// each Dockerfile's build context and the project's .layerwise.json files. File-backed parts
// are cached until the client reports watched-file changes.
import { fileURLToPath } from 'node:url';
import { BuildContext } from '../context/buildContext';
import { type Language, resolveLanguage } from './language';
import { applyProjectConfig, type ProjectConfig, ProjectConfigs } from './projectConfig';
import { defaultSettings, type Settings } from './settings';

export class WorkspaceState {
  private settings: Settings = defaultSettings();
  private readonly buildContexts = new Map<string, BuildContext>();
  private readonly projectConfigs = new ProjectConfigs();
  private readonly reportedConfigs = new WeakSet<ProjectConfig>();

  /** The editor's display language (initializationOptions.locale). */
  private editorLocale: string | undefined;

  constructor(private readonly warn: (message: string) => void) {}

  setEditorLocale(locale: string | undefined): void {
    this.editorLocale = locale;
  }

  setSettings(next: Settings): void {
    this.settings = next;
  }

  language(): Language {
    return resolveLanguage(this.settings['layerwise.docs.language'], this.editorLocale);
  }

  /** The workspace settings, overridden by the nearest .layerwise.json above a file on disk. */
  settingsFor(uri: string): Settings {
    if (!uri.startsWith('file:')) return this.settings;
    const config = this.projectConfigs.forFile(fileURLToPath(uri));
    if (config && config.problems.length > 0 && !this.reportedConfigs.has(config)) {
      this.reportedConfigs.add(config);
      this.warn(`Layerwise: ${config.path}: ${config.problems.join('; ')}`);
    }
    return applyProjectConfig(this.settings, config);
  }

  /** The build context of a Dockerfile on disk (its folder); undefined for untitled documents. */
  buildContextFor(uri: string): BuildContext | undefined {
    if (!uri.startsWith('file:')) return undefined;
    let context = this.buildContexts.get(uri);
    if (!context) {
      context = BuildContext.forDockerfile(fileURLToPath(uri));
      this.buildContexts.set(uri, context);
    }
    return context;
  }

  /** Files changed on disk: read contexts and configs again when next asked. */
  forgetFiles(): void {
    this.buildContexts.clear();
    this.projectConfigs.clear();
  }

  forgetDocument(uri: string): void {
    this.buildContexts.delete(uri);
  }
}
