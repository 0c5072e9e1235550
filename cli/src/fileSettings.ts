// The settings each file is checked with: defaults, then the settings file (the one given with
// --config, else the nearest .layerwise.json above the file), then --rule overrides.
import { join } from 'node:path';
import {
  applyProjectConfig,
  type ProjectConfig,
  ProjectConfigs,
  readProjectConfig,
} from '../../core/src/engine/projectConfig';
import { defaultSettings, type RuleSeverity, type Settings } from '../../core/src/engine/settings';

export class FileSettings {
  private readonly discovered = new ProjectConfigs();
  /** Every settings file used so far, to report each one's problems once. */
  readonly configsUsed = new Set<ProjectConfig>();
  /** Settings per settings file (undefined: none), computed once. */
  private readonly resolved = new Map<ProjectConfig | undefined, Settings>();

  constructor(
    private readonly explicitConfig: ProjectConfig | undefined,
    private readonly ruleOverrides: Readonly<Record<string, RuleSeverity>>,
  ) {
    if (explicitConfig) this.configsUsed.add(explicitConfig);
  }

  static withConfigFile(path: string | undefined, ruleOverrides: Readonly<Record<string, RuleSeverity>>): FileSettings {
    return new FileSettings(path === undefined ? undefined : readProjectConfig(path), ruleOverrides);
  }

  get explicit(): ProjectConfig | undefined {
    return this.explicitConfig;
  }

  /** Settings for a file at `path` (for standard input without a name: a file in `cwd`). */
  forFile(path: string | undefined, cwd: string): Settings {
    const config = this.explicitConfig ?? this.discovered.forFile(path ?? join(cwd, '-'));
    if (config) this.configsUsed.add(config);
    let settings = this.resolved.get(config);
    if (!settings) {
      settings = applyProjectConfig(defaultSettings(), config);
      settings = {
        ...settings,
        'layerwise.diagnostics.rules': { ...settings['layerwise.diagnostics.rules'], ...this.ruleOverrides },
      };
      this.resolved.set(config, settings);
    }
    return settings;
  }
}
