// The protocol-free check engine: runs the rules over an analysed document and gives what the
// user sees (resolved severity words, text in their language, docs links, fixes), with the
// parser's own problems first. The language server and the CLI are thin adapters over it.
// Findings are kept between versions: instruction rules' per parsed instruction, stage rules' per
// build stage (stageCache.ts), so an edit re-checks only what it touched. A check is also
// available in steps (`checkSteps`): it yields between units of work, so the server can answer
// requests in between and drop a check that a newer version made pointless.
import type { BuildContext } from '../context/buildContext';
import { checkCommentsAbove, type CheckOptions, fileCheckOptions, isCheckComment } from '../model';
import type { Dockerfile, Instruction, Range, SyntaxProblem } from '../parser';
import type {
  DocumentRule,
  Finding,
  Fix,
  InstructionRule,
  Rule,
  RuleContext,
  RuleFinding,
  Severity,
  StageRule,
} from '../rules';
import { shiftRuleFinding } from '../rules/shiftFindings';
import { sameItems } from '../sameItems';
import type { AnalysedDocument } from './analysedDocument';
import { instructionAtLine } from './instructionAt';
import type { Language } from './language';
import type { RuleSeverity, Settings } from './settings';
import { hasCheckComment, StageCache, type StageRun } from './stageCache';
import { withoutSuppressed } from './suppressedFindings';

/** A place in another file a finding is about, with its note in the user's language. */
export interface CheckedPlace {
  /** An absolute path; undefined for a place in the Dockerfile itself. */
  path: string | undefined;
  range: Range;
  message: string;
}

/** One finding as the user sees it. */
export interface CheckedFinding {
  /** The rule's code, or the parser problem's code. */
  code: string;
  severity: Severity;
  /** The language `message` is in. */
  language: Language;
  range: Range;
  message: string;
  /** The rule's documentation page (parser problems have none). */
  docs?: string;
  /** `# check=skip` and "ignore" fixes apply (not to what `docker build` rejects). */
  ignorable: boolean;
  fixes: readonly Fix[];
  related: readonly CheckedPlace[];
  /** The rule that made it; undefined for the parser's problems. */
  rule?: Rule;
}

export type { RuleFinding };

// Parser problems where `docker build` itself succeeds: Layerwise only stops reading there.
const WARNING_PROBLEMS: ReadonlySet<SyntaxProblem['code']> = new Set(['nesting-too-deep']);

/** The parser's problems, with their messages in `language`. */
export function syntaxFindings(tree: Dockerfile, language: Language): CheckedFinding[] {
  const made = (problem: SyntaxProblem): CheckedFinding => ({
    code: problem.code,
    severity: WARNING_PROBLEMS.has(problem.code) ? 'warning' : 'error',
    language,
    range: problem.range,
    message: problem.message[language],
    ignorable: false,
    fixes: [],
    related: [],
  });
  const found = tree.problems.map(made);
  for (const instruction of tree.instructions) for (const problem of instruction.problems) found.push(made(problem));
  return found;
}

const NO_FINDINGS: readonly Finding[] = [];

interface EnabledRules {
  all: Rule[];
  instructionRules: ReadonlySet<Rule>;
  stageRules: StageRule[];
  documentRules: DocumentRule[];
}

interface CachedFindings {
  /** The instruction's first line when the findings were computed. */
  line: number;
  findings: RuleFinding[];
}

export class CheckEngine {
  private readonly instructionCache = new WeakMap<Instruction, CachedFindings>();
  private readonly stageCache = new StageCache();
  private readonly checkedCache = new WeakMap<Finding, CheckedFinding>();
  /** The rules the last run of each document enabled, reused while they stay the same. */
  private readonly lastRun = new Map<string, { enabled: EnabledRules }>();
  private readonly instructionRules: readonly InstructionRule[];

  private readonly failedRules = new Set<Rule>();

  /** `reportError` hears once about each rule that throws (the rule then reports nothing where it threw). */
  constructor(
    private readonly rules: readonly Rule[],
    private readonly reportError: (rule: Rule, error: unknown) => void = () => undefined,
  ) {
    this.instructionRules = rules.filter((rule): rule is InstructionRule => rule.scope === 'instruction');
  }

