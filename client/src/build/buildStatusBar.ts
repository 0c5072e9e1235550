// The status bar item with the last build's summary (total time, cache hits) for the active Dockerfile.
import * as vscode from 'vscode';
import { cacheSummary, type BuildResultStore } from './buildResults';
import { buildSummaryLine, formatDuration } from './buildSummary';

export function registerBuildStatusBar(store: BuildResultStore, showCommand: string): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('layerwise.build', vscode.StatusBarAlignment.Left, 10);
  item.name = 'Layerwise: last build';
  item.command = showCommand;
  const refresh = (): void => {
    const uri = vscode.window.activeTextEditor?.document.uri.toString();
    const result = uri === undefined ? undefined : store.get(uri);
    if (result === undefined) {
      item.hide();
      return;
    }
    const cache = cacheSummary(result);
    const icon = result.canceled ? '$(debug-stop)' : result.succeeded ? '$(check)' : '$(error)';
    item.text = `${icon} ${formatDuration(result.durationMs)} · ${cache.cached}/${cache.steps} cached`;
    item.tooltip = `${buildSummaryLine(result)}${result.stale ? ' (the Dockerfile changed since)' : ''}`;
    item.show();
  };
  refresh();
  return vscode.Disposable.from(item, { dispose: store.onDidChange(refresh).dispose }, vscode.window.onDidChangeActiveTextEditor(refresh));
}
