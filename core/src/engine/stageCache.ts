// Findings kept per build stage, so an edit re-checks only the stage it touched. A stage is
// "the same" while its instructions and comments are the same parsed objects (the incremental
// parser keeps the objects of untouched items) at the same lines relative to its FROM: then
// everything in it moved by one delta, if at all, and its cached findings move with it.
// A check may stop between two steps (service/diagnostics.ts): each record says which version of
// its base stage's carries it was computed from, so a check that stopped half-way leaves nothing
// that a later one could take for current.
import { type BuildStage, type FileFacts, isCheckComment } from '../model';
import type { Dockerfile, Instruction, TopLevel } from '../parser';
import type { Rule, RuleFinding, StageRule } from '../rules';
import { shiftRuleFinding } from '../rules/shiftFindings';

/** Everything a stage's combined findings depend on besides its own items and its base's carries. */
interface StageKey {
  index: number;
  /** The stage's first line (findings computed at another line are moved). */
  line: number;
  baseIndex: number;
  /** The base stage's `carryStamp` when the stage was checked (0 without a base stage). */
  baseStamp: number;
  shipped: boolean;
  facts: FileFacts;
  rules: readonly StageRule[];
  instructionRules: ReadonlySet<Rule>;
}

/** A stage rule's findings for one stage, and the inputs they were computed from. */
interface RuleEntry {
  key: StageKey;
  inherited: unknown;
  findings: RuleFinding[];
  carry: unknown;
}

let lastStamp = 0;

/** One stage as last seen, with what was computed for it. Replaced when the stage's items change. */
export class StageRecord {
  readonly ruleEntries: (RuleEntry | undefined)[] = [];
  readonly summaries = new Map<(stage: BuildStage) => unknown, unknown>();
  /** All findings of the stage (instruction and stage rules), valid for `key`. */
  combined: RuleFinding[] = [];
  key: StageKey | undefined;
  /** A `# check=` comment sits among the stage's items. */
  readonly hasCheckComment: boolean;
  /**
   * Changes whenever a carry this stage hands down changes: a stage built on it is current only
   * while it was checked against the same stamp. A replacing record keeps its predecessor's stamp,
   * whose carries it reuses while they compare the same.
   */
  carryStamp: number;

  constructor(
    readonly items: readonly TopLevel[],
    readonly offsets: readonly number[],
    /** The record this one replaces, until its carries have been compared once. */
    public previous: StageRecord | undefined,
  ) {
    this.hasCheckComment = items.some((item) => item.kind === 'comment' && isCheckComment(item.text));
    this.carryStamp = previous?.carryStamp ?? ++lastStamp;
  }
}

/** What the engine knows about the stages of the current version. */
export interface StageRun {
  stages: readonly BuildStage[];
  records: readonly StageRecord[];
  /** Per stage: it ends up in the image. */
  shippedFlags: readonly boolean[];
  facts: FileFacts;
  lines: readonly string[];
  /** The enabled rules: the same objects while the enabled set stays the same. */
  rules: readonly StageRule[];
  instructionRules: ReadonlySet<Rule>;
  /** Findings of all instruction rules for one instruction (the engine caches them per instruction). */
  instructionFindings(instruction: Instruction): RuleFinding[];
  /** Runs a rule's check, or gives `fallback` if the rule throws. */
  guard<T>(rule: Rule, check: () => T, fallback: T): T;
}

export class StageCache {
  private readonly records = new WeakMap<Instruction, StageRecord>();
  private readonly ruleSlots = new Map<StageRule, number>();

  /** The record of each stage, in order: the previous one while the stage is the same, else a new one. */
  recordsOf(tree: Dockerfile, stages: readonly BuildStage[]): StageRecord[] {
    const records: StageRecord[] = [];
    const items = tree.items;
    let start = items.findIndex((item) => item === stages[0]?.from);
    for (let index = 0; index < stages.length && start >= 0; index++) {
      const from = stages[index]!.from;
      const next = stages[index + 1]?.from;
      let end = start + 1;
      while (end < items.length && items[end] !== next) end++;
      const fromLine = from.range.start.line;
      const record = this.records.get(from);
      if (record && sameSpan(record, items, start, end, fromLine)) records.push(record);
      else {
        const span = items.slice(start, end);
        const fresh = new StageRecord(
          span,
          span.map((item) => item.range.start.line - fromLine),
          record,
        );
        this.records.set(from, fresh);
        records.push(fresh);
      }
      start = end;
    }
    return records;
  }

