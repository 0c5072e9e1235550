// The settings each file is checked with: defaults, then the settings file (the one given with
// --config, else the nearest .layerwise.json above the file), then --rule overrides.
import { join } from 'node:path';
import { applyProjectConfig, type ProjectConfig, ProjectConfigs, readProjectConfig } from '../../server/src/service/projectConfig';
import { defaultSettings, type RuleSeverity, type Settings } from '../../server/src/service/settings';

export class FileSettings {
  private readonly discovered = new ProjectConfigs();
  /** Every settings file used so far, to report each one's problems once. */
  readonly configsUsed = new Set<ProjectConfig>();

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
    const settings = applyProjectConfig(defaultSettings(), config);
    if (Object.keys(this.ruleOverrides).length === 0) return settings;
    return { ...settings, 'layerwise.diagnostics.rules': { ...settings['layerwise.diagnostics.rules'], ...this.ruleOverrides } };
  }
}

