// Layerwise language server: LSP wiring only. Analysis lives in parser/, model/ and service/.
import { createConnection, type InitializeParams, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentStore } from './service/analysedDocument';
import { SERVER_CAPABILITIES } from './service/capabilities';
import { type Language, resolveLanguage } from './service/language';
import { defaultSettings, readSettings, type Settings } from './service/settings';
import { fileURLToPath } from 'node:url';
import { BuildContext } from './context/buildContext';
import { RULES } from './rules';
import { quickFixes } from './service/codeActions';
import { DiagnosticsEngine } from './service/diagnostics';
import { applyProjectConfig, type ProjectConfig, ProjectConfigs } from './service/projectConfig';
import { completion } from './service/completion/completion';
import { DeferredDocumentation } from './service/completion/deferredDocumentation';
import { hover } from './service/hover/hover';
import { signatureHelp } from './service/signatureHelp';
import { fromLspPosition } from './service/lspRange';
import { BUILD_RESULTS, FILE_IMPACT, type FileImpactParams } from './protocol';
import { BuildResultStore, readBuildResultsParams } from './service/buildResults';
import { readDockerfileModel } from './service/dockerfileOnDisk';
import { answerFileImpact } from './service/fileImpactRequest';
import { collectInlayHints, type InlayHintProvider } from './service/inlayHints';
import { layerHintProvider } from './service/layerHints';
import { codeLenses } from './service/codeLens';
import { foldingRanges } from './service/folding';
import { formatLines, formatOnNewLine } from './service/formatting/formatting';
import { variableValueHints } from './service/variableValueHints';
import { documentLinks } from './service/links';
import { definition } from './service/navigation/definition';
import { documentHighlights, references } from './service/navigation/references';
import { prepareRename, rename } from './service/navigation/rename';
import { semanticTokens } from './service/semanticTokens';
import { documentSymbols } from './service/symbols';
import { perVersion } from './service/documentCache';
import type { AnalysedDocument } from './service/analysedDocument';
import { initShellParser } from './shell';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore();
const diagnosticsEngine = new DiagnosticsEngine(RULES);
const completionDocs = new DeferredDocumentation();
const buildContexts = new Map<string, BuildContext>();
const projectConfigs = new ProjectConfigs();
let settings: Settings = defaultSettings();
let editorLocale: string | undefined;
let canPullConfiguration = false;
let canRefreshInlayHints = false;
const buildResults = new BuildResultStore();
/** Every inlay hint provider; the handler concatenates their hints. */
const inlayHintProviders: InlayHintProvider[] = [
  layerHintProvider(buildResults),
  (request) =>
    request.settings['layerwise.inlayHints.variableValues'] ? variableValueHints(request.document, request.range.start.line, request.range.end.line, request.language) : [],
];

let shellParserProblem: string | undefined;

connection.onInitialize(async (params: InitializeParams) => {
  // Rules that read RUN as shell need the parser before the first check (it loads in ~40 ms).
  await initShellParser().catch((error: unknown) => (shellParserProblem = String(error)));
  const options = params.initializationOptions as { locale?: unknown } | undefined;
  editorLocale = typeof options?.locale === 'string' ? options.locale : params.locale;
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
  if (pushed !== undefined) applySettings(readSettings(pushed));
  else void refreshSettings();
});

async function refreshSettings(): Promise<void> {
  if (!canPullConfiguration) return;
  try {
    const [section] = (await connection.workspace.getConfiguration([{ section: 'layerwise' }])) as unknown[];
    applySettings(readSettings(section));
  } catch (error) {
    connection.console.warn(`Layerwise: could not read settings, using defaults (${String(error)})`);
  }
}

function applySettings(next: Settings): void {
  settings = next;
  connection.console.log(`Layerwise: settings applied (language ${language()})`);
  for (const document of documents.all()) scheduleValidation(document);
  refreshInlayHints();
}