  /**
   * Every stage's findings, in stage order. A stage whose items, key and base carries are as
   * in the last run hands back its combined findings as they were; the others re-check what
   * changed, rule by rule. Yields after each instruction and rule of a stage it re-checks.
   */
  *findingSteps(run: StageRun): Generator<void, RuleFinding[], void> {
    const result: RuleFinding[] = [];
    for (let index = 0; index < run.stages.length; index++) {
      const stage = run.stages[index]!;
      const record = run.records[index]!;
      const baseIndex = stage.baseStage?.index ?? -1;
      const key: StageKey = {
        index,
        line: stage.from.range.start.line,
        baseIndex,
        baseStamp: baseIndex >= 0 ? (run.records[baseIndex]?.carryStamp ?? 0) : 0,
        shipped: run.shippedFlags[index]!,
        facts: run.facts,
        rules: run.rules,
        instructionRules: run.instructionRules,
      };
      const clean =
        record.key !== undefined &&
        sameStageInputs(record.key, key, true) &&
        record.key.rules === key.rules &&
        record.key.instructionRules === key.instructionRules &&
        record.key.baseStamp === key.baseStamp;
      if (!clean) yield* this.recheck(stage, record, key, run);
      for (const found of record.combined) result.push(found);
    }
    return result;
  }

  /** A summary of each stage (no positions in it: they would go stale), kept while the stage is the same. */
  summaries<T>(run: StageRun, summarise: (stage: BuildStage) => T): T[] {
    return run.stages.map((stage, index) => {
      const record = run.records[index]!;
      if (!record.summaries.has(summarise)) record.summaries.set(summarise, summarise(stage));
      return record.summaries.get(summarise) as T;
    });
  }

  /**
   * Re-checks one stage, a step per instruction and per rule; a new carry gets a new stamp. A rule
   * entry stored before a stop compares its own inputs when used again, so stopping is safe.
   */
  private *recheck(stage: BuildStage, record: StageRecord, key: StageKey, run: StageRun): Generator<void, void, void> {
    // Half-way, the rule entries no longer match the old key: never clean until this completes.
    record.key = undefined;
    const combined: RuleFinding[] = [];
    for (const instruction of stage.instructions) {
      for (const found of run.instructionFindings(instruction))
        if (run.instructionRules.has(found.rule)) combined.push(found);
      yield;
    }
    for (const rule of run.rules) {
      const slot = this.slotOf(rule);
      const { entry, carryChanged } = this.ruleEntry(rule, slot, stage, record, key, run);
      if (carryChanged) record.carryStamp = ++lastStamp;
      for (const found of entry.findings) combined.push(found);
      yield;
    }
    record.previous = undefined;
    record.combined = combined;
    record.key = key;
  }

  /** The rule's entry for the stage: reused (moved if the stage moved) while its inputs are the same. */
  private ruleEntry(
    rule: StageRule,
    slot: number,
    stage: BuildStage,
    record: StageRecord,
    key: StageKey,
    run: StageRun,
  ): { entry: RuleEntry; carryChanged: boolean } {
    const same = (a: unknown, b: unknown): boolean => a === b || (rule.sameCarry !== undefined && rule.sameCarry(a, b));
    const inherited = key.baseIndex >= 0 ? run.records[key.baseIndex]!.ruleEntries[slot]?.carry : rule.initial;
    const entry = record.ruleEntries[slot];
    if (entry && sameStageInputs(entry.key, key, rule.positional === true) && same(entry.inherited, inherited)) {
      if (entry.key.line !== key.line)
        entry.findings = entry.findings.map((found) => shiftRuleFinding(found, key.line - entry.key.line));
      entry.key = key;
      return { entry, carryChanged: false };
    }
    // A rule that throws reports nothing for the stage and hands down what it inherited.
    const checked = run.guard(
      rule,
      () => rule.check({ stage, inherited, shipped: key.shipped, facts: key.facts, lines: run.lines }),
      { findings: [], carry: inherited },
    );
    const findings = Array.isArray(checked) ? checked : checked.findings;
    let carry = Array.isArray(checked) ? undefined : checked.carry;
    // An unchanged carry keeps its old object, so the stages built on this one stay cached.
    const old = entry ?? record.previous?.ruleEntries[slot];
    const carryChanged = !old || !same(old.carry, carry);
    if (!carryChanged) carry = old.carry;
    const fresh: RuleEntry = {
      key,
      inherited,
      findings: findings.map((finding) => shiftRuleFinding({ rule, finding }, 0)),
      carry,
    };
    record.ruleEntries[slot] = fresh;
    return { entry: fresh, carryChanged };
  }

  private slotOf(rule: StageRule): number {
    let slot = this.ruleSlots.get(rule);
    if (slot === undefined) this.ruleSlots.set(rule, (slot = this.ruleSlots.size));
    return slot;
  }
}

/** `items[start, end)` are the record's items at the same lines relative to the FROM. */
function sameSpan(
  record: StageRecord,
  items: readonly TopLevel[],
  start: number,
  end: number,
  fromLine: number,
): boolean {
  if (record.items.length !== end - start) return false;
  for (let i = 0; i < record.items.length; i++) {
    const item = items[start + i]!;
    if (item !== record.items[i] || item.range.start.line - fromLine !== record.offsets[i]) return false;
  }
  return true;
}

/** The same stage inputs: index, base stage, shipped, file facts, and (when `atSameLine`) the first line. */
function sameStageInputs(a: StageKey, b: StageKey, atSameLine: boolean): boolean {
  return (
    a.index === b.index &&
    a.baseIndex === b.baseIndex &&
    a.shipped === b.shipped &&
    a.facts === b.facts &&
    (!atSameLine || a.line === b.line)
  );
}
