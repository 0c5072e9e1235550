// Before building or running: is the workspace trusted, is the CLI there, is the daemon up?
// Each problem gets one clear message with an action (open settings, retry). The probe has a
// time limit, and a Cancel button when it is slow.
import * as vscode from 'vscode';
import { l10n, t } from '../l10n/displayLanguage';
import { dockerVersionArgs } from './containerCommandArgs';
import { containerTool } from './containerTool';
import { classifyDockerProbe } from './dockerAvailability';
import { dockerInvocation } from './dockerInvocation';
import { runDockerWithProgress } from './dockerProgress';
import { dockerSettingProblems, machineSafeGetter, readDockerSettings, type DockerSettings } from './settings';

/** Problems already shown, so that each is said once per session. */
const shownProblems = new Set<string>();

/** The settings for `scope`; the CLI path and daemon only from user settings (see settings.ts). */
export function currentDockerSettings(scope?: vscode.Uri): DockerSettings {
  const get = machineSafeGetter(vscode.workspace.getConfiguration(undefined, scope));
  const problems = dockerSettingProblems(get).filter((problem) => !shownProblems.has(problem));
  if (problems.length > 0) {
    for (const problem of problems) shownProblems.add(problem);
    void vscode.window.showWarningMessage(t('Layerwise ignored part of the Docker settings: {0}', problems.join('; ')));
  }
  return readDockerSettings(get);
}

/** The settings to use when docker is ready; undefined (after telling the user) when it is not. */
export async function ensureDockerReady(scope?: vscode.Uri): Promise<DockerSettings | undefined> {
  if (!vscode.workspace.isTrusted) {
    const manage = t('Manage Workspace Trust');
    const choice = await vscode.window.showWarningMessage(
      t('Layerwise does not build images or run containers in an untrusted workspace: a Dockerfile can run any code.'),
      manage,
    );
    if (choice === manage) await vscode.commands.executeCommand('workbench.trust.manage');
    return undefined;
  }
  for (;;) {
    const settings = currentDockerSettings(scope);
    const outcome = await runDockerWithProgress(dockerInvocation(settings, dockerVersionArgs()), {
      title: t('Checking {0} ({1} version)…', containerTool(settings.dockerPath).name, settings.dockerPath),
    });
    if (outcome.canceled === true) return undefined;
    const availability = classifyDockerProbe(outcome, settings.dockerPath, settings.dockerContext, l10n);
    if (availability.kind === 'ready') return settings;
    const openSettings = t('Open Settings');
    const retry = t('Retry');
    const message =
      availability.kind === 'cliMissing' ? availability.message : `${availability.message} (${availability.detail})`;
    const choice = await vscode.window.showErrorMessage(message, openSettings, retry);
    if (choice === openSettings) {
      await vscode.commands.executeCommand(
        'workbench.action.openSettings',
        availability.kind === 'cliMissing' ? 'layerwise.docker.path' : 'layerwise.docker.context',
      );
      return undefined;
    }
    if (choice !== retry) return undefined;
  }
}
