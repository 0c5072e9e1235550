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
import { completion } from './service/completion/completion';
import { DeferredDocumentation } from './service/completion/deferredDocumentation';
import { hover } from './service/hover/hover';
import { signatureHelp } from './service/signatureHelp';
import { fromLspPosition } from './service/lspRange';
import { initShellParser } from './shell';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const store = new DocumentStore();
const diagnosticsEngine = new DiagnosticsEngine(RULES);
const completionDocs = new DeferredDocumentation();
const buildContexts = new Map<string, BuildContext>();
let settings: Settings = defaultSettings();
let editorLocale: string | undefined;
let canPullConfiguration = false;

let shellParserProblem: string | undefined;

connection.onInitialize(async (params: InitializeParams) => {
  // Rules that read RUN as shell need the parser before the first check (it loads in ~40 ms).
  await initShellParser().catch((error: unknown) => (shellParserProblem = String(error)));
  const options = params.initializationOptions as { locale?: unknown } | undefined;
  editorLocale = typeof options?.locale === 'string' ? options.locale : params.locale;
  canPullConfiguration = params.capabilities.workspace?.configuration === true;
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
    const diagnostics = diagnosticsEngine.diagnostics(analysed, settings, language(), buildContextFor(document.uri));
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

connection.onDidChangeWatchedFiles(() => {
  buildContexts.clear();
  for (const document of documents.all()) scheduleValidation(document);
});

connection.onCodeAction((params) => {
  const document = documents.get(params.textDocument.uri);
  if (!document) return [];
  return quickFixes(document.uri, document.version, params.context.diagnostics, language(), store.get(document).tree);
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

documents.onDidChangeContent((event) => scheduleValidation(event.document));
documents.onDidClose((event) => {
  store.delete(event.document.uri);
  buildContexts.delete(event.document.uri);
  void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
});

documents.listen(connection);
connection.listen();
