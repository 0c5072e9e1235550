import { type Diagnostic } from 'vscode-languageserver';
import type { BuildContext } from '../../../core/src/context/buildContext';
import { type Fix, type Rule, type RuleFinding } from '../../../core/src/rules';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import type { Language } from '../../../core/src/engine/language';
import type { Settings } from '../../../core/src/engine/settings';
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
export declare class DiagnosticsEngine {
  private readonly rules;
  private readonly reportError;
  private readonly instructionCache;
  private readonly stageCache;
  private readonly diagnosticCache;
  /** What the last run of each document used, reused while it stays the same. */
  private readonly lastRun;
  private readonly instructionRules;
  private readonly failedRules;
  /** `reportError` hears once about each rule that throws (the rule then reports nothing where it threw). */
  constructor(rules: readonly Rule[], reportError?: (rule: Rule, error: unknown) => void);
  /** Runs one rule; if it throws, the other rules' findings still reach the user. */
  private guard;
  /** Every finding of every enabled rule not skipped by a `# check=skip` comment, by stage. */
  findings(document: AnalysedDocument, settings: Settings, buildContext: BuildContext | undefined): RuleFinding[];
  /**
   * `findings` in steps: yields after each instruction checked, each stage re-checked and each
   * document rule. Whatever a step stores is complete, so a caller may stop at any yield; the
   * next check (of this or a newer version) picks up what was stored.
   */
  findingSteps(
    document: AnalysedDocument,
    settings: Settings,
    buildContext: BuildContext | undefined,
  ): Generator<void, RuleFinding[], void>;
  /** The enabled rules by kind: the same objects as last time while the set is the same, so stage caches stay valid. */
  private enabledRules;
  /** Drops what was kept for a closed document. */
  forget(uri: string): void;
  diagnostics(
    document: AnalysedDocument,
    settings: Settings,
    language: Language,
    buildContext: BuildContext | undefined,
  ): Diagnostic[];
  /** `diagnostics` in steps (see `findingSteps`). */
  diagnosticSteps(
    document: AnalysedDocument,
    settings: Settings,
    language: Language,
    buildContext: BuildContext | undefined,
  ): Generator<void, Diagnostic[], void>;
  /**
   * The fixes of the finding a diagnostic was made from (same rule code and range). The findings
   * with fixes are indexed by line once, so each diagnostic is one lookup however many there are.
   */
  fixesFor(
    document: AnalysedDocument,
    settings: Settings,
    buildContext: BuildContext | undefined,
    diagnostics: readonly Diagnostic[],
  ): (diagnostic: Diagnostic) => Fix[];
  /**
   * All instruction rules' findings for one instruction, from cache when it was not re-parsed.
   * An ONBUILD trigger is checked too (it runs in every build on this image), except for
   * BuildKit's build checks, which BuildKit does not apply to triggers.
   */
  private instructionFindings;
}
