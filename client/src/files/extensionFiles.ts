// Reading one of the extension's own files in a web extension host, where there is no node:fs.
import * as vscode from 'vscode';

/**
 * The bytes of `file`, a file of the installed extension. The host's fetch comes first: it translates
 * the URIs an extension lives behind (`vscode-remote:` in code-server, https on vscode.dev);
 * workspace.fs reads what fetch cannot.
 */
export async function readExtensionFile(file: vscode.Uri): Promise<Uint8Array> {
  try {
    const response = await fetch(file.toString(true));
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`);
    return new Uint8Array(await response.arrayBuffer());
  } catch {
    return vscode.workspace.fs.readFile(file);
  }
}