  /** Runs one rule; if it throws, the other rules' findings still reach the user. */
  private guard<T>(rule: Rule, check: () => T, fallback: T): T {
    try {
      return check();
    } catch (error) {
      if (!this.failedRules.has(rule)) {
        this.failedRules.add(rule);
        this.reportError(rule, error);
      }
      return fallback;
    }
  }

  /** Every finding of every enabled rule not skipped by a `# check=skip` comment, by stage. */
  findings(document: AnalysedDocument, settings: Settings, buildContext: BuildContext | undefined): RuleFinding[] {
    return finish(this.findingSteps(document, settings, buildContext));
  }

  /**
   * `findings` in steps: yields after each instruction checked, each stage re-checked and each
   * document rule. Whatever a step stores is complete, so a caller may stop at any yield; the
   * next check (of this or a newer version) picks up what was stored.
   */
  *findingSteps(
    document: AnalysedDocument,
    settings: Settings,
    buildContext: BuildContext | undefined,
  ): Generator<void, RuleFinding[], void> {
    const { tree, lines, uri } = document;
    const model = document.modelWith(buildContext);
    const options = fileCheckOptions(tree);
    const enabled = this.enabledRules(uri, settings['layerwise.diagnostics.rules'], options);
    this.lastRun.set(uri, { enabled });
    const run: StageRun = {
      model,
      rules: enabled.stageRules,
      instructionRules: enabled.instructionRules,
      instructionFindings: (instruction) => this.instructionFindings(instruction, tree.escapeChar),
      guard: (rule, check, fallback) => this.guard(rule, check, fallback),
    };
    const result: RuleFinding[] = [];
    for (const instruction of model.facts.globalInstructions) {
      for (const found of this.instructionFindings(instruction, tree.escapeChar))
        if (enabled.instructionRules.has(found.rule)) result.push(found);
      yield;
    }
    for (const found of yield* this.stageCache.findingSteps(run)) result.push(found);
    const context: RuleContext = {
      tree,
      model,
      stages: model.stages,
      facts: model.facts,
      lines,
      buildContext,
      stageSummaries: (summarise) => model.stages.map((stage) => stage.summary(summarise)),
      settings: {
        allowedRegistries: settings['layerwise.diagnostics.allowedRegistries'],
        labelSchema: settings['layerwise.diagnostics.labelSchema'],
        strictLabels: settings['layerwise.diagnostics.strictLabels'],
      },
    };
    for (const rule of enabled.documentRules) {
      for (const finding of this.guard(rule, () => rule.check(context), [])) result.push({ rule, finding });
      yield;
    }
    const checkComments =
      model.stages.some((stage) => stage.summary(hasCheckComment)) || checkCommentBeforeStages(tree);
    return withoutSkipped(result, tree, options, checkComments, settings['layerwise.diagnostics.hadolintPragmas']);
  }

  /** The enabled rules by kind: the same objects as last time while the set is the same, so stage caches stay valid. */
  private enabledRules(
    uri: string,
    overrides: Settings['layerwise.diagnostics.rules'],
    options: CheckOptions,
  ): EnabledRules {
    const enabled = this.rules.filter((rule) => isEnabled(rule, overrides[rule.code], options));
    const last = this.lastRun.get(uri)?.enabled;
    if (last && sameItems(last.all, enabled)) return last;
    return {
      all: enabled,
      instructionRules: new Set(enabled.filter((rule) => rule.scope === 'instruction')),
      stageRules: enabled.filter((rule): rule is StageRule => rule.scope === 'stage'),
      documentRules: enabled.filter((rule): rule is DocumentRule => rule.scope === 'document'),
    };
  }

  /** Drops what was kept for a closed document. */
  forget(uri: string): void {
    this.lastRun.delete(uri);
  }

  /** Every finding as the user sees it: the parser's problems, then the rules' findings, in `language`. */
  check(
    document: AnalysedDocument,
    settings: Settings,
    language: Language,
    buildContext: BuildContext | undefined,
  ): CheckedFinding[] {
    return finish(this.checkSteps(document, settings, language, buildContext));
  }

