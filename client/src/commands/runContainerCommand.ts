// Layerwise: Run Container / Run Interactive — runs the last image built from this Dockerfile
// (or asks for one) with --rm, a suggested --name and -p host:container for each EXPOSE port.
// Detached runs are listed for Stop / Show Logs / Open Shell; interactive runs get a terminal.
import * as vscode from 'vscode';
import type { BuildResultStore } from '../build/buildResults';
import { containerPortArgs } from '../docker/containerCommandArgs';
import { containerRunArgs } from '../docker/containerRunArgs';
import { exposedPorts } from '../docker/dockerfileOutline';
import { dockerInvocation } from '../docker/dockerInvocation';
import { runDockerWithProgress } from '../docker/dockerProgress';
import { ensureDockerReady } from '../docker/dockerReadiness';
import { containerNameProblem, imageReferenceProblem, suggestContainerName } from '../docker/imageNames';
import { parseHostPort, type PortMapping } from '../docker/portMappings';
import { processProblem } from '../docker/processOutcome';
import { runDockerProcess } from '../docker/processRunner';
import { distinctHostPorts, parsePublishedPorts } from '../docker/publishedPorts';
import { commandLabel } from '../docker/processTimeouts';
import type { StartedContainers } from '../docker/startedContainers';
import { l10n, t } from '../l10n/displayLanguage';
import type { DockerfileMemory } from './dockerfileMemory';
import { resolveDockerfile } from './dockerfileTarget';

export interface RunContext {
  readonly store: BuildResultStore;
  readonly memory: DockerfileMemory;
  readonly containers: StartedContainers;
}

export async function runContainerCommand(
  argument: unknown,
  interactive: boolean,
  context: RunContext,
  image?: string,
): Promise<void> {
  const dockerfile = await resolveDockerfile(argument);
  if (dockerfile === undefined) return;
  const settings = await ensureDockerReady(dockerfile.uri);
  if (settings === undefined) return;
  const key = dockerfile.uri.toString();
  const remembered = context.memory.get(key);
  const lastBuild = context.store.get(key);

  const chosenImage =
    image ??
    (await vscode.window.showInputBox({
      title: t('Image to run'),
      value:
        (lastBuild?.succeeded === true ? lastBuild.imageTag : undefined) ??
        remembered.lastImage ??
        remembered.tag ??
        '',
      validateInput: (value) => (value.includes('@') ? undefined : imageReferenceProblem(value, l10n)),
    }));
  if (chosenImage === undefined) return;

  const name = await vscode.window.showInputBox({
    title: t('Container name (--name)'),
    value: remembered.containerName ?? suggestContainerName(chosenImage),
    validateInput: (value) => containerNameProblem(value, l10n),
  });
  if (name === undefined) return;

  const ports: PortMapping[] = [];
  const hostPorts: Record<string, string> = {};
  const target = lastBuild?.target ?? (remembered.target === '' ? undefined : remembered.target);
  for (const port of exposedPorts(dockerfile.outline, target)) {
    const portKey = `${port.port}/${port.protocol}`;
    const answer = await vscode.window.showInputBox({
      title: t('Host port for container port {0} (empty: do not publish)', portKey),
      value: remembered.hostPorts?.[portKey] ?? String(port.port),
      validateInput: (value) =>
        value.trim() === '' || parseHostPort(value) !== undefined ? undefined : t('Enter a port (1-65535) or ip:port.'),
    });
    if (answer === undefined) return;
    hostPorts[portKey] = answer.trim();
    const host = parseHostPort(answer);
    if (host !== undefined) ports.push({ ...host, containerPort: port.port, protocol: port.protocol });
  }
  await context.memory.remember(key, { containerName: name, hostPorts });

  const args = containerRunArgs(
    {
      image: chosenImage,
      name: name === '' ? undefined : name,
      detach: !interactive,
      interactive,
      removeWhenStopped: true,
      ports,
      extraArgs: settings.runExtraArgs,
    },
    l10n,
  );
  const invocation = dockerInvocation(settings, args);
  const record = {
    name,
    image: chosenImage,
    dockerfileUri: key,
    hostPorts: ports.map((port) => port.hostPort),
    startedAt: Date.now(),
  };

  if (interactive) {
    const terminal = vscode.window.createTerminal({
      name: t('Run {0}', name || chosenImage),
      shellPath: invocation.executable,
      shellArgs: [...invocation.args],
      env: invocation.env,
      iconPath: new vscode.ThemeIcon('terminal'),
    });
    terminal.show();
    if (name !== '') context.containers.add(record);
    return;
  }

  const outcome = await runDockerWithProgress(invocation, { title: t('Starting {0}…', name || chosenImage) });
  if (outcome.canceled === true) {
    void vscode.window.showWarningMessage(
      t('Stopped waiting for "{0}": the container may have started anyway.', commandLabel(invocation)),
    );
    return;
  }
  if (outcome.timedOutAfterMs !== undefined) {
    void vscode.window.showErrorMessage(processProblem(outcome, invocation, l10n) ?? '');
    return;
  }
  if (outcome.exitCode !== 0) {
    void vscode.window.showErrorMessage(
      t(
        '"{0}" failed: {1}',
        commandLabel(invocation),
        outcome.stderr.trim().split('\n').at(-1) || outcome.spawnFailure?.message || t('unknown error'),
      ),
    );
    return;
  }
  const containerName = name || outcome.stdout.trim().slice(0, 12);
  // What the engine actually bound (docker and podman both say it with `port`); the request otherwise.
  const published = await runDockerProcess(dockerInvocation(settings, containerPortArgs(containerName, l10n)));
  const boundPorts = published.exitCode === 0 ? distinctHostPorts(parsePublishedPorts(published.stdout)) : [];
  const hostPortsInUse = boundPorts.length > 0 ? boundPorts : record.hostPorts;
  context.containers.add({ ...record, name: containerName, hostPorts: hostPortsInUse });
  const showLogs = t('Show Logs');
  const openShell = t('Open Shell');
  const stop = t('Stop');
  const openInBrowser = t('Open in Browser');
  const actions = [showLogs, openShell, stop, ...(hostPortsInUse.length > 0 ? [openInBrowser] : [])];
  const message =
    hostPortsInUse.length > 0
      ? t(
          'Container {0} is running on {1}.',
          containerName,
          hostPortsInUse.map((port) => `localhost:${port}`).join(', '),
        )
      : t('Container {0} is running.', containerName);
  const choice = await vscode.window.showInformationMessage(message, ...actions);
  if (choice === showLogs) await vscode.commands.executeCommand('layerwise.docker.showLogs', containerName);
  if (choice === openShell) await vscode.commands.executeCommand('layerwise.docker.openShell', containerName);
  if (choice === stop) await vscode.commands.executeCommand('layerwise.docker.stopContainer', containerName);
  if (choice === openInBrowser && hostPortsInUse[0] !== undefined)
    await vscode.env.openExternal(vscode.Uri.parse(`http://localhost:${hostPortsInUse[0]}`));
}
