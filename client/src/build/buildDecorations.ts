// Shows each instruction's last build result after its line (cached / ran, time, layer size),
// with the details on hover, until the file is edited.
import * as vscode from 'vscode';
import { l10n, t } from '../l10n/displayLanguage';
import type { BuildResultStore, DockerfileBuildResult, InstructionOutcome } from './buildResults';
import { buildSummaryLine, instructionLabel } from './buildSummary';
import { formatBytes, formatDuration } from './buildSummary';

const cachedType = vscode.window.createTextEditorDecorationType({
  after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
});
const ranType = vscode.window.createTextEditorDecorationType({
  after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorInfo.foreground'), fontStyle: 'italic' },
});
const failedType = vscode.window.createTextEditorDecorationType({
  after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorError.foreground'), fontStyle: 'italic' },
});

/** What the build did with an instruction, for its hover. */
function statusText(status: InstructionOutcome): string {
  switch (status) {
    case 'cached':
      return t('taken from the build cache');
    case 'ran':
      return t('executed');
    case 'failed':
      return t('failed');
    case 'canceled':
      return t('stopped');
    case 'incomplete':
      return t('not finished');
    case 'not-built':
      return t('not built: the target stage does not need this stage');
  }
}

function decorationsFor(
  result: DockerfileBuildResult,
  document: vscode.TextDocument,
): Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]> {
  const byType = new Map<vscode.TextEditorDecorationType, vscode.DecorationOptions[]>([
    [cachedType, []],
    [ranType, []],
    [failedType, []],
  ]);
  for (const instruction of result.instructions) {
    if (instruction.startLine >= document.lineCount) continue;
    const line = document.lineAt(instruction.startLine);
    const type =
      instruction.status === 'cached' || instruction.status === 'not-built'
        ? cachedType
        : instruction.status === 'ran'
          ? ranType
          : failedType;
    const hover = new vscode.MarkdownString(
      [
        `**${instruction.keyword}** — ${statusText(instruction.status)}`,
        instruction.durationMs === undefined
          ? ''
          : `- ${t('time: {0}', formatDuration(instruction.durationMs, l10n.language))}`,
        instruction.sizeBytes === undefined ? '' : `- ${t('layer size: {0}', formatBytes(instruction.sizeBytes))}`,
        instruction.errorMessage === undefined ? '' : `- ${t('error: {0}', instruction.errorMessage)}`,
        '',
        `_${buildSummaryLine(result, l10n)}_`,
      ]
        .filter((part, index) => part !== '' || index === 4)
        .join('\n'),
    );
    byType.get(type)?.push({
      range: new vscode.Range(line.range.end, line.range.end),
      hoverMessage: hover,
      renderOptions: { after: { contentText: `  ${instructionLabel(instruction, l10n)}` } },
    });
  }
  return byType;
}

/** Keeps the decorations of every visible Dockerfile in step with the store. */
export function registerBuildDecorations(store: BuildResultStore): vscode.Disposable {
  const refresh = (editor: vscode.TextEditor): void => {
    const result = store.get(editor.document.uri.toString());
    if (result === undefined || result.stale) {
      for (const type of [cachedType, ranType, failedType]) editor.setDecorations(type, []);
      return;
    }
    for (const [type, options] of decorationsFor(result, editor.document)) editor.setDecorations(type, options);
  };
  const refreshAll = (): void => vscode.window.visibleTextEditors.forEach(refresh);
  return vscode.Disposable.from(
    { dispose: store.onDidChange(() => refreshAll()).dispose },
    vscode.window.onDidChangeVisibleTextEditors(refreshAll),
    vscode.workspace.onDidChangeTextDocument((event) => {
      if (event.contentChanges.length > 0) store.markStale(event.document.uri.toString());
    }),
    cachedType,
    ranType,
    failedType,
  );
}