  /** `check` in steps (see `findingSteps`). */
  *checkSteps(
    document: AnalysedDocument,
    settings: Settings,
    language: Language,
    buildContext: BuildContext | undefined,
  ): Generator<void, CheckedFinding[], void> {
    if (!settings['layerwise.diagnostics.enable']) return [];
    const checked = syntaxFindings(document.tree, language);
    yield;
    const severityOf = severityResolver(settings, document.tree);
    let mapped = 0;
    for (const { rule, finding } of yield* this.findingSteps(document, settings, buildContext)) {
      if (++mapped % 1000 === 0) yield;
      checked.push(this.checkedOf(rule, finding, severityOf(rule), language));
    }
    return checked;
  }

  /**
   * What a check can tell before the shell parser and the semantic model: the parser's problems and
   * the instruction rules' findings on every instruction but RUN (and ONBUILD RUN), whose rules may
   * read it as shell. A subset of `check`'s findings, made the same way (settings, `# check=`
   * directives, the same objects): a first answer to show while `check` runs. Its instruction
   * findings are cached for `check` to reuse.
   */
  earlyCheck(document: AnalysedDocument, settings: Settings, language: Language): CheckedFinding[] {
    if (!settings['layerwise.diagnostics.enable']) return [];
    const { tree, uri } = document;
    const checked = syntaxFindings(tree, language);
    const options = fileCheckOptions(tree);
    const enabled = this.enabledRules(uri, settings['layerwise.diagnostics.rules'], options);
    const found: RuleFinding[] = [];
    for (const instruction of tree.instructions) {
      if (instruction.keyword === 'RUN' || instruction.trigger?.keyword === 'RUN') continue;
      for (const one of this.instructionFindings(instruction, tree.escapeChar))
        if (enabled.instructionRules.has(one.rule)) found.push(one);
    }
    const checkComments = tree.items.some((item) => item.kind === 'comment' && isCheckComment(item.text));
    const severityOf = severityResolver(settings, tree);
    const hadolintPragmas = settings['layerwise.diagnostics.hadolintPragmas'];
    for (const { rule, finding } of withoutSkipped(found, tree, options, checkComments, hadolintPragmas))
      checked.push(this.checkedOf(rule, finding, severityOf(rule), language));
    return checked;
  }

  /** A rule's finding as the user sees it; cached findings keep their objects from edit to edit, and so can this. */
  private checkedOf(rule: Rule, finding: Finding, severity: Severity, language: Language): CheckedFinding {
    const cached = this.checkedCache.get(finding);
    if (cached && cached.severity === severity && cached.language === language) return cached;
    const made: CheckedFinding = {
      code: rule.code,
      severity,
      language,
      range: finding.range,
      message: finding.message[language],
      docs: rule.docs,
      ignorable: rule.kind !== 'builder-error',
      fixes: finding.fixes ?? [],
      related: (finding.related ?? []).map((place) => ({
        path: place.path,
        range: place.range,
        message: place.message[language],
      })),
      rule,
    };
    this.checkedCache.set(finding, made);
    return made;
  }

  /**
   * The fixes of the finding a diagnostic was made from (same rule code and range). The findings
   * with fixes are indexed by line once, so each diagnostic is one lookup however many there are.
   */
  fixesFor(
    document: AnalysedDocument,
    settings: Settings,
    buildContext: BuildContext | undefined,
  ): (asked: { code?: string | number; range: Range }) => Fix[] {
    const byLine = new Map<number, RuleFinding[]>();
    for (const found of this.findings(document, settings, buildContext)) {
      if (!found.finding.fixes?.length) continue;
      const line = found.finding.range.start.line;
      const onLine = byLine.get(line);
      if (onLine) onLine.push(found);
      else byLine.set(line, [found]);
    }
    return (asked) => {
      const onLine = byLine.get(asked.range.start.line);
      if (!onLine) return [];
      return onLine
        .filter(({ rule, finding }) => rule.code === asked.code && sameRange(finding.range, asked.range))
        .flatMap(({ finding }) => finding.fixes ?? []);
    };
  }

