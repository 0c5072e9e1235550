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
import { instructionLine, reorderForCache } from './exampleDockerfile';
import { busyboxCandidates, copyMissingFiles, EXAMPLE_FOLDER, findStaticBusybox } from './exampleProject';
import { walkthroughCommands } from './walkthroughCatalog';

/**
 * What a step's button asks for: `show` an instruction (its hover, or its quick fixes), or open another
 * `file` of the example.
 */
interface OpenExampleOptions {
  readonly show?: string | undefined;
  readonly action?: 'hover' | 'quickFix' | undefined;
  readonly file?: string | undefined;
}

/** The options of a command link (`command:...?{"show":"CMD"}`); anything malformed is left out. */
function readOpenExampleOptions(value: unknown): OpenExampleOptions {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined;
  const file = text('file');
  return {
    show: text('show'),
    action: record.action === 'quickFix' ? 'quickFix' : record.action === 'hover' ? 'hover' : undefined,
    // Only files inside the example.
    file: file !== undefined && !path.isAbsolute(file) && !file.split(/[\\/]/).includes('..') ? file : undefined,
  };
}

const diagnosticsWaitMs = 15_000;

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
    if (options.show === undefined) return editor;
    const line = instructionLine(editor.document.getText(), options.show);
    if (line === undefined) {
      void vscode.window.showInformationMessage(t('The example no longer has a {0} instruction.', options.show));
      return editor;
    }
    const text = editor.document.lineAt(line).text;
    const keywordAt = text.length - text.trimStart().length;
    // Quick fixes are offered where the problem is: the arguments, after the keyword.
    const argumentsAt = text.indexOf(' ', keywordAt) === -1 ? keywordAt : text.indexOf(' ', keywordAt) + 1;
    const position = new vscode.Position(line, options.action === 'quickFix' ? argumentsAt : keywordAt);
    editor.selection = new vscode.Selection(position, position);
    editor.revealRange(new vscode.Range(position, position), vscode.TextEditorRevealType.InCenter);
    // Hovers and diagnostics come from the language server: wait until it runs (and has checked the file).
    await serverStarted;
    if (options.action === 'quickFix') {
      await diagnosticsOf(editor.document.uri, diagnosticsWaitMs);
      await vscode.commands.executeCommand('editor.action.quickFix');
    } else {
      await vscode.commands.executeCommand('editor.action.showHover');
    }
    return editor;
  };

  const reorderExample = async (): Promise<void> => {
    const editor = await openExample(undefined);
    if (editor === undefined) return;
    const edit = reorderForCache(editor.document.getText());
    if (edit === undefined) {
      void vscode.window.showInformationMessage(
        t(
          'The build stage already copies deps.txt and install-deps.sh before the sources ' +
            '(or was changed otherwise): nothing to reorder.',
        ),
      );
      return;
    }
    const range = new vscode.Range(
      edit.startLine,
      0,
      edit.endLine - 1,
      editor.document.lineAt(edit.endLine - 1).text.length,
    );
    await editor.edit((builder) =>
      builder.replace(range, edit.newLines.join(editor.document.eol === vscode.EndOfLine.CRLF ? '\r\n' : '\n')),
    );
    const changed = new vscode.Range(
      edit.startLine,
      0,
      edit.startLine + edit.newLines.length - 1,
      edit.newLines.at(-1)?.length ?? 0,
    );
    editor.selection = new vscode.Selection(changed.start, changed.end);
    editor.revealRange(changed, vscode.TextEditorRevealType.InCenter);
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

/** Resolves once `uri` has diagnostics, or after `timeoutMs`. */
function diagnosticsOf(uri: vscode.Uri, timeoutMs: number): Promise<void> {
  if (vscode.languages.getDiagnostics(uri).length > 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      subscription.dispose();
      resolve();
    };
    const timer = setTimeout(done, timeoutMs);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (
        event.uris.some((changed) => changed.toString() === uri.toString()) &&
        vscode.languages.getDiagnostics(uri).length > 0
      )
        done();
    });
  });
}
