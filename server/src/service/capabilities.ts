// Everything the server announces, in one place next to the handlers that implement it.
import { CodeActionKind, type ServerCapabilities, TextDocumentSyncKind } from 'vscode-languageserver';
import { SEMANTIC_TOKENS_LEGEND } from './semanticTokens';

export const SERVER_CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix] },
  hoverProvider: true,
  completionProvider: { triggerCharacters: ['-', '=', '$', '{', ',', ':'], resolveProvider: true },
  signatureHelpProvider: { triggerCharacters: [' '], retriggerCharacters: [','] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  documentHighlightProvider: true,
  renameProvider: { prepareProvider: true },
  documentFormattingProvider: true,
  documentRangeFormattingProvider: true,
  documentOnTypeFormattingProvider: { firstTriggerCharacter: '\n' },
  semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true, range: true },
  documentLinkProvider: { resolveProvider: false },
  codeLensProvider: { resolveProvider: false },
  inlayHintProvider: { resolveProvider: false },
  // .layerwise.json is read inside the workspace folders only: the server follows their changes.
  workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
};
