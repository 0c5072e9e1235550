// Compiles pattern parts to a Thompson NFA: a flat list of instructions, built without
// recursion (an explicit stack walks optional groups however deeply they nest).

import type { CharTest, PatternPart } from './parts';

// A const enum because esbuild inlines it in the one bundle and the matcher's inner loop switches on it.
// biome-ignore lint/suspicious/noConstEnum: inlined on purpose (see above).
export const enum Op {
  /** Consume one character passing `tests[pc]`, go to `next[pc]`. */
  Char,
  /** Go to `next[pc]` (preferred) and to `alt[pc]`. */
  Split,
  Match,
}

/** A compiled character test: code points, class ranges sorted and merged. */
export interface CodePointTest {
  kind: CharTest['kind'];
  /** literal / anyExcept: the code point. */
  cp: number;
  /** class: [from0, to0, from1, to1, ...], sorted, not overlapping. */
  ranges: number[];
  negated: boolean;
}

export interface Program {
  ops: Op[];
  tests: (CodePointTest | undefined)[];
  next: number[];
  alt: number[];
}

/** The program in typed arrays, as the simulation reads it. */
export interface FlatProgram {
  ops: Uint8Array;
  next: Int32Array;
  alt: Int32Array;
  /** Char: TestKind of the instruction's test. */
  kinds: Uint8Array;
  /** Char: the literal or excluded code point. */
  codePoints: Int32Array;
  /** Char with a class: the test (ranges and negation). */
  classes: (CodePointTest | undefined)[];
}

// biome-ignore lint/suspicious/noConstEnum: as Op above.
export const enum TestKind {
  Any,
  Literal,
  AnyExcept,
  Class,
}

export function flatten(program: Program): FlatProgram {
  const size = program.ops.length;
  const flat: FlatProgram = {
    ops: Uint8Array.from(program.ops),
    next: Int32Array.from(program.next),
    alt: Int32Array.from(program.alt),
    kinds: new Uint8Array(size),
    codePoints: new Int32Array(size),
    classes: new Array<CodePointTest | undefined>(size).fill(undefined),
  };
  program.tests.forEach((test, pc) => {
    if (test === undefined) return;
    flat.kinds[pc] =
      test.kind === 'any'
        ? TestKind.Any
        : test.kind === 'literal'
          ? TestKind.Literal
          : test.kind === 'anyExcept'
            ? TestKind.AnyExcept
            : TestKind.Class;
    flat.codePoints[pc] = test.cp;
    if (test.kind === 'class') flat.classes[pc] = test;
  });
  return flat;
}

/** The program starts at instruction 0 and accepts at its `Match`. */
export function compileProgram(parts: readonly PatternPart[], reversed: boolean): Program {
  const program: Program = { ops: [], tests: [], next: [], alt: [] };
  const emit = (op: Op, test: CodePointTest | undefined, next: number, alt: number): number => {
    program.ops.push(op);
    program.tests.push(test);
    program.next.push(next);
    program.alt.push(alt);
    return program.ops.length - 1;
  };
  interface Frame {
    parts: readonly PatternPart[];
    done: number;
    /** The Split of the optional group this frame compiles, whose exit is patched at the end. */
    split: number;
    lazy: boolean;
  }
  const stack: Frame[] = [{ parts, done: 0, split: -1, lazy: false }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.done === frame.parts.length) {
      stack.pop();
      if (frame.split >= 0) patchExit(program, frame.split, program.ops.length, frame.lazy);
      continue;
    }
    const index = reversed ? frame.parts.length - 1 - frame.done : frame.done;
    frame.done++;
    const part = frame.parts[index]!;
    if (part.kind === 'one') {
      const pc = program.ops.length;
      emit(Op.Char, compileTest(part.test), pc + 1, -1);
    } else if (part.kind === 'many') {
      // L: Split(L+1, L+2)  L+1: Char -> L  (lazy: the Split prefers L+2)
      const loop = program.ops.length;
      const lazy = part.lazy === true;
      emit(Op.Split, undefined, lazy ? loop + 2 : loop + 1, lazy ? loop + 1 : loop + 2);
      emit(Op.Char, compileTest(part.test), loop, -1);
    } else {
      const split = emit(Op.Split, undefined, -1, -1);
      const lazy = part.lazy === true;
      patchEnter(program, split, split + 1, lazy);
      stack.push({ parts: part.parts, done: 0, split, lazy });
    }
  }
  emit(Op.Match, undefined, -1, -1);
  return program;
}

function patchEnter(program: Program, split: number, enter: number, lazy: boolean): void {
  if (lazy) program.alt[split] = enter;
  else program.next[split] = enter;
}

function patchExit(program: Program, split: number, exit: number, lazy: boolean): void {
  if (lazy) program.next[split] = exit;
  else program.alt[split] = exit;
}

function compileTest(test: CharTest): CodePointTest {
  switch (test.kind) {
    case 'any':
      return { kind: 'any', cp: -1, ranges: [], negated: false };
    case 'literal':
    case 'anyExcept':
      return { kind: test.kind, cp: test.char.codePointAt(0)!, ranges: [], negated: false };
    case 'class': {
      const pairs = test.ranges
        .map((r) => [r.from.codePointAt(0)!, r.to.codePointAt(0)!] as const)
        .filter(([from, to]) => from <= to)
        .sort((a, b) => a[0] - b[0]);
      const ranges: number[] = [];
      for (const [from, to] of pairs) {
        const last = ranges.length - 1;
        if (last > 0 && from <= ranges[last]! + 1) ranges[last] = Math.max(ranges[last]!, to);
        else ranges.push(from, to);
      }
      return { kind: 'class', cp: -1, ranges, negated: test.negated };
    }
  }
}

export function testCodePoint(test: CodePointTest, cp: number): boolean {
  switch (test.kind) {
    case 'any':
      return true;
    case 'literal':
      return cp === test.cp;
    case 'anyExcept':
      return cp !== test.cp;
    case 'class': {
      // Binary search over the sorted ranges.
      const ranges = test.ranges;
      let lo = 0;
      let hi = ranges.length / 2 - 1;
      let inside = false;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (cp < ranges[2 * mid]!) hi = mid - 1;
        else if (cp > ranges[2 * mid + 1]!) lo = mid + 1;
        else {
          inside = true;
          break;
        }
      }
      return inside !== test.negated;
    }
  }
}
