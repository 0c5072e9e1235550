// Layerwise language server: LSP wiring only, on whatever connection it is given (server.ts gives
// it stdio or IPC; tests give it in-memory streams), each call a server with state of its own.
// Analysis lives in core/ and service/; each handler fetches the cached analysis and calls one
// service function. Every request answers "cancelled" once the client has cancelled it, and
// whole-file requests keep to the budgets of service/requestBudget.ts, so a huge file never
// stalls the server.
import { pathToFileURL } from 'node:url';
import {
  type CancellationToken,
  type Connection,
  type InitializeParams,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  BUILD_RESULTS,
  DOC_PAGE,
  FILE_IMPACT,
  IMAGE_FACTS,
  IMAGE_FACTS_OPTION,
  IMAGES_CHANGED,
} from '../../protocol/src/protocol';
import { RULES } from '../../core/src/rules';
import { type AnalysedDocument, DocumentStore } from '../../core/src/engine/analysedDocument';
import { ImageCatalog } from '../../core/src/engine/imageCatalog';
import { BaseImageFacts } from './service/baseImageFacts';
import { BuildResultStore, readBuildResultsParams } from './service/buildResults';
import { SERVER_CAPABILITIES } from './service/capabilities';
import { quickFixes } from './service/codeActions';
import { codeLenses } from './service/codeLens';
import { completion } from './service/completion/completion';
import { DeferredDocumentation } from './service/completion/deferredDocumentation';
import { DiagnosticsEngine } from './service/diagnostics';
import { DocumentChecks } from './service/documentChecks';
import { docPage } from './service/docPage';
import { perVersion } from '../../core/src/engine/documentCache';
import { readDockerfileModel } from '../../core/src/engine/dockerfileOnDisk';
import { answerFileImpact } from './service/fileImpactRequest';
import { foldingRanges } from './service/folding';
import {
  type EditorIndent,
  formatLines,
  formatOnNewLine,
  indentFor,
  warmRunFormatting,
} from './service/formatting/formatting';
import { hover } from './service/hover/hover';
import { IdleWork } from './service/idleWork';
import { collectInlayHints, type InlayHintProvider } from './service/inlayHints';
import { layerHintProvider } from './service/layerHints';
import { documentLinks } from './service/links';
import { fromLspPosition } from './service/lspRange';
import { definition } from './service/navigation/definition';
import { documentHighlights, references } from './service/navigation/references';
import { prepareRename, rename } from './service/navigation/rename';
import {
  BudgetNotices,
  budgetedItems,
  budgetedLines,
  ITEM_BUDGET,
  ItemBudget,
  LINE_BUDGET,
} from './service/requestBudget';
import { semanticTokens } from './service/semanticTokens';
import { readSettings } from '../../core/src/engine/settings';
import { signatureHelp } from './service/signatureHelp';
import { documentSymbols } from './service/symbols';
import { ValidationQueue } from './service/validationQueue';
import { variableValueHints } from './service/variableValueHints';
import { baseImageHints } from './service/baseImageHints';
import { WorkspaceState } from './service/workspaceState';
import { initShellParser, initShellPrinter, onScriptTooLong } from '../../core/src/shell';
import type { ServerPlatform } from './serverPlatform';

