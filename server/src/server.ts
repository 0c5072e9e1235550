// Layerwise language server: LSP wiring only. Analysis lives in parser/, model/, rules/,
// cache/ and service/; each handler fetches the cached analysis and calls one service function.
import { createConnection, type InitializeParams, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BUILD_RESULTS, FILE_IMPACT, type FileImpactParams } from './protocol';
import { RULES } from './rules';
import { type AnalysedDocument, DocumentStore } from './service/analysedDocument';
import { BuildResultStore, readBuildResultsParams } from './service/buildResults';
import { SERVER_CAPABILITIES } from './service/capabilities';
import { quickFixes } from './service/codeActions';
import { codeLenses } from './service/codeLens';
import { completion } from './service/completion/completion';
import { DeferredDocumentation } from './service/completion/deferredDocumentation';
import { DiagnosticsEngine } from './service/diagnostics';
import { perVersion } from './service/documentCache';
import { readDockerfileModel } from './service/dockerfileOnDisk';
import { answerFileImpact } from './service/fileImpactRequest';
import { foldingRanges } from './service/folding';
import { formatLines, formatOnNewLine } from './service/formatting/formatting';
import { hover } from './service/hover/hover';
import { collectInlayHints, type InlayHintProvider } from './service/inlayHints';
import { layerHintProvider } from './service/layerHints';
import { documentLinks } from './service/links';
import { fromLspPosition } from './service/lspRange';
import { definition } from './service/navigation/definition';
import { documentHighlights, references } from './service/navigation/references';
import { prepareRename, rename } from './service/navigation/rename';
import { semanticTokens } from './service/semanticTokens';
import { readSettings } from './service/settings';
import { signatureHelp } from './service/signatureHelp';
import { documentSymbols } from './service/symbols';
import { variableValueHints } from './service/variableValueHints';
import { WorkspaceState } from './service/workspaceState';
import { initShellParser } from './shell';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore();
const workspace = new WorkspaceState((message) => connection.console.warn(message));
const diagnosticsEngine = new DiagnosticsEngine(RULES, (rule, error) =>
  connection.console.error(`Layerwise: rule ${rule.code} failed and was skipped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`),
);
const completionDocs = new DeferredDocumentation();
const buildResults = new BuildResultStore();
/** Every inlay hint provider; the handler concatenates their hints. */
const inlayHintProviders: InlayHintProvider[] = [
  layerHintProvider(buildResults),
  (request) =>
    request.settings['layerwise.inlayHints.variableValues'] ? variableValueHints(request.document, request.range.start.line, request.range.end.line, request.language) : [],
];
let canPullConfiguration = false;
let canRefreshInlayHints = false;
let shellParserProblem: string | undefined;

// --- Lifecycle and settings --------------------------------------------------------------------

connection.onInitialize(async (params: InitializeParams) => {
  // Rules that read RUN as shell need the parser before the first check (it loads in ~40 ms).
  await initShellParser().catch((error: unknown) => (shellParserProblem = String(error)));
  const options = params.initializationOptions as { locale?: unknown } | undefined;
  workspace.setEditorLocale(typeof options?.locale === 'string' ? options.locale : params.locale);
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
  canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
  return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'layerwise', version: '0.1.0' } };
});

connection.onInitialized(() => {
  if (shellParserProblem) connection.console.warn(`Layerwise: the shell parser could not load, so rules that read RUN commands are off (${shellParserProblem})`);
  void refreshSettings();
});

connection.onDidChangeConfiguration((change) => {
  const pushed = (change.settings as { layerwise?: unknown } | undefined)?.layerwise;
  if (pushed !== undefined) applySettings(pushed);
  else void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [section] = (await connection.workspace.getConfiguration([{ section: 'layerwise' }])) as unknown[];
    applySettings(section);
  } catch (error) {
    connection.console.warn(`Layerwise: could not read settings, using defaults (${String(error)})`);
  }
}

function applySettings(section: unknown): void {
  workspace.setSettings(readSettings(section));
  connection.console.log(`Layerwise: settings applied (language ${workspace.language()})`);
  recheckAll();
}

connection.onDidChangeWatchedFiles(() => {
  workspace.forgetFiles();
  recheckAll();
});

function recheckAll(): void {
  for (const document of documents.all()) scheduleValidation(document);
  refreshInlayHints();
}

function refreshInlayHints(): void {
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
}

// --- Diagnostics ---------------------------------------------------------------------------------

// Validation runs once per burst of changes, right after the pending messages are handled.
const pending = new Set<string>();
function scheduleValidation(document: TextDocument): void {
  if (pending.has(document.uri)) return;
  pending.add(document.uri);
  setImmediate(() => {
    pending.delete(document.uri);
    const current = documents.get(document.uri);
    if (current) validate(current);
  });
}

