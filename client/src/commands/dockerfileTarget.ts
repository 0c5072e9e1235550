// Finds the Dockerfile a command acts on (explorer selection, argument, or active editor),
// saves it when it has unsaved changes, and reads its outline.
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import { outlineDockerfile } from '../docker/parsedDockerfile';
import { t } from '../l10n/displayLanguage';

export interface DockerfileTarget {
  readonly uri: vscode.Uri;
  readonly document: vscode.TextDocument;
  readonly outline: DockerfileOutline;
  readonly workspaceFolder: string | undefined;
  readonly folderName: string;
}

export async function resolveDockerfile(argument: unknown): Promise<DockerfileTarget | undefined> {
  // A Uri from menus; a URI string from server-side commands such as the code lens.
  const uri =
    argument instanceof vscode.Uri
      ? argument
      : typeof argument === 'string'
        ? vscode.Uri.parse(argument)
        : vscode.window.activeTextEditor?.document.uri;
  if (uri === undefined) {
    void vscode.window.showWarningMessage(t('Open a Dockerfile first (or pick one in the Explorer).'));
    return undefined;
  }
  const document = await vscode.workspace.openTextDocument(uri);
  if (document.isDirty && !(await document.save())) {
    void vscode.window.showWarningMessage(
      t('{0} has unsaved changes that could not be saved.', path.basename(uri.fsPath)),
    );
    return undefined;
  }
  const folder = vscode.workspace.getWorkspaceFolder(uri);
  return {
    uri,
    document,
    outline: outlineDockerfile(document.getText()),
    workspaceFolder: folder?.uri.fsPath,
    folderName: path.basename(path.dirname(uri.fsPath)),
  };
}