/** Registers every handler of the Layerwise server on `connection` and starts listening. */
export function createServer(connection: Connection, platform: ServerPlatform): void {
  const documents = new TextDocuments(TextDocument);
  /** What is known about base images: the models start stages from it (service/baseImageFacts.ts fills it). */
  const imageCatalog = new ImageCatalog();
  const store = new DocumentStore(imageCatalog);
  const workspace = new WorkspaceState(
    (message) => connection.console.warn(message),
    // A build context finished its (asynchronous) listing: check again and redraw the hints with its files.
    // A check already running finishes and publishes first: the listing must not delay it.
    (summary) => {
      connection.console.log(summary);
      recheckAll('after');
    },
    { limits: platform.walkLimits },
    platform.files,
  );
  // Files the browser's editor answered for late: what was built on "not there" is read again.
  platform.lateFiles?.onAnswered((paths) => {
    workspace.forgetFiles(paths.map((path) => platform.files.uriOf(path)));
    recheckAll('after');
  });
  const diagnosticsEngine = new DiagnosticsEngine(RULES, (rule, error) =>
    connection.console.error(`Layerwise: rule ${rule.code} failed and was skipped: ${describeError(error)}`),
  );
  const completionDocs = new DeferredDocumentation();
  const buildResults = new BuildResultStore();
  const budgetNotices = new BudgetNotices((message) => connection.console.log(message));
  const stopHearingScriptTooLong = onScriptTooLong((message) => connection.console.log(message));
  /** Every inlay hint provider; the handler concatenates their hints. */
  const inlayHintProviders: InlayHintProvider[] = [
    layerHintProvider(buildResults),
    (request) =>
      request.settings['layerwise.inlayHints.variableValues']
        ? variableValueHints(request.document, request.range.start.line, request.range.end.line, request.language)
        : [],
    (request) =>
      request.settings['layerwise.inlayHints.baseImage']
        ? baseImageHints(request.document, request.range.start.line, request.range.end.line, request.language)
        : [],
  ];
  let canPullConfiguration = false;
  let canRefreshInlayHints = false;
  let canWatchWorkspaceFolders = false;
  /** The workspace folders by URI, as paths (.layerwise.json is read inside them only). */
  const workspaceFolders = new Map<string, string>();
  let shellParserProblem: string | undefined;
  // The shell parser loads while the client starts up (next to the printer, which initialize waits
  // for) and the first answers go out: full checks wait for it (service/documentChecks.ts), the
  // first answer at open does not.
  const shellParserLoaded = initShellParser().catch((error: unknown) => (shellParserProblem = String(error)));

  // --- Lifecycle and settings --------------------------------------------------------------------

  connection.onInitialize(async (params: InitializeParams) => {
    platform.initialize?.(params);
    // Formatting of RUN scripts (shfmt's printer); until it loads, RUNs get whitespace-only formatting.
    await initShellPrinter().catch(() => undefined);
    const options = params.initializationOptions as { locale?: unknown; [IMAGE_FACTS_OPTION]?: unknown } | undefined;
    if (options?.[IMAGE_FACTS_OPTION] === true) baseImages.enable();
    workspace.setEditorLocale(typeof options?.locale === 'string' ? options.locale : params.locale);
    canPullConfiguration = params.capabilities.workspace?.configuration === true;
    canRefreshInlayHints = params.capabilities.workspace?.inlayHint?.refreshSupport === true;
    canWatchWorkspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
    const root = params.rootUri ?? (params.rootPath ? pathToFileURL(params.rootPath).href : undefined);
    setWorkspaceFolders(params.workspaceFolders ?? (root ? [{ uri: root, name: '' }] : []), []);
    return { capabilities: SERVER_CAPABILITIES, serverInfo: { name: 'layerwise', version: '0.1.0' } };
  });

  connection.onInitialized(() => {
    void shellParserLoaded.then(() => {
      if (shellParserProblem)
        connection.console.warn(
          `Layerwise: the shell parser could not load, so rules that read RUN commands are off (${shellParserProblem})`,
        );
    });
    if (canWatchWorkspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders(({ added, removed }) => {
        setWorkspaceFolders(added, removed);
        recheckAll();
      });
    }
    void refreshSettings();
  });

  function setWorkspaceFolders(added: readonly WorkspaceFolder[], removed: readonly WorkspaceFolder[]): void {
    for (const folder of removed) workspaceFolders.delete(folder.uri);
    for (const folder of added) {
      // Not a folder the file access reads (not local on the desktop): nothing to read there.
      const path = platform.files.pathOf(folder.uri);
      if (path !== undefined) workspaceFolders.set(folder.uri, path);
    }
    workspace.setWorkspaceFolders([...workspaceFolders.values()]);
  }

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
    const next = readSettings(section);
    // The settings pulled at start are usually the defaults: nothing to check again then.
    const changed = JSON.stringify(next) !== JSON.stringify(workspace.currentSettings());
    workspace.setSettings(next);
    connection.console.log(`Layerwise: settings applied (language ${workspace.language()})`);
    if (changed) recheckAll();
  }

  connection.onDidChangeWatchedFiles(({ changes }) => {
    platform.lateFiles?.forget();
    workspace.forgetFiles(changes.map((change) => change.uri));
    recheckAll();
  });

  /**
   * Checks every open document again: at once (`now`), or after a check that is running (`after`,
   * see ValidationQueue.schedule).
   */
  function recheckAll(reason: 'now' | 'after' = 'now'): void {
    for (const document of documents.all()) validations.schedule(document.uri, reason);
    refreshInlayHints();
  }

  function refreshInlayHints(): void {
    if (canRefreshInlayHints) void connection.languages.inlayHint.refresh();
  }

  // --- Diagnostics ---------------------------------------------------------------------------------

  // Checks run in the background, in slices between other messages (service/validationQueue.ts):
  // a change waits for typing to pause, and a newer version stops the check of an older one, so
  // typing into a huge file never builds a backlog and requests are answered meanwhile.
  const documentChecks = new DocumentChecks(diagnosticsEngine, {
    analysed,
    settingsFor: (uri) => workspace.settingsFor(uri),
    language: () => workspace.language(),
    buildContextFor: (uri) => workspace.buildContextFor(uri),
    publish: (params) => void connection.sendDiagnostics(params),
    shellParserLoaded,
    checked: (uri, document) => {
      warmFormatting(uri, document);
      baseImages.note(uri, document.model);
    },
  });
  const validations = new ValidationQueue((uri) => documentChecks.steps(uri), {
    reportError: (uri, error) => connection.console.error(`Layerwise: checking ${uri} failed: ${describeError(error)}`),
  });

  // Once a version is checked, its RUNs are formatted ahead of time when nothing else is going on
  // (service/idleWork.ts), so the first format request finds them cached; a request that comes
  // first does the rest itself. Not while any check waits or runs; dropped on change and close.
  const idleWork = new IdleWork({
    isBusy: () => validations.isAnyBusy(),
    reportError: (uri, error) =>
      connection.console.error(`Layerwise: preparing ${uri} failed: ${describeError(error)}`),
  });
  /** The editor options of the last format request per document (the ones the next will likely send). */
  const lastEditorIndent = new Map<string, EditorIndent>();
  const DEFAULT_EDITOR_INDENT: EditorIndent = { tabSize: 4, insertSpaces: true };

  function warmFormatting(uri: string, document: AnalysedDocument): void {
    idleWork.schedule(uri, () => {
      if (documents.get(uri)?.version !== document.version) return undefined;
      return warmRunFormatting(document, formatOptions(uri, lastEditorIndent.get(uri) ?? DEFAULT_EDITOR_INDENT));
    });
  }

  documents.onDidChangeContent((event) => {
    idleWork.cancel(event.document.uri);
    validations.schedule(event.document.uri, 'edit');
  });
  documents.onDidClose((event) => {
    idleWork.cancel(event.document.uri);
    lastEditorIndent.delete(event.document.uri);
    validations.cancel(event.document.uri);
    budgetNotices.forget(event.document.uri);
    store.delete(event.document.uri);
    diagnosticsEngine.forget(event.document.uri);
    documentChecks.forget(event.document.uri);
    workspace.forgetDocument(event.document.uri);
    baseImages.forget(event.document.uri);
    void connection.sendDiagnostics({ uri: event.document.uri, diagnostics: [] });
  });

  // --- Features ------------------------------------------------------------------------------------

  /** The cached analysis of an open document. */
  function analysed(uri: string): AnalysedDocument | undefined {
    const document = documents.get(uri);
    return document ? store.get(document) : undefined;
  }

  /** The answer to a request the client cancelled before it was handled. */
  const cancelled = (): ResponseError<void> =>
    new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

  /** Runs `feature` on the open document; answers `none` when it is not open, "cancelled" when the client cancelled. */
  function withDocument<T, N>(
    uri: string,
    token: CancellationToken,
    none: N,
    feature: (document: AnalysedDocument) => T,
  ): T | N | ResponseError<void> {
    if (token.isCancellationRequested) return cancelled();
    // Work prepared ahead of time waits until requests pause.
    idleWork.noteActivity();
    const document = analysed(uri);
    return document ? feature(document) : none;
  }

  const whenCancelled = (token: CancellationToken): Promise<void> =>
    new Promise((resolve) => token.onCancellationRequested(() => resolve()));

  const formatOptions = (uri: string, editor: EditorIndent) => {
    const settings = workspace.settingsFor(uri);
    return {
      ...indentFor(settings['layerwise.formatting.continuationIndent'], editor),
      breakChains: settings['layerwise.formatting.breakChains'],
      maxLineLength: settings['layerwise.formatting.maxLineLength'],
    };
  };

  /** Lines `fromLine` to `toLine` within the line budget, noting once when the budget cut them. */
  function linesFor(
    document: AnalysedDocument,
    feature: string,
    fromLine: number,
    toLine: number,
  ): { fromLine: number; toLine: number } {
    const lines = budgetedLines(fromLine, toLine);
    if (lines.cut)
      budgetNotices.note(
        document.uri,
        feature,
        `${feature} cover only ${LINE_BUDGET} lines at a time ` +
          `(${fromLine + 1} to ${lines.toLine + 1} of ${toLine + 1})`,
      );
    return lines;
  }

  /** At most ITEM_BUDGET items, noting once when the budget cut them. */
  function itemsFor<T>(document: AnalysedDocument, feature: string, all: T[]): T[] {
    const { items, cut } = budgetedItems(all);
    if (cut) budgetNotices.note(document.uri, feature, `${feature} stop after ${ITEM_BUDGET} of ${all.length}`);
    return items;
  }

  connection.onCodeAction(async ({ textDocument, context }, token) => {
    if (token.isCancellationRequested) return cancelled();
    const uri = textDocument.uri;
    const version = documents.get(uri)?.version;
    // Mechanical fixes come from the findings of the check: wait for one that is pending or
    // running rather than check the whole file once more in this request.
    if (validations.isBusy(uri)) {
      await Promise.race([validations.whenIdle(uri), whenCancelled(token)]);
      if (token.isCancellationRequested) return cancelled();
      if (documents.get(uri)?.version !== version)
        return new ResponseError(LSPErrorCodes.ContentModified, 'The document changed.');
    }
    return withDocument(uri, token, [], (document) => {
      const fixesFor = diagnosticsEngine.fixesFor(
        document,
        workspace.settingsFor(document.uri),
        workspace.buildContextFor(document.uri),
        context.diagnostics,
      );
      return quickFixes(
        document.uri,
        document.version,
        context.diagnostics,
        workspace.language(),
        fixesFor,
        document.tree,
      );
    });
  });
  connection.onHover(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, token, null, (document) =>
      hover(
        document,
        fromLspPosition(position),
        workspace.language(),
        workspace.settingsFor(document.uri)['layerwise.docs.detail'],
        diagnosticsEngine.checkedFindings(document),
      ),
    ),
  );
  connection.onCompletion(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, token, [], (document) =>
      completionDocs.defer(completion(document, fromLspPosition(position), workspace.language())),
    ),
  );
  connection.onCompletionResolve((item) => completionDocs.resolve(item));
  connection.onSignatureHelp(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, token, null, (document) =>
      signatureHelp(document, fromLspPosition(position), workspace.language()),
    ),
  );
  connection.onDocumentSymbol(({ textDocument }, token) =>
    withDocument(textDocument.uri, token, [], (document) =>
      perVersion(document, 'symbols', [], () => {
        const budget = new ItemBudget();
        const symbols = documentSymbols(document, budget);
        if (budget.truncated)
          budgetNotices.note(document.uri, 'document symbols', `document symbols stop after ${ITEM_BUDGET}`);
        return symbols;
      }),
    ),
  );
  connection.onFoldingRanges(({ textDocument }, token) =>
    withDocument(textDocument.uri, token, [], (document) =>
      perVersion(document, 'folding', [], () => itemsFor(document, 'folding ranges', foldingRanges(document))),
    ),
  );
  connection.onDefinition(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, token, null, (document) => definition(document, fromLspPosition(position))),
  );
  connection.onReferences(({ textDocument, position, context }, token) =>
    withDocument(textDocument.uri, token, [], (document) =>
      references(document, fromLspPosition(position), context.includeDeclaration),
    ),
  );
  connection.onDocumentHighlight(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, token, [], (document) => documentHighlights(document, fromLspPosition(position))),
  );
  connection.onPrepareRename(({ textDocument, position }, token) =>
    withDocument(textDocument.uri, token, null, (document) =>
      prepareRename(document, fromLspPosition(position), workspace.language()),
    ),
  );
  connection.onRenameRequest(({ textDocument, position, newName }, token) =>
    withDocument(textDocument.uri, token, null, (document) =>
      rename(document, fromLspPosition(position), newName, workspace.language()),
    ),
  );
  connection.onDocumentFormatting(({ textDocument, options }, token) =>
    // Formatting is asked for explicitly and is linear (~0.3 s at 100,000 lines): never cut short.
    withDocument(textDocument.uri, token, [], (document) => {
      lastEditorIndent.set(document.uri, { tabSize: options.tabSize, insertSpaces: options.insertSpaces });
      // What is not prepared yet is done here; the preparing has nothing left to do after.
      idleWork.cancel(document.uri);
      return formatLines(document, formatOptions(document.uri, options));
    }),
  );
  connection.onDocumentRangeFormatting(({ textDocument, options, range }, token) =>
    withDocument(textDocument.uri, token, [], (document) => {
      lastEditorIndent.set(document.uri, { tabSize: options.tabSize, insertSpaces: options.insertSpaces });
      return formatLines(document, formatOptions(document.uri, options), range.start.line, range.end.line);
    }),
  );
  connection.onDocumentOnTypeFormatting(({ textDocument, options, position, ch }, token) =>
    withDocument(textDocument.uri, token, [], (document) =>
      ch === '\n' ? formatOnNewLine(document, fromLspPosition(position), formatOptions(document.uri, options)) : [],
    ),
  );
  connection.languages.semanticTokens.on(({ textDocument }, token) =>
    withDocument(textDocument.uri, token, { data: [] }, (document) => {
      const lastLine = document.lines.length - 1;
      const { fromLine, toLine } = linesFor(document, 'semantic tokens', 0, lastLine);
      return toLine < lastLine
        ? semanticTokens(document, { start: { line: fromLine }, end: { line: toLine } })
        : semanticTokens(document);
    }),
  );
  connection.languages.semanticTokens.onRange(({ textDocument, range }, token) =>
    withDocument(textDocument.uri, token, { data: [] }, (document) => {
      const { fromLine, toLine } = linesFor(document, 'semantic tokens', range.start.line, range.end.line);
      return semanticTokens(document, { start: { line: fromLine }, end: { line: toLine } });
    }),
  );
  connection.onDocumentLinks(({ textDocument }, token) =>
    withDocument(textDocument.uri, token, [], (document) => {
      const context = workspace.buildContextFor(document.uri);
      const language = workspace.language();
      return perVersion(document, 'links', [context, language], () =>
        itemsFor(document, 'document links', documentLinks(document, context, language)),
      );
    }),
  );
  connection.onCodeLens(({ textDocument }, token) =>
    withDocument(textDocument.uri, token, [], (document) =>
      perVersion(document, 'codeLens', [workspace.language()], () =>
        itemsFor(document, 'code lenses', codeLenses(document, workspace.language())),
      ),
    ),
  );
  connection.languages.inlayHint.on(({ textDocument, range }, token) =>
    withDocument(textDocument.uri, token, [], (document) => {
      const { toLine } = linesFor(document, 'inlay hints', range.start.line, range.end.line);
      const budgeted =
        toLine < range.end.line
          ? { start: range.start, end: { line: toLine, character: document.lines[toLine]?.length ?? 0 } }
          : range;
      const request = {
        document,
        range: budgeted,
        settings: workspace.settingsFor(document.uri),
        language: workspace.language(),
        buildContext: workspace.buildContextFor(document.uri),
      };
      return collectInlayHints(inlayHintProviders, request, (message) => connection.console.error(message));
    }),
  );

  // --- Build results and file impact (custom protocol) ---------------------------------------------

  /** The latest build results notification per URI: a slower read of an older one must not win. */
  const latestBuildResults = new Map<string, number>();
  let buildResultsCount = 0;

  // The parameters are what the client sent: read defensively before use.
  connection.onNotification(BUILD_RESULTS, async (sent) => {
    const params = readBuildResultsParams(sent);
    if (!params) {
      connection.console.warn('Layerwise: ignored malformed build results');
      return;
    }
    const sequence = ++buildResultsCount;
    latestBuildResults.set(params.uri, sequence);
    // An open document is read as it is now; a file on disk only when it is a regular file (asynchronously).
    const model = analysed(params.uri)?.model ?? (await readDockerfileModel(params.uri, platform.files));
    if (latestBuildResults.get(params.uri) !== sequence) return;
    latestBuildResults.delete(params.uri);
    if (model) buildResults.set(params, model.tree);
    else buildResults.delete(params.uri);
    refreshInlayHints();
  });

  // What the local engine knows about base images, asked of the client (when it answers) after checks.
  const baseImages = new BaseImageFacts(imageCatalog, {
    ask: (references, token) => connection.sendRequest(IMAGE_FACTS, { references }, token),
    changed: (uris) => {
      for (const uri of uris) validations.schedule(uri, 'now');
      refreshInlayHints();
    },
    log: (message) => connection.console.warn(message),
  });
  connection.onNotification(IMAGES_CHANGED, () => baseImages.imagesChanged());

  // The whole page behind a hover's "Open the full page" link.
  connection.onRequest(DOC_PAGE, (params) => docPage(params));

  connection.onRequest(FILE_IMPACT, async (params, token) => {
    if (token.isCancellationRequested) return cancelled();
    const sources = {
      openModel: (uri: string) => analysed(uri)?.model,
      buildContext: (uri: string) => workspace.buildContextFor(uri),
      files: platform.files,
    };
    return (await answerFileImpact(params, sources, () => token.isCancellationRequested)) ?? cancelled();
  });

  // --- Shutdown ------------------------------------------------------------------------------------

  // After `shutdown` nothing more runs: pending checks, prepared formatting and build-context walks
  // stop. The process exits on `exit` anyway; a server running inside a test process must leave no
  // timer or walk behind.
  connection.onShutdown(() => {
    stopHearingScriptTooLong();
    baseImages.stop();
    for (const document of documents.all()) {
      idleWork.cancel(document.uri);
      validations.cancel(document.uri);
    }
    workspace.forgetFiles();
  });

  documents.listen(connection);
  connection.listen();
}

/** An error for the log: its stack when it has one. */
function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
