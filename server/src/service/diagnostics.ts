// Runs the rules over an analysed document and turns findings into LSP diagnostics.
// Instruction rules are cached per parsed instruction: an edit re-checks only what it touched.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { BuildContext } from '../context/buildContext';
import { checkCommentsAbove, type CheckOptions, fileCheckOptions } from '../model';
import { instructionAtLine } from './instructionAt';
import type { Dockerfile, Instruction, Range } from '../parser';
import type { Finding, Fix, Rule, RuleContext, Severity } from '../rules';
import type { AnalysedDocument } from './analysedDocument';
import type { Language } from './language';
import { toLspRange } from './lspRange';
import type { RuleSeverity, Settings } from './settings';
import { DIAGNOSTIC_SOURCE, syntaxDiagnostics } from './syntaxDiagnostics';

const LSP_SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a rule diagnostic carries for code actions. */
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

export interface RuleFinding {
  rule: Rule;
  finding: Finding;
}

interface CachedFindings {
  /** The instruction's first line when the findings were computed. */
  line: number;
  findings: RuleFinding[];
}

export class DiagnosticsEngine {
  private readonly instructionCache = new WeakMap<Instruction, CachedFindings>();

  constructor(private readonly rules: readonly Rule[]) {}

  /** Every finding of every enabled rule not skipped by a `# check=skip` comment, in source order. */
  findings(document: AnalysedDocument, settings: Settings, buildContext: BuildContext | undefined): RuleFinding[] {
    const overrides = settings['layerwise.diagnostics.rules'];
    const options = fileCheckOptions(document.tree);
    const enabled = this.rules.filter((rule) => isEnabled(rule, overrides[rule.code], options));
    const instructionRules = new Set<Rule>(enabled.filter((rule) => rule.scope === 'instruction'));
    const result: RuleFinding[] = [];
    for (const instruction of document.tree.instructions) {
      for (const found of this.instructionFindings(instruction, document.tree.escapeChar)) {
        if (instructionRules.has(found.rule)) result.push(found);
      }
    }
    // The model is built only if a rule reads it: most edits then skip it.
    const context: RuleContext = {
      tree: document.tree,
      get model() {
        return document.model;
      },
      lines: document.lines,
      buildContext,
    };
    for (const rule of enabled) {
      if (rule.scope !== 'document') continue;
      for (const finding of rule.check(context)) result.push({ rule, finding });
    }
    return withoutSkipped(result, document.tree);
  }

  diagnostics(document: AnalysedDocument, settings: Settings, language: Language, buildContext: BuildContext | undefined): Diagnostic[] {
    if (!settings['layerwise.diagnostics.enable']) return [];
    const overrides = settings['layerwise.diagnostics.rules'];
    const errorOnWarning = fileCheckOptions(document.tree).error;
    const diagnostics = syntaxDiagnostics(document.tree);
    for (const { rule, finding } of this.findings(document, settings, buildContext)) {
      const override = overrides[rule.code];
      // `# check=error=true` turns build-check warnings into errors; a user setting still wins.
      const fileSeverity = errorOnWarning && rule.kind === 'build-check' ? 'error' : rule.severity;
      const data: DiagnosticData = { ignorable: rule.kind !== 'builder-error' };
      if (finding.fixes?.length) data.fixable = true;
      diagnostics.push({
        range: toLspRange(finding.range),
        severity: LSP_SEVERITY[override && override !== 'off' ? override : fileSeverity],
        code: rule.code,
        codeDescription: { href: rule.docs },
        source: DIAGNOSTIC_SOURCE,
        message: finding.message[language],
        data,
      });
    }
    return diagnostics;
  }

  /** The fixes of the finding a diagnostic was made from (same rule code and range). */
  fixesFor(document: AnalysedDocument, settings: Settings, buildContext: BuildContext | undefined, diagnostics: readonly Diagnostic[]): (diagnostic: Diagnostic) => Fix[] {
    const wanted = diagnostics.filter((d) => (d.data as Partial<DiagnosticData> | undefined)?.fixable);
    if (wanted.length === 0) return () => [];
    const findings = this.findings(document, settings, buildContext);
    return (diagnostic) =>
      findings
        .filter(({ rule, finding }) => rule.code === diagnostic.code && sameRange(finding.range, diagnostic.range))
        .flatMap(({ finding }) => finding.fixes ?? []);
  }

  /** All instruction rules' findings for one instruction, from cache when it was not re-parsed. */
  private instructionFindings(instruction: Instruction, escapeChar: string): RuleFinding[] {
    const line = instruction.range.start.line;
    const cached = this.instructionCache.get(instruction);
    if (cached) {
      if (cached.line === line) return cached.findings;
      // The instruction moved (lines added or removed above it): move its findings too.
      const moved = { line, findings: cached.findings.map((f) => shiftFinding(f, line - cached.line)) };
      this.instructionCache.set(instruction, moved);
      return moved.findings;
    }
    const findings: RuleFinding[] = [];
    for (const rule of this.rules) {
      if (rule.scope !== 'instruction') continue;
      for (const finding of rule.check(instruction, escapeChar)) findings.push(shiftFinding({ rule, finding }, 0));
    }
    this.instructionCache.set(instruction, { line, findings });
    return findings;
  }
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isEnabled(rule: Rule, override: RuleSeverity | undefined, options: CheckOptions): boolean {
  if (override === 'off') return false;
  if (override !== undefined || !rule.offByDefault) return true;
  return options.experimentalAll || options.experimental.has(rule.code);
}

/**
 * Drops findings that `# check=skip=...` silences: the file directive for every instruction,
 * a comment directly above an instruction for that instruction. Builder errors stay: skipping
 * them would not make `docker build` accept the file.
 */
function withoutSkipped(findings: RuleFinding[], tree: Dockerfile): RuleFinding[] {
  const file = fileCheckOptions(tree);
  const above = findings.length > 0 ? checkCommentsAbove(tree) : new Map();
  return findings.filter(({ rule, finding }) => {
    if (rule.kind === 'builder-error') return true;
    if (file.skipAll || file.skip.has(rule.code)) return false;
    const instruction = finding.instruction ?? instructionAtLine(tree, finding.range.start.line);
    const local = instruction ? above.get(instruction)?.options : undefined;
    return !(local && (local.skipAll || local.skip.has(rule.code)));
  });
}

/** A copy with fresh range objects moved by `delta` lines (cached findings never share positions with the tree). */
function shiftFinding({ rule, finding }: RuleFinding, delta: number): RuleFinding {
  const move = (range: Range): Range => ({
    start: { line: range.start.line + delta, character: range.start.character },
    end: { line: range.end.line + delta, character: range.end.character },
  });
  return {
    rule,
    finding: {
      ...finding,
      range: move(finding.range),
      fixes: finding.fixes?.map((fix) => ({ ...fix, edits: fix.edits.map((edit) => ({ range: move(edit.range), newText: edit.newText })) })),
    },
  };
}
