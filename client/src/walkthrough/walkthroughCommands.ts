// The commands behind the buttons of the walkthrough "Learn Docker with Layerwise"
// (package.json `contributes.walkthroughs`): open the example project and show the hover or the
// quick fix a step talks about, reorder its build stage for the cache, build it, run it.
//
// The example is examples/learn-docker: the one in the workspace when there is one (npm start
// opens examples/), else a copy in Layerwise's global storage, made on first use and never
// overwritten afterwards (it holds the user's edits). Korean users get its Dockerfile and README
// with Korean comments (examples/learn-docker.ko).
import { chmodSync, copyFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { l10n, t } from '../l10n/displayLanguage';
import { readOpenExampleOptions, reorderInEditor, showInstruction } from './exampleEditor';
import { busyboxCandidates, copyMissingFiles, findStaticBusybox } from './exampleProject';
import { EXAMPLE_FOLDER, walkthroughCommands } from './walkthroughCatalog';

export function registerWalkthrough(
  context: vscode.ExtensionContext,
  serverStarted: Promise<unknown>,
): vscode.Disposable {
  /** The example's folder, copied (or completed) first when it is not in the workspace. */
  const exampleFolder = async (): Promise<string | undefined> => {
    const inWorkspace = await vscode.workspace.findFiles(`**/${EXAMPLE_FOLDER}/Dockerfile`, '**/node_modules/**', 1);
    const folder =
      inWorkspace[0] !== undefined
        ? path.dirname(inWorkspace[0].fsPath)
        : path.join(context.globalStorageUri.fsPath, EXAMPLE_FOLDER);
    try {
      if (inWorkspace[0] === undefined) {
        const overlay =
          l10n.language === 'ko' ? context.asAbsolutePath(path.join('examples', `${EXAMPLE_FOLDER}.ko`)) : undefined;
        copyMissingFiles(context.asAbsolutePath(path.join('examples', EXAMPLE_FOLDER)), folder, overlay);
      }
      addBusybox(folder);
    } catch (error) {
      void vscode.window.showErrorMessage(
        t('Could not prepare the example in {0}: {1}', folder, error instanceof Error ? error.message : String(error)),
      );
      return undefined;
    }
    return folder;
  };

  const openExample = async (argument: unknown): Promise<vscode.TextEditor | undefined> => {
    const options = readOpenExampleOptions(argument);
    const folder = await exampleFolder();
    if (folder === undefined) return undefined;
    const editor = await vscode.window.showTextDocument(
      vscode.Uri.file(path.join(folder, options.file ?? 'Dockerfile')),
      { preview: false },
    );
    await showInstruction(editor, options, serverStarted);
    return editor;
  };

  const reorderExample = async (): Promise<void> => {
    const editor = await openExample(undefined);
    if (editor === undefined) return;
    await reorderInEditor(editor);
  };

  const dockerCommandOnExample = (command: string) => async (): Promise<void> => {
    const editor = await openExample(undefined);
    if (editor !== undefined) await vscode.commands.executeCommand(command, editor.document.uri);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(walkthroughCommands.openExample, (argument: unknown) => openExample(argument)),
    vscode.commands.registerCommand(walkthroughCommands.reorderExample, reorderExample),
    vscode.commands.registerCommand(
      walkthroughCommands.buildExample,
      dockerCommandOnExample('layerwise.docker.buildImage'),
    ),
    vscode.commands.registerCommand(
      walkthroughCommands.runExample,
      dockerCommandOnExample('layerwise.docker.runContainer'),
    ),
  );
}

/** Copies a static busybox from this machine into the example when it has none: the build needs one in its context. */
function addBusybox(folder: string): void {
  const target = path.join(folder, 'busybox');
  if (existsSync(target)) return;
  const found = findStaticBusybox(busyboxCandidates(process.env.PATH));
  if (found === undefined) {
    void vscode.window.showWarningMessage(
      t(
        'The example builds FROM scratch and needs a statically linked busybox in {0}. ' +
          'Install busybox-static (Debian, Ubuntu) and open the example again, ' +
          'or copy a static busybox there yourself.',
        folder,
      ),
    );
    return;
  }
  copyFileSync(found, target);
  chmodSync(target, 0o755);
}
