// A failed build puts an error on the instruction that failed, with the builder's message,
// so the Problems panel shows it. A successful build (or an edit) clears it.
import * as vscode from 'vscode';
import { t } from '../l10n/displayLanguage';
import type { BuildResultStore } from './buildResults';

export function registerBuildDiagnostics(store: BuildResultStore): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('layerwise-build');
  const subscription = store.onDidChange((uri, result) => {
    const target = vscode.Uri.parse(uri);
    const failure = result?.failure;
    if (result === undefined || failure === undefined || failure.startLine === undefined) {
      collection.delete(target);
      return;
    }
    const document = vscode.workspace.textDocuments.find((candidate) => candidate.uri.toString() === uri);
    const endLine = failure.endLine ?? failure.startLine;
    const endCharacter =
      document !== undefined && endLine < document.lineCount
        ? document.lineAt(endLine).range.end.character
        : Number.MAX_SAFE_INTEGER;
    const diagnostic = new vscode.Diagnostic(
      new vscode.Range(failure.startLine, 0, endLine, endCharacter),
      t('Build failed here: {0}', failure.message),
      vscode.DiagnosticSeverity.Error,
    );
    diagnostic.source = result.builder === 'podman' ? 'podman build' : 'docker build';
    collection.set(target, [diagnostic]);
  });
  return vscode.Disposable.from(collection, { dispose: subscription.dispose });
}
