// The VS Code user settings `npm start` needs in code-server, merged into whatever the user
// has changed there since (for example layerwise.docs.language), which is kept.

/**
 * Without these a workspace-trust dialog blocks every click and a welcome page covers the
 * editor; the rest keeps a first start quiet.
 */
export const START_SETTINGS: Readonly<Record<string, unknown>> = {
  'security.workspace.trust.enabled': false,
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  // examples/ sits inside this repository; do not offer to open the repository.
  'git.openRepositoryInParentFolders': 'never',
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
};

export type MergedSettings =
  | { readonly kind: 'ok'; readonly text: string }
  | { readonly kind: 'error'; readonly message: string };

/**
 * The new settings.json text.
 * @param existing the current file's text, undefined when there is none
 */
export function mergeUserSettings(
  existing: string | undefined,
  required: Readonly<Record<string, unknown>> = START_SETTINGS,
): MergedSettings {
  let current: Record<string, unknown> = {};
  if (existing !== undefined && existing.trim() !== '') {
    let parsed: unknown;
    try {
      parsed = JSON.parse(existing);
    } catch (error) {
      return {
        kind: 'error',
        message:
          `it is not plain JSON (${(error as Error).message}); ` +
          'remove comments and trailing commas, or delete the file',
      };
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      return {
        kind: 'error',
        message: 'it must hold a JSON object ({ "setting": value, ... }); fix or delete the file',
      };
    }
    current = parsed as Record<string, unknown>;
  }
  return { kind: 'ok', text: `${JSON.stringify({ ...current, ...required }, null, 4)}\n` };
}
