// The LSP face of core's check engine: checked findings become diagnostics. Diagnostics are
// cached per checked finding, which the engine keeps from edit to edit.
import { pathToFileURL } from 'node:url';
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { BuildContext } from '../../../core/src/context/buildContext';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { type CheckedFinding, CheckEngine, type RuleFinding } from '../../../core/src/engine/checkEngine';
import type { Language } from '../../../core/src/engine/language';
import type { Settings } from '../../../core/src/engine/settings';
import type { Fix, Rule, Severity } from '../../../core/src/rules';
import { LastCheckedFindings } from './lastCheckedFindings';
import { toLspRange } from './lspRange';

const DIAGNOSTIC_SOURCE = 'layerwise';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/**
 * What a diagnostic carries for code actions. The fixes themselves are not sent with every
 * diagnostic (hundreds of them would make each edit's notification large); the code-action
 * request finds them again from the cached findings.
 */
export interface DiagnosticData {
  /** Whether the finding has mechanical fixes. */
  fixable?: true;
  /** Whether "Ignore ... on this line / in this file" applies (not to builder errors). */
  ignorable: boolean;
}

export type { RuleFinding };

export class DiagnosticsEngine {
  private readonly engine: CheckEngine;
  private readonly diagnosticCache = new WeakMap<CheckedFinding, { uri: string; diagnostic: Diagnostic }>();
  private readonly lastChecked = new LastCheckedFindings();

  /** `reportError` hears once about each rule that throws (the rule then reports nothing where it threw). */
  constructor(rules: readonly Rule[], reportError?: (rule: Rule, error: unknown) => void) {
    this.engine = new CheckEngine(rules, reportError);
  }

  /** Every finding of every enabled rule not skipped by a `# check=skip` comment, by stage. */
  findings(document: AnalysedDocument, settings: Settings, buildContext: BuildContext | undefined): RuleFinding[] {
    return this.engine.findings(document, settings, buildContext);
  }

  /** The findings of the last check of this version (none before one ends); for requests that must not check. */
  checkedFindings(document: AnalysedDocument): readonly CheckedFinding[] {
    return this.lastChecked.of(document.uri, document.version);
  }

  /** Drops what was kept for a closed document. */
  forget(uri: string): void {
    this.engine.forget(uri);
    this.lastChecked.forget(uri);
  }

  diagnostics(
    document: AnalysedDocument,
    settings: Settings,
    language: Language,
    buildContext: BuildContext | undefined,
  ): Diagnostic[] {
    const checked = this.engine.check(document, settings, language, buildContext);
    this.lastChecked.record(document.uri, document.version, checked);
    return checked.map((finding) => this.diagnosticOf(finding, document.uri));
  }

  /** A first answer while `diagnostics` runs: a subset of its diagnostics (see CheckEngine.earlyCheck). */
  earlyDiagnostics(document: AnalysedDocument, settings: Settings, language: Language): Diagnostic[] {
    const checked = this.engine.earlyCheck(document, settings, language);
    this.lastChecked.record(document.uri, document.version, checked);
    return checked.map((finding) => this.diagnosticOf(finding, document.uri));
  }

  /** `diagnostics` in steps (see CheckEngine.checkSteps). */
  *diagnosticSteps(
    document: AnalysedDocument,
    settings: Settings,
    language: Language,
    buildContext: BuildContext | undefined,
  ): Generator<void, Diagnostic[], void> {
    const checked = yield* this.engine.checkSteps(document, settings, language, buildContext);
    this.lastChecked.record(document.uri, document.version, checked);
    const diagnostics: Diagnostic[] = [];
    for (let i = 0; i < checked.length; i++) {
      if (i % 1000 === 999) yield;
      diagnostics.push(this.diagnosticOf(checked[i]!, document.uri));
    }
    return diagnostics;
  }

  /** The fixes of the finding a diagnostic was made from (same rule code and range). */
  fixesFor(
    document: AnalysedDocument,
    settings: Settings,
    buildContext: BuildContext | undefined,
    diagnostics: readonly Diagnostic[],
  ): (diagnostic: Diagnostic) => Fix[] {
    if (!diagnostics.some((d) => (d.data as Partial<DiagnosticData> | undefined)?.fixable)) return () => [];
    return this.engine.fixesFor(document, settings, buildContext);
  }

  /** `uri` is the Dockerfile's, for related places inside it. */
  private diagnosticOf(checked: CheckedFinding, uri: string): Diagnostic {
    const cached = this.diagnosticCache.get(checked);
    if (cached?.uri === uri) return cached.diagnostic;
    const diagnostic: Diagnostic = {
      range: toLspRange(checked.range),
      severity: LSP_SEVERITY[checked.severity],
      code: checked.code,
      source: DIAGNOSTIC_SOURCE,
      message: checked.message,
    };
    if (checked.rule) {
      diagnostic.codeDescription = { href: checked.docs! };
      const data: DiagnosticData = { ignorable: checked.ignorable };
      if (checked.fixes.length > 0) data.fixable = true;
      diagnostic.data = data;
    }
    if (checked.related.length > 0) {
      diagnostic.relatedInformation = checked.related.map((place) => ({
        location: {
          uri: place.path === undefined ? uri : pathToFileURL(place.path).href,
          range: toLspRange(place.range),
        },
        message: place.message,
      }));
    }
    this.diagnosticCache.set(checked, { uri, diagnostic });
    return diagnostic;
  }
}
