// The command behind a hover's "Open the full page" link: shows the doc page beside the editor as
// rendered Markdown. The page is a virtual document whose text comes from the language server.
import * as vscode from 'vscode';
import type { BaseLanguageClient } from 'vscode-languageclient';
import { DOC_PAGE, readDocPageParams, SHOW_DOCS_COMMAND } from '../../../protocol/src/protocol';
import { t } from '../l10n/displayLanguage';
import { DOCS_SCHEME, docPageParams, docPagePath } from './docPageAddress';

export function registerShowDocs(client: BaseLanguageClient): vscode.Disposable {
  const pages: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri, token) {
      const params = docPageParams(uri.path);
      const page = params ? await client.sendRequest(DOC_PAGE, params, token) : null;
      return page?.markdown ?? `# Layerwise\n\n${t('There is no documentation page at {0}.', `\`${uri.path}\``)}\n`;
    },
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, pages),
    vscode.commands.registerCommand(SHOW_DOCS_COMMAND, async (path: unknown, language: unknown) => {
      const params = readDocPageParams({ path, language });
      if (!params) return;
      const uri = vscode.Uri.from({ scheme: DOCS_SCHEME, path: docPagePath(params) });
      try {
        await vscode.commands.executeCommand('markdown.showPreviewToSide', uri);
      } catch {
        // Without the built-in Markdown extension, show the page's text instead.
        await vscode.window.showTextDocument(uri, { viewColumn: vscode.ViewColumn.Beside, preview: true });
      }
    }),
  );
}
