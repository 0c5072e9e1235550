// Layerwise: Build Image — asks for tag, context, target and ARG values (each remembered per
// Dockerfile), then builds in a terminal (asking first when a build of the same Dockerfile is
// still running). Returns the result for Build and Run.
import * as vscode from 'vscode';
import type { BuildStageOptions } from '../../../protocol/src/protocol';
import type { BuildResultStore, DockerfileBuildResult } from '../build/buildResults';
import type { BuildTracker } from '../build/buildTracker';
import { runImageBuildInTerminal } from '../build/imageBuild';
import { resolveBuildContext } from '../docker/buildContextPath';
import { argsWithoutDefault, targetChoices } from '../docker/dockerfileOutline';
import { ensureDockerReady } from '../docker/dockerReadiness';
import { imageReferenceProblem, suggestImageTag } from '../docker/imageNames';
import { l10n, t } from '../l10n/displayLanguage';
import type { DockerfileMemory } from './dockerfileMemory';
import { resolveDockerfile, type DockerfileTarget } from './dockerfileTarget';

async function askTarget(target: DockerfileTarget, remembered: string | undefined): Promise<string | undefined | null> {
  const choices = targetChoices(target.outline);
  if (choices.length <= 1) return undefined;
  const last = choices.at(-1);
  const items = choices.map((choice) => ({
    label: choice,
    description: choice === last ? t('last stage (default)') : choice === remembered ? t('last used') : undefined,
  }));
  const preferred = remembered !== undefined && choices.includes(remembered) ? remembered : last;
  items.sort((a, b) => Number(b.label === preferred) - Number(a.label === preferred));
  const picked = await vscode.window.showQuickPick(items, {
    title: t('Target stage (--target)'),
    placeHolder: t('Which stage to build'),
  });
  if (picked === undefined) return null;
  return picked.label === last ? undefined : picked.label;
}

/** `requested`: a target chosen already (the "Build this stage" code lens), so none is asked for. */
export async function buildImageCommand(
  argument: unknown,
  store: BuildResultStore,
  memory: DockerfileMemory,
  tracker: BuildTracker,
  requested?: BuildStageOptions,
): Promise<DockerfileBuildResult | undefined> {
  const dockerfile = await resolveDockerfile(argument);
  if (dockerfile === undefined) return undefined;
  const settings = await ensureDockerReady(dockerfile.uri);
  if (settings === undefined) return undefined;
  const key = dockerfile.uri.toString();
  const remembered = memory.get(key);

  const target = requested ? requested.target : await askTarget(dockerfile, remembered.target);
  if (target === null) return undefined;

  const tag = await vscode.window.showInputBox({
    title: t('Image name:tag'),
    value: remembered.tag ?? suggestImageTag(dockerfile.folderName, target),
    validateInput: (value) => imageReferenceProblem(value, l10n),
  });
  if (tag === undefined) return undefined;

  const defaultContext = resolveBuildContext(settings.buildContext, dockerfile.uri.fsPath, dockerfile.workspaceFolder);
  const context = await vscode.window.showInputBox({
    title: t('Build context directory'),
    value: remembered.context ?? defaultContext,
    validateInput: (value) => (value.trim() === '' ? t('Enter a directory.') : undefined),
  });
  if (context === undefined) return undefined;

  const buildArgs: Record<string, string> = {};
  for (const name of argsWithoutDefault(dockerfile.outline, target)) {
    const value = await vscode.window.showInputBox({
      title: t('Value for ARG {0} (no default in the Dockerfile)', name),
      value: remembered.buildArgs?.[name] ?? '',
      prompt: t('Leave empty to pass an empty value; press Escape to cancel the build.'),
    });
    if (value === undefined) return undefined;
    buildArgs[name] = value;
  }

  await memory.remember(key, { tag: tag.trim(), context: context.trim(), target: target ?? '', buildArgs });
  const result = await runImageBuildInTerminal(
    {
      dockerfileUri: key,
      outline: dockerfile.outline,
      settings,
      request: {
        dockerfile: dockerfile.uri.fsPath,
        context: resolveBuildContext(context, dockerfile.uri.fsPath, dockerfile.workspaceFolder),
        tag: tag.trim(),
        target,
        buildArgs: Object.entries(buildArgs).map(([name, value]) => ({ name, value })),
        platform: settings.buildPlatform,
        extraArgs: settings.buildExtraArgs,
      },
    },
    store,
    tracker,
  );
  if (result?.succeeded === true) await memory.remember(key, { lastImage: result.imageTag });
  return result;
}
