// What the walkthrough's buttons do once the example's Dockerfile is open in an editor, wherever the
// file came from (a copy on disk on the desktop, an untitled document in the browser): reading the
// button's options, showing the hover or the quick fixes of an instruction, reordering the build stage.
import * as vscode from 'vscode';
import { t } from '../l10n/displayLanguage';
import { instructionLine, reorderForCache } from './exampleDockerfile';

/**
 * What a step's button asks for: `show` an instruction (its hover, or its quick fixes), or open another
 * `file` of the example.
 */
export interface OpenExampleOptions {
  readonly show?: string | undefined;
  readonly action?: 'hover' | 'quickFix' | undefined;
  readonly file?: string | undefined;
}

/** Whether `file` names a file inside the example: relative, without `..`. */
function insideExample(file: string): boolean {
  const absolute = file.startsWith('/') || file.startsWith('\\') || /^[a-z]:/i.test(file);
  return !absolute && !file.split(/[\\/]/).includes('..');
}

/** The options of a command link (`command:...?{"show":"CMD"}`); anything malformed is left out. */
export function readOpenExampleOptions(value: unknown): OpenExampleOptions {
  if (typeof value !== 'object' || value === null) return {};
  const record = value as Record<string, unknown>;
  const text = (key: string): string | undefined =>
    typeof record[key] === 'string' && record[key] !== '' ? (record[key] as string) : undefined;
  const file = text('file');
  return {
    show: text('show'),
    action: record.action === 'quickFix' ? 'quickFix' : record.action === 'hover' ? 'hover' : undefined,
    file: file !== undefined && insideExample(file) ? file : undefined,
  };
}

const diagnosticsWaitMs = 15_000;

/** Puts the cursor on the instruction `options.show` names and shows its hover or its quick fixes. */
export async function showInstruction(
  editor: vscode.TextEditor,
  options: OpenExampleOptions,
  serverStarted: Promise<unknown>,
): Promise<void> {
  if (options.show === undefined) return;
  const line = instructionLine(editor.document.getText(), options.show);
  if (line === undefined) {
    void vscode.window.showInformationMessage(t('The example no longer has a {0} instruction.', options.show));
    return;
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
}

/** Reorders the example's build stage in `editor` for the cache, and selects the lines it changed. */
export async function reorderInEditor(editor: vscode.TextEditor): Promise<void> {
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
