// Runs the rules over an analysed document and turns findings into LSP diagnostics.
// Instruction rules are cached per parsed instruction: an edit re-checks only what it touched.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { BuildContext } from '../context/buildContext';
import type { Instruction, Range } from '../parser';
import type { Finding, Rule, RuleContext, Severity } from '../rules';
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

  /** Every finding of every enabled rule, in source order. */
  findings(document: AnalysedDocument, settings: Settings, buildContext: BuildContext | undefined): RuleFinding[] {
    const overrides = settings['layerwise.diagnostics.rules'];
    const enabled = this.rules.filter((rule) => isEnabled(rule, overrides[rule.code]));
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
    return result;
  }

  diagnostics(document: AnalysedDocument, settings: Settings, language: Language, buildContext: BuildContext | undefined): Diagnostic[] {
    if (!settings['layerwise.diagnostics.enable']) return [];
    const overrides = settings['layerwise.diagnostics.rules'];
    const diagnostics = syntaxDiagnostics(document.tree);
    for (const { rule, finding } of this.findings(document, settings, buildContext)) {
      const severity = overrides[rule.code];
      diagnostics.push({
        range: toLspRange(finding.range),
        severity: LSP_SEVERITY[severity && severity !== 'off' ? severity : rule.severity],
        code: rule.code,
        codeDescription: { href: rule.docs },
        source: DIAGNOSTIC_SOURCE,
        message: finding.message[language],
        data: finding.fixes ? { fixes: finding.fixes } : undefined,
      });
    }
    return diagnostics;
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

function isEnabled(rule: Rule, override: RuleSeverity | undefined): boolean {
  if (override === 'off') return false;
  return override !== undefined || !rule.offByDefault;
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
