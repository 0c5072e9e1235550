// One check of an open document, from its text to its published diagnostics. The first check
// after a document opens publishes twice: at once what needs neither the shell parser nor the
// model (the parser's problems and most instruction rules' findings, CheckEngine.earlyCheck), then
// everything. The first answer costs a fraction of the full check on a large file (the shell view
// of every RUN and the stage rules come after it), and the shell parser may still be loading. The
// second publish is a full check of the same version and replaces the first; the first is marked
// `partial`, so a client that waits for the final diagnostics can tell. Later checks (edits,
// settings) publish once: they are incremental and fast.
import type { PublishDiagnosticsParams } from 'vscode-languageserver';
import type { BuildContext } from '../../../core/src/context/buildContext';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import type { Language } from '../../../core/src/engine/language';
import type { Settings } from '../../../core/src/engine/settings';
import type { DiagnosticsEngine } from './diagnostics';
import type { CheckSteps } from './validationQueue';

/** A publish that a full check of the same version follows (see the file comment). */
type PublishedDiagnostics = PublishDiagnosticsParams & { partial?: true };

export interface DocumentCheckHost {
  /** The open document's analysis as it is now; undefined once it is closed. */
  analysed(uri: string): AnalysedDocument | undefined;
  settingsFor(uri: string): Settings;
  language(): Language;
  buildContextFor(uri: string): BuildContext | undefined;
  publish(params: PublishedDiagnostics): void;
  /** Settles once the shell parser has loaded or failed to: rules read RUN as shell, and cache what they find. */
  shellParserLoaded: Promise<unknown>;
  /** After the full diagnostics of a version are published. */
  checked(uri: string, document: AnalysedDocument): void;
}

const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

export class DocumentChecks {
  /** Open documents whose full diagnostics were published since they opened. */
  private readonly fullyChecked = new Set<string>();
  private shellParserSettled = false;

  constructor(
    private readonly engine: DiagnosticsEngine,
    private readonly host: DocumentCheckHost,
  ) {
    const settled = (): void => {
      this.shellParserSettled = true;
    };
    host.shellParserLoaded.then(settled, settled);
  }

  /** The steps of one check of the document as it is when the check starts (see ValidationQueue). */
  *steps(uri: string): CheckSteps {
    const document = this.host.analysed(uri);
    if (!document) return;
    const { version } = document;
    yield;
    const settings = this.host.settingsFor(uri);
    const language = this.host.language();
    if (!this.fullyChecked.has(uri)) {
      const early = this.engine.earlyDiagnostics(document, settings, language);
      this.host.publish({ uri, version, diagnostics: early, partial: true });
      // Let the notification go out before the rest of the check takes the thread.
      yield nextTurn();
    }
    if (!this.shellParserSettled) yield this.host.shellParserLoaded;
    const diagnostics = yield* this.engine.diagnosticSteps(
      document,
      settings,
      language,
      this.host.buildContextFor(uri),
    );
    this.host.publish({ uri, version, diagnostics });
    this.fullyChecked.add(uri);
    this.host.checked(uri, document);
  }

  /** The document closed: its next open starts with a first answer again. */
  forget(uri: string): void {
    this.fullyChecked.delete(uri);
  }
}
