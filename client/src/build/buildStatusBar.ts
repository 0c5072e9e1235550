// The status bar item with the last build's summary (total time, cache hits) for the active Dockerfile.
import * as vscode from 'vscode';
import { builderLabel } from '../docker/builderLabel';
import { l10n, t } from '../l10n/displayLanguage';
import { cacheSummary, type BuildResultStore } from './buildResults';
import { buildSummaryLine, formatDuration } from './buildSummary';

export function registerBuildStatusBar(store: BuildResultStore, showCommand: string): vscode.Disposable {
  const item = vscode.window.createStatusBarItem('layerwise.build', vscode.StatusBarAlignment.Left, 10);
  item.name = t('Layerwise: last build');
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
    const duration = formatDuration(result.durationMs, l10n.language);
    const builder = result.builder === undefined ? undefined : builderLabel(result.builder, l10n);
    const text = t('{0} · {1}/{2} cached', duration, cache.cached, cache.steps);
    item.text = `${icon} ${builder === undefined ? text : `${text} · ${builder}`}`;
    const summary =
      builder === undefined
        ? buildSummaryLine(result, l10n)
        : t('{0} (built with {1})', buildSummaryLine(result, l10n), builder);
    item.tooltip = result.stale ? t('{0} (the Dockerfile changed since)', summary) : summary;
    item.show();
  };
  refresh();
  return vscode.Disposable.from(
    item,
    { dispose: store.onDidChange(refresh).dispose },
    vscode.window.onDidChangeActiveTextEditor(refresh),
  );
}
