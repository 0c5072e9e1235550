// Command "Layerwise: What does changing this file rebuild?": asks the server about every
// Dockerfile in the workspace and lists the answers in a quick pick.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { FILE_IMPACT, type FileImpactParams } from '../../../protocol/src/protocol';
import { l10n, t } from '../l10n/displayLanguage';
import { impactItems } from './impactItems';

export const WHAT_REBUILDS_COMMAND = 'layerwise.whatRebuilds';

/** File names VS Code gives the `dockerfile` language (package.json `languages`). */
const DOCKERFILE_GLOB =
  '**/{Dockerfile,Dockerfile.*,*.Dockerfile,*.dockerfile,' +
  'Containerfile,Containerfile.*,*.Containerfile,*.containerfile}';
const MAX_DOCKERFILES = 500;

export async function whatRebuilds(client: LanguageClient, target: vscode.Uri | undefined): Promise<void> {
  const file = target instanceof vscode.Uri ? target : vscode.window.activeTextEditor?.document.uri;
  if (file?.scheme !== 'file') {
    void vscode.window.showInformationMessage(t('Pick a file on disk first.'));
    return;
  }
  const dockerfiles = await vscode.workspace.findFiles(DOCKERFILE_GLOB, '**/node_modules/**', MAX_DOCKERFILES);
  if (dockerfiles.length === 0) {
    void vscode.window.showInformationMessage(t('No Dockerfile in the workspace.'));
    return;
  }
  const params: FileImpactParams = { fileUri: file.toString(), dockerfileUris: dockerfiles.map((u) => u.toString()) };
  const result = await client.sendRequest(FILE_IMPACT, params);
  const items = impactItems(result, (uri) => vscode.workspace.asRelativePath(vscode.Uri.parse(uri)), l10n);
  const name = vscode.workspace.asRelativePath(file);
  const picked = await vscode.window.showQuickPick(items, {
    title: t('What changing {0} rebuilds', name),
    matchOnDescription: true,
  });
  if (!picked) return;
  const position = new vscode.Position(picked.line, 0);
  await vscode.window.showTextDocument(vscode.Uri.parse(picked.uri), {
    selection: new vscode.Range(position, position),
  });
}
