// The walkthrough's reading steps in a web extension host (browserExtension.ts): its buttons open the
// example's files, read from the extension itself (there is no node:fs to copy them with, and nothing
// to build them with), as untitled documents, and show the hover, the quick fix or the reordering a step
// talks about. The building and running steps are hidden in the browser (package.json `when`).
import * as vscode from 'vscode';
import { readExtensionFile } from '../files/extensionFiles';
import { l10n, t } from '../l10n/displayLanguage';
import { readOpenExampleOptions, reorderInEditor, showInstruction } from './exampleEditor';
import { EXAMPLE_FOLDER, walkthroughCommands } from './walkthroughCatalog';

/** The language of an example file's untitled document (undefined: plain text). */
function languageOf(file: string): string | undefined {
  if (file === 'Dockerfile') return 'dockerfile';
  if (file.endsWith('.html')) return 'html';
  if (file.endsWith('.md')) return 'markdown';
  if (file.endsWith('.sh')) return 'shellscript';
  return undefined;
}

export function registerBrowserWalkthrough(
  context: vscode.ExtensionContext,
  serverStarted: Promise<unknown>,
): vscode.Disposable {
  /** The untitled documents opened so far, by example file: a later step finds the user's edits there. */
  const opened = new Map<string, vscode.TextDocument>();

  /** The text of an example file; Korean users get the Korean Dockerfile and README where there is one. */
  const exampleText = async (file: string): Promise<string> => {
    const examples = vscode.Uri.joinPath(context.extensionUri, 'examples');
    const read = async (folder: string): Promise<string> =>
      new TextDecoder().decode(await readExtensionFile(vscode.Uri.joinPath(examples, folder, ...file.split('/'))));
    if (l10n.language === 'ko') {
      try {
        return await read(`${EXAMPLE_FOLDER}.ko`);
      } catch {
        // Not translated: the English file.
      }
    }
    return read(EXAMPLE_FOLDER);
  };

  const openExample = async (argument: unknown): Promise<vscode.TextEditor | undefined> => {
    const options = readOpenExampleOptions(argument);
    const file = options.file ?? 'Dockerfile';
    let document = opened.get(file);
    if (document === undefined || document.isClosed) {
      let content: string;
      try {
        content = await exampleText(file);
      } catch (error) {
        void vscode.window.showErrorMessage(
          t('Could not open the example file {0}: {1}', file, error instanceof Error ? error.message : String(error)),
        );
        return undefined;
      }
      const language = languageOf(file);
      document = await vscode.workspace.openTextDocument(language === undefined ? { content } : { language, content });
      opened.set(file, document);
    }
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    await showInstruction(editor, options, serverStarted);
    return editor;
  };

  const reorderExample = async (): Promise<void> => {
    const editor = await openExample(undefined);
    if (editor !== undefined) await reorderInEditor(editor);
  };

  return vscode.Disposable.from(
    vscode.commands.registerCommand(walkthroughCommands.openExample, (argument: unknown) => openExample(argument)),
    vscode.commands.registerCommand(walkthroughCommands.reorderExample, reorderExample),
  );
}