function validate(document: TextDocument): void {
  try {
    const analysed = store.get(document);
    const diagnostics = diagnosticsEngine.diagnostics(analysed, workspace.settingsFor(document.uri), workspace.language(), workspace.buildContextFor(document.uri));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    connection.console.error(`Layerwise: checking ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

documents.onDidChangeContent((event) => scheduleValidation(event.document));
documents.onDidClose((event) => {
  store.delete(event.document.uri);
  diagnosticsEngine.forget(event.document.uri);
  workspace.forgetDocument(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

// --- Features ------------------------------------------------------------------------------------

/** The cached analysis of an open document. */
function analysed(uri: string): AnalysedDocument | undefined {
  const document = documents.get(uri);
  return document ? store.get(document) : undefined;
}

/** Runs `feature` on the open document, or answers `none` when it is not open. */
function withDocument<T, N>(uri: string, none: N, feature: (document: AnalysedDocument) => T): T | N {
  const document = analysed(uri);
  return document ? feature(document) : none;
}

const formatOptions = (uri: string, editor: { tabSize: number }) => ({ continuationIndent: workspace.settingsFor(uri)['layerwise.formatting.continuationIndent'], tabSize: editor.tabSize });

connection.onCodeAction(({ textDocument, context }) =>
  withDocument(textDocument.uri, [], (document) => {
    const fixesFor = diagnosticsEngine.fixesFor(document, workspace.settingsFor(document.uri), workspace.buildContextFor(document.uri), context.diagnostics);
    return quickFixes(document.uri, document.version, context.diagnostics, workspace.language(), fixesFor, document.tree);
  }),
);
connection.onHover(({ textDocument, position }) => withDocument(textDocument.uri, null, (document) => hover(document, fromLspPosition(position), workspace.language())));
connection.onCompletion(({ textDocument, position }) =>
  withDocument(textDocument.uri, [], (document) => completionDocs.defer(completion(document, fromLspPosition(position), workspace.language()))),
);
connection.onCompletionResolve((item) => completionDocs.resolve(item));
connection.onSignatureHelp(({ textDocument, position }) => withDocument(textDocument.uri, null, (document) => signatureHelp(document, fromLspPosition(position), workspace.language())));
connection.onDocumentSymbol(({ textDocument }) => withDocument(textDocument.uri, [], (document) => perVersion(document, 'symbols', [], () => documentSymbols(document))));
connection.onFoldingRanges(({ textDocument }) => withDocument(textDocument.uri, [], (document) => perVersion(document, 'folding', [], () => foldingRanges(document))));
connection.onDefinition(({ textDocument, position }) => withDocument(textDocument.uri, null, (document) => definition(document, fromLspPosition(position))));
connection.onReferences(({ textDocument, position, context }) => withDocument(textDocument.uri, [], (document) => references(document, fromLspPosition(position), context.includeDeclaration)));
connection.onDocumentHighlight(({ textDocument, position }) => withDocument(textDocument.uri, [], (document) => documentHighlights(document, fromLspPosition(position))));
connection.onPrepareRename(({ textDocument, position }) => withDocument(textDocument.uri, null, (document) => prepareRename(document, fromLspPosition(position), workspace.language())));
connection.onRenameRequest(({ textDocument, position, newName }) => withDocument(textDocument.uri, null, (document) => rename(document, fromLspPosition(position), newName, workspace.language())));
connection.onDocumentFormatting(({ textDocument, options }) => withDocument(textDocument.uri, [], (document) => formatLines(document, formatOptions(document.uri, options))));
connection.onDocumentRangeFormatting(({ textDocument, options, range }) =>
  withDocument(textDocument.uri, [], (document) => formatLines(document, formatOptions(document.uri, options), range.start.line, range.end.line)),
);
connection.onDocumentOnTypeFormatting(({ textDocument, options, position, ch }) =>
  withDocument(textDocument.uri, [], (document) => (ch === '\n' ? formatOnNewLine(document, fromLspPosition(position), formatOptions(document.uri, options)) : [])),
);
connection.languages.semanticTokens.on(({ textDocument }) => withDocument(textDocument.uri, { data: [] }, (document) => semanticTokens(document)));
connection.languages.semanticTokens.onRange(({ textDocument, range }) => withDocument(textDocument.uri, { data: [] }, (document) => semanticTokens(document, range)));
connection.onDocumentLinks(({ textDocument }) =>
  withDocument(textDocument.uri, [], (document) => {
    const context = workspace.buildContextFor(document.uri);
    const language = workspace.language();
    return perVersion(document, 'links', [context, language], () => documentLinks(document, context, language));
  }),
);
connection.onCodeLens(({ textDocument }) =>
  withDocument(textDocument.uri, [], (document) => perVersion(document, 'codeLens', [workspace.language()], () => codeLenses(document, workspace.language()))),
);
connection.languages.inlayHint.on(({ textDocument, range }) =>
  withDocument(textDocument.uri, [], (document) => {
    const request = { document, range, settings: workspace.settingsFor(document.uri), language: workspace.language(), buildContext: workspace.buildContextFor(document.uri) };
    return collectInlayHints(inlayHintProviders, request, (message) => connection.console.error(message));
  }),
);

// --- Build results and file impact (custom protocol) ---------------------------------------------

connection.onNotification(BUILD_RESULTS.method, (raw: unknown) => {
  const params = readBuildResultsParams(raw);
  if (!params) {
    connection.console.warn('Layerwise: ignored malformed build results');
    return;
  }
  const model = analysed(params.uri)?.model ?? readDockerfileModel(params.uri);
  if (model) buildResults.set(params, model.tree);
  else buildResults.delete(params.uri);
  refreshInlayHints();
});

connection.onRequest(FILE_IMPACT.method, (params: FileImpactParams) =>
  answerFileImpact(params, { openModel: (uri) => analysed(uri)?.model, buildContext: (uri) => workspace.buildContextFor(uri) }),
);

documents.listen(connection);
connection.listen();
