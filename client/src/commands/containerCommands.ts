// Stop Container, Show Logs (`logs -f`) and Open Shell (`exec -it <c> sh`) for the containers
// Layerwise started. `ps` and `stop` run within their time limits, with a Cancel button.
import * as vscode from 'vscode';
import {
  containerLogsArgs,
  containerShellArgs,
  containerStatesArgs,
  containerStopArgs,
} from '../docker/containerCommandArgs';
import { runningContainerNames } from '../docker/containerStates';
import { dockerInvocation } from '../docker/dockerInvocation';
import { runDockerWithProgress } from '../docker/dockerProgress';
import { ensureDockerReady } from '../docker/dockerReadiness';
import { processProblem } from '../docker/processOutcome';
import type { DockerSettings } from '../docker/settings';
import type { StartedContainers } from '../docker/startedContainers';
import { l10n, t } from '../l10n/displayLanguage';

/** `title`: the question of the quick pick, e.g. "Stop: which container?". */
async function pickContainer(
  argument: unknown,
  containers: StartedContainers,
  settings: DockerSettings,
  title: string,
): Promise<string | undefined> {
  if (typeof argument === 'string' && argument !== '') return argument;
  const known = containers.list();
  if (known.length > 0) {
    const invocation = dockerInvocation(
      settings,
      containerStatesArgs(
        known.map((container) => container.name),
        l10n,
      ),
    );
    const states = await runDockerWithProgress(invocation, { title: t('Checking which containers are running…') });
    if (states.canceled === true) return undefined;
    if (states.timedOutAfterMs !== undefined) {
      void vscode.window.showErrorMessage(processProblem(states, invocation, l10n) ?? '');
      return undefined;
    }
    if (states.exitCode === 0) containers.retainOnly(runningContainerNames(states.stdout));
  }
  const candidates = containers.list();
  if (candidates.length === 0) {
    void vscode.window.showInformationMessage(
      t('No running container started by Layerwise. Use "Layerwise: Run Container" first.'),
    );
    return undefined;
  }
  const picked = await vscode.window.showQuickPick(
    candidates.map((container) => ({
      label: container.name,
      description: container.image,
      detail: container.hostPorts.map((port) => `localhost:${port}`).join(', ') || undefined,
    })),
    { title },
  );
  return picked?.label;
}

function openDockerTerminal(settings: DockerSettings, name: string, args: string[]): void {
  const invocation = dockerInvocation(settings, args);
  vscode.window
    .createTerminal({ name, shellPath: invocation.executable, shellArgs: [...invocation.args], env: invocation.env })
    .show();
}

export async function stopContainerCommand(argument: unknown, containers: StartedContainers): Promise<void> {
  const settings = await ensureDockerReady();
  if (settings === undefined) return;
  const name = await pickContainer(argument, containers, settings, t('Stop: which container?'));
  if (name === undefined) return;
  const invocation = dockerInvocation(settings, containerStopArgs(name, l10n));
  const outcome = await runDockerWithProgress(invocation, { title: t('Stopping {0}…', name), showAfterMs: 0 });
  if (outcome.exitCode === 0) {
    containers.remove(name);
    void vscode.window.showInformationMessage(t('Stopped {0}.', name));
  } else if (outcome.canceled !== true) {
    const reason =
      outcome.timedOutAfterMs !== undefined
        ? processProblem(outcome, invocation, l10n)
        : outcome.stderr.trim() || outcome.spawnFailure?.message;
    void vscode.window.showErrorMessage(t('Could not stop {0}: {1}', name, reason || t('unknown error')));
  }
}

export async function showLogsCommand(argument: unknown, containers: StartedContainers): Promise<void> {
  const settings = await ensureDockerReady();
  if (settings === undefined) return;
  const name = await pickContainer(argument, containers, settings, t('Show Logs: which container?'));
  if (name !== undefined) openDockerTerminal(settings, t('Logs {0}', name), containerLogsArgs(name, true, l10n));
}

export async function openShellCommand(argument: unknown, containers: StartedContainers): Promise<void> {
  const settings = await ensureDockerReady();
  if (settings === undefined) return;
  const name = await pickContainer(argument, containers, settings, t('Open Shell: which container?'));
  if (name !== undefined) openDockerTerminal(settings, t('Shell {0}', name), containerShellArgs(name, l10n));
}
