// Findings kept per stage record, so an edit re-checks only the stages it touched. The model
// hands back the same record while a stage is the same (same items at the same relative lines,
// same inheritance); then a stage rule's findings for it are still right, moved by the line delta
// if the stage moved. A check may stop between two steps (service/diagnostics.ts): what a step
// stores is complete for its own key, so a later check never takes half a result for current.
import type { DockerfileModel, Stage } from '../model';
import { isCheckComment } from '../model';
import type { Instruction } from '../parser';
import type { Rule, RuleFinding, StageRule } from '../rules';
import { shiftRuleFinding } from '../rules/shiftFindings';

/** What the engine knows about the current version. */
export interface StageRun {
  model: DockerfileModel;
  /** The enabled stage rules: the same objects while the enabled set stays the same. */
  rules: readonly StageRule[];
  instructionRules: ReadonlySet<Rule>;
  /** Findings of all instruction rules for one instruction (the engine caches them per instruction). */
  instructionFindings(instruction: Instruction): RuleFinding[];
  /** Runs a rule's check, or gives `fallback` if the rule throws. */
  guard<T>(rule: Rule, check: () => T, fallback: T): T;
}

/** Findings computed when the stage's FROM was on `line`. */
interface Placed {
  line: number;
  findings: RuleFinding[];
}

/** All findings of a stage (instruction and stage rules) for one set of enabled rules. */
interface Combined extends Placed {
  rules: readonly StageRule[];
  instructionRules: ReadonlySet<Rule>;
}

/** A `# check=` comment sits among the stage's items. */
export const hasCheckComment = (stage: Stage): boolean =>
  stage.items.some((item) => item.kind === 'comment' && isCheckComment(item.text));

export class StageCache {
  private readonly combined = new WeakMap<Stage, Combined>();
  private readonly byRule = new WeakMap<Stage, Map<StageRule, Placed>>();

  /**
   * Every stage's findings, in stage order. A stage whose record, line and enabled rules are as
   * in the last run hands back its findings as they were; the others collect them again, rule by
   * rule, from the per-rule cache where it has them. Yields after each instruction and rule of a
   * stage it re-collects.
   */
  *findingSteps(run: StageRun): Generator<void, RuleFinding[], void> {
    const result: RuleFinding[] = [];
    for (const stage of run.model.stages) {
      const line = stage.from.range.start.line;
      let entry = this.combined.get(stage);
      if (
        !entry ||
        entry.line !== line ||
        entry.rules !== run.rules ||
        entry.instructionRules !== run.instructionRules
      ) {
        const findings = yield* this.collect(stage, line, run);
        entry = { line, findings, rules: run.rules, instructionRules: run.instructionRules };
        this.combined.set(stage, entry);
      }
      for (const found of entry.findings) result.push(found);
    }
    return result;
  }

  private *collect(stage: Stage, line: number, run: StageRun): Generator<void, RuleFinding[], void> {
    const findings: RuleFinding[] = [];
    for (const instruction of stage.instructions) {
      for (const found of run.instructionFindings(instruction))
        if (run.instructionRules.has(found.rule)) findings.push(found);
      yield;
    }
    let byRule = this.byRule.get(stage);
    if (!byRule) {
      byRule = new Map();
      this.byRule.set(stage, byRule);
    }
    for (const rule of run.rules) {
      let placed = byRule.get(rule);
      if (!placed) {
        // A rule that throws reports nothing for the stage.
        const found = run.guard(rule, () => rule.check(stage, run.model), []);
        placed = { line, findings: found.map((finding) => shiftRuleFinding({ rule, finding }, 0)) };
        byRule.set(rule, placed);
      } else if (placed.line !== line) {
        placed = { line, findings: placed.findings.map((found) => shiftRuleFinding(found, line - placed!.line)) };
        byRule.set(rule, placed);
      }
      for (const found of placed.findings) findings.push(found);
      yield;
    }
    return findings;
  }
}
