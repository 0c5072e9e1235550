// The settings each file is checked with: defaults, then the settings file (the one given with
// --config, else the nearest .layerwise.json and/or .hadolint.yaml above the file), then --rule
// overrides.
import { join } from 'node:path';
import {
  applyProjectConfig,
  type ProjectConfig,
  ProjectConfigs,
  readConfigFile,
} from '../../core/src/engine/projectConfig';
import { defaultSettings, type RuleSeverity, type Settings } from '../../core/src/engine/settings';
import type { LocalizedText } from '../../core/src/rules';
import type { CheckOptions } from './arguments';
import { SEVERITIES, type Severity } from './report';

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
    return new FileSettings(path === undefined ? undefined : readConfigFile(path), ruleOverrides);
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

  /**
   * The level at which findings fail the run: the command line's, else the strictest a hadolint
   * config used (`failure-threshold`, `no-fail`) asks for, else `error`.
   */
  failLevel(options: Pick<CheckOptions, 'failLevel' | 'failLevelGiven'>): Severity | 'none' {
    if (options.failLevelGiven) return options.failLevel;
    const asked = [...this.configsUsed].flatMap((config) => (config.failLevel ? [config.failLevel] : []));
    if (asked.length === 0) return options.failLevel;
    const levels = asked.filter((level): level is Severity => level !== 'none');
    if (levels.length === 0) return 'none';
    return levels.reduce((a, b) => (SEVERITIES.indexOf(a) >= SEVERITIES.indexOf(b) ? a : b));
  }

  /** What the settings files used ask that Layerwise does not honour yet, one line per file. */
  notes(shownPath: (path: string) => string): LocalizedText[] {
    return [...this.configsUsed].flatMap((config) =>
      config.notes?.length
        ? [
            {
              en: `settings file ${shownPath(config.path)}: ${config.notes.join('; ')}`,
              ko: `설정 파일 ${shownPath(config.path)}: 적용하지 않은 항목이 있습니다 (${config.notes.join('; ')})`,
            },
          ]
        : [],
    );
  }
}