function refreshInlayHints(): void {
  if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
}

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
    const diagnostics = diagnosticsEngine.diagnostics(analysed, settingsFor(document.uri), language(), buildContextFor(document.uri));
    void connection.sendDiagnostics({ uri: document.uri, version: document.version, diagnostics });
  } catch (error) {
    connection.console.error(`Layerwise: checking ${document.uri} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  }
}

function language(): Language {
  return resolveLanguage(settings['layerwise.docs.language'], editorLocale);
}

/** The build context of a Dockerfile on disk (its folder), cached until watched files change. */
function buildContextFor(uri: string): BuildContext | undefined {
  if (!uri.startsWith('file:')) return undefined;
  let context = buildContexts.get(uri);
  if (!context) {
    context = BuildContext.forDockerfile(fileURLToPath(uri));
    buildContexts.set(uri, context);
  }
  return context;
}

/** The workspace settings, overridden by the nearest .layerwise.json above a file on disk. */
function settingsFor(uri: string): Settings {
  if (!uri.startsWith('file:')) return settings;
  const config = projectConfigs.forFile(fileURLToPath(uri));
  if (config) reportConfigProblems(config);
  return applyProjectConfig(settings, config);
}

const reportedConfigs = new WeakSet<ProjectConfig>();
function reportConfigProblems(config: ProjectConfig): void {
  if (reportedConfigs.has(config) || config.problems.length === 0) return;
  reportedConfigs.add(config);
  connection.console.warn(`Layerwise: ${config.path}: ${config.problems.join('; ')}`);
}

connection.onDidChangeWatchedFiles(() => {
  buildContexts.clear();
  projectConfigs.clear();
  for (const document of documents.all()) scheduleValidation(document);
  refreshInlayHints();
});

connection.languages.inlayHint.on((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const request = { document: store.get(document), range: params.range, settings: settingsFor(document.uri), language: language(), buildContext: buildContextFor(document.uri) };
  return collectInlayHints(inlayHintProviders, request, (message) => connection.console.error(message));
});

connection.onNotification(BUILD_RESULTS.method, (raw: unknown) => {
  const params = readBuildResultsParams(raw);
  if (!params) {
    connection.console.warn('Layerwise: ignored malformed build results');
    return;
  }
  const open = documents.get(params.uri);
  const model = open ? store.get(open).model : readDockerfileModel(params.uri);
  if (model) buildResults.set(params, model.tree);
  else buildResults.delete(params.uri);
  refreshInlayHints();
});

connection.onRequest(FILE_IMPACT.method, (params: FileImpactParams) =>
  answerFileImpact(params, {
    openModel: (uri) => {
      const open = documents.get(uri);
      return open ? store.get(open).model : undefined;
    },
    buildContext: buildContextFor,
  }),
);

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  const analysed = store.get(document);
  const fixesFor = diagnosticsEngine.fixesFor(analysed, settingsFor(document.uri), buildContextFor(document.uri), params.context.diagnostics);
  return quickFixes(document.uri, document.version, params.context.diagnostics, language(), fixesFor, analysed.tree);
});

connection.onHover((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? hover(store.get(document), fromLspPosition(params.position), language()) : null;
});

connection.onCompletion((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? completionDocs.defer(completion(store.get(document), fromLspPosition(params.position), language())) : [];
});

connection.onCompletionResolve((item) => completionDocs.resolve(item));

connection.onSignatureHelp((params) => {
  const document = documents.get(params.textDocument.uri);
  return document ? signatureHelp(store.get(document), fromLspPosition(params.position), language()) : null;
});

// Editor features: each handler fetches the cached analysis and calls its service module.
function analysed(uri: string): AnalysedDocument | undefined {
  const document = documents.get(uri);
  return document ? store.get(document) : undefined;
}

const formatOptions = (editor: { tabSize: number }) => ({ continuationIndent: settings['layerwise.formatting.continuationIndent'], tabSize: editor.tabSize });


connection.onDocumentSymbol((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? perVersion(document, 'symbols', [], () => documentSymbols(document)) : [];
});
connection.onFoldingRanges((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? perVersion(document, 'folding', [], () => foldingRanges(document)) : [];
});
connection.onDefinition((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? definition(document, fromLspPosition(params.position)) : null;
});
connection.onReferences((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? references(document, fromLspPosition(params.position), params.context.includeDeclaration) : [];
});
connection.onDocumentHighlight((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? documentHighlights(document, fromLspPosition(params.position)) : [];
});
connection.onPrepareRename((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? prepareRename(document, fromLspPosition(params.position), language()) : null;
});
connection.onRenameRequest((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? rename(document, fromLspPosition(params.position), params.newName, language()) : null;
});
connection.onDocumentFormatting((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? formatLines(document, formatOptions(params.options)) : [];
});
connection.onDocumentRangeFormatting((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? formatLines(document, formatOptions(params.options), params.range.start.line, params.range.end.line) : [];
});
connection.onDocumentOnTypeFormatting((params) => {
  const document = analysed(params.textDocument.uri);
  return document && params.ch === '\n' ? formatOnNewLine(document, fromLspPosition(params.position), formatOptions(params.options)) : [];
});
connection.languages.semanticTokens.on((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? semanticTokens(document) : { data: [] };
});
connection.languages.semanticTokens.onRange((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? semanticTokens(document, params.range) : { data: [] };
});
connection.onDocumentLinks((params) => {
  const document = analysed(params.textDocument.uri);
  if (!document) return [];
  const context = buildContextFor(document.uri);
  return perVersion(document, 'links', [context, language()], () => documentLinks(document, context, language()));
});
connection.onCodeLens((params) => {
  const document = analysed(params.textDocument.uri);
  return document ? perVersion(document, 'codeLens', [language()], () => codeLenses(document, language())) : [];
});

documents.onDidChangeContent((event) => scheduleValidation(event.document));
documents.onDidClose((event) => {
  store.delete(event.document.uri);
  buildContexts.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
