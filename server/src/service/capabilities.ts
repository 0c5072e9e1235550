// Everything the server announces, in one place next to the handlers that implement it.
import { CodeActionKind, type ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['-', '=', '$', '{', ',', ':'], resolveProvider: true },
  signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: [','] },
};