  /**
   * All instruction rules' findings for one instruction, from cache when it was not re-parsed.
   * An ONBUILD trigger is checked too (it runs in every build on this image), except for
   * BuildKit's build checks, which BuildKit does not apply to triggers.
   */
  private instructionFindings(instruction: Instruction, escapeChar: string): RuleFinding[] {
    const line = instruction.range.start.line;
    const cached = this.instructionCache.get(instruction);
    if (cached) {
      if (cached.line === line) return cached.findings;
      if (cached.findings.length === 0) {
        cached.line = line;
        return cached.findings;
      }
      // The instruction moved (lines added or removed above it): move its findings too.
      const moved = { line, findings: cached.findings.map((f) => shiftRuleFinding(f, line - cached.line)) };
      this.instructionCache.set(instruction, moved);
      return moved.findings;
    }
    const findings: RuleFinding[] = [];
    const trigger = instruction.trigger;
    // Every instruction meets every instruction rule (a file's first check makes ~30 calls per
    // instruction): the rule is called in place, not through `guard`'s closure.
    for (const rule of this.instructionRules) {
      for (const finding of this.checkInstruction(rule, instruction, escapeChar))
        findings.push(shiftRuleFinding({ rule, finding }, 0));
      if (!trigger || rule.kind === 'build-check') continue;
      for (const finding of this.checkInstruction(rule, trigger, escapeChar))
        findings.push(shiftRuleFinding({ rule, finding: { ...finding, instruction } }, 0));
    }
    this.instructionCache.set(instruction, { line, findings });
    return findings;
  }

  /** `guard` for one instruction rule on one instruction. */
  private checkInstruction(rule: InstructionRule, instruction: Instruction, escapeChar: string): readonly Finding[] {
    try {
      return rule.check(instruction, escapeChar);
    } catch (error) {
      return this.guard(
        rule,
        () => {
          throw error;
        },
        NO_FINDINGS,
      );
    }
  }
}

/** Each rule's severity word: the user's setting, else `# check=error=true` for build checks, else the rule's own. */
function severityResolver(settings: Settings, tree: Dockerfile): (rule: Rule) => Severity {
  const overrides = settings['layerwise.diagnostics.rules'];
  const errorOnWarning = fileCheckOptions(tree).error;
  return (rule) => {
    const override = overrides[rule.code];
    if (override && override !== 'off') return override;
    return errorOnWarning && rule.kind === 'build-check' ? 'error' : rule.severity;
  };
}

/** A `# check=` comment among the items before the first FROM. */
function checkCommentBeforeStages(tree: Dockerfile): boolean {
  for (const item of tree.items) {
    if (item.kind === 'instruction' && item.keyword === 'FROM') return false;
    if (item.kind === 'comment' && isCheckComment(item.text)) return true;
  }
  return false;
}

/** Ranges compared by value (an LSP diagnostic carries its finding's range unchanged). */
function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** Runs steps to the end; the synchronous API of a check that is also available in steps. */
function finish<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function isEnabled(rule: Rule, override: RuleSeverity | undefined, options: CheckOptions): boolean {
  if (override === 'off') return false;
  if (override !== undefined || !rule.offByDefault) return true;
  return options.experimentalAll || options.experimental.has(rule.code);
}

/**
 * Drops findings that hadolint or droast pragmas silence (suppressedFindings.ts) and findings that
 * `# check=skip=...` silences: the file directive for every instruction,
 * a comment directly above an instruction for that instruction. Builder errors stay: skipping
 * them would not make `docker build` accept the file.
 */
function withoutSkipped(
  findings: RuleFinding[],
  tree: Dockerfile,
  file: CheckOptions,
  checkComments: boolean,
  hadolintPragmas: boolean,
): RuleFinding[] {
  if (!checkComments && !file.skipAll && file.skip.size === 0)
    return withoutSuppressed(findings, tree, hadolintPragmas);
  const above = findings.length > 0 && checkComments ? checkCommentsAbove(tree) : new Map();
  return withoutSuppressed(findings, tree, hadolintPragmas).filter(({ rule, finding }) => {
    if (rule.kind === 'builder-error') return true;
    if (file.skipAll || file.skip.has(rule.code)) return false;
    if (!checkComments) return true;
    const instruction = finding.instruction ?? instructionAtLine(tree, finding.range.start.line);
    const local = instruction ? above.get(instruction)?.options : undefined;
    return !(local && (local.skipAll || local.skip.has(rule.code)));
  });
}
