// Runs a compiled program over a text by simulating the NFA with ordered state sets (a Pike
// VM): every step keeps at most one thread per instruction, so a run costs
// O(characters x instructions) and never backtracks. Threads are kept in priority order,
// which gives the same match as a backtracking (Perl, Go regexp) engine would choose.

import { type FlatProgram, flatten, Op, type Program, TestKind, testCodePoint } from './program';

export interface Span {
  start: number;
  end: number;
}

/** The code point after `p` (forwards) or before it (backwards), -1 at the text's end. */
function codePointAt(text: string, p: number, backward: boolean): number {
  if (backward) {
    if (p <= 0) return -1;
    const low = text.charCodeAt(p - 1);
    if (low >= 0xdc00 && low <= 0xdfff && p >= 2) {
      const high = text.charCodeAt(p - 2);
      if (high >= 0xd800 && high <= 0xdbff) return (high - 0xd800) * 0x400 + (low - 0xdc00) + 0x10000;
    }
    return low;
  }
  return p < text.length ? text.codePointAt(p)! : -1;
}

// Read once: imported enum members are property reads (through a getter) on every access.
const MATCH: number = Op.Match;
const SPLIT: number = Op.Split;
const ANY: number = TestKind.Any;
const LITERAL: number = TestKind.Literal;
const ANY_EXCEPT: number = TestKind.AnyExcept;

const width = (cp: number): number => (cp > 0xffff ? 2 : 1);

/** An ordered thread list: instruction and the position where the thread's match started. */
class ThreadList {
  readonly pcs: Int32Array;
  readonly starts: Int32Array;
  count = 0;
  generation = 0;
  constructor(size: number) {
    this.pcs = new Int32Array(size);
    this.starts = new Int32Array(size);
  }
}

/** Simulates one program; its buffers are reused from run to run (runs never overlap). */
export class Machine {
  private readonly program: FlatProgram;
  private readonly marks: Int32Array;
  private generation = 0;
  private readonly stack: Int32Array;
  private current: ThreadList;
  private following: ThreadList;

  constructor(program: Program) {
    this.program = flatten(program);
    const size = program.ops.length;
    this.marks = new Int32Array(size);
    // Every instruction is pushed at most twice per closure (once as `next`, once as `alt`).
    this.stack = new Int32Array(2 * size + 1);
    this.current = new ThreadList(size);
    this.following = new ThreadList(size);
  }

  /**
   * Every position `e` such that the text between `from` and `e` matches (anchored at `from`),
   * in reading order. Backwards, `e <= from` and the program should be the reversed one.
   */
  allMatchEnds(text: string, from: number, backward: boolean): number[] {
    const { ops, next } = this.program;
    const ends: number[] = [];
    this.clear(this.current);
    this.add(this.current, 0, from);
    for (let p = from; this.current.count > 0; ) {
      const cp = codePointAt(text, p, backward);
      const list = this.current;
      const to = this.clear(this.following);
      for (let i = 0; i < list.count; i++) {
        const pc = list.pcs[i]!;
        if (ops[pc] === MATCH) ends.push(p);
        else if (cp >= 0 && this.accepts(pc, cp)) this.add(to, next[pc]!, from);
      }
      if (cp < 0) break;
      this.swap();
      p = backward ? p - width(cp) : p + width(cp);
    }
    return ends;
  }

  /** Whether the whole text matches, stopping as soon as no thread is left. */
  matchesWhole(text: string): boolean {
    const { ops, next } = this.program;
    this.clear(this.current);
    this.add(this.current, 0, 0);
    for (let p = 0; this.current.count > 0; ) {
      const cp = codePointAt(text, p, false);
      const list = this.current;
      if (cp < 0) {
        for (let i = 0; i < list.count; i++) if (ops[list.pcs[i]!] === MATCH) return true;
        return false;
      }
      const to = this.clear(this.following);
      for (let i = 0; i < list.count; i++) {
        const pc = list.pcs[i]!;
        if (ops[pc] !== MATCH && this.accepts(pc, cp)) this.add(to, next[pc]!, 0);
      }
      this.swap();
      p += width(cp);
    }
    return false;
  }

  /**
   * The match a backtracking engine would report: the leftmost start (or only `from` when
   * anchored), then the first match in priority order (greedy parts take as much as they can,
   * lazy ones as little). Backwards, start >= end and the program should be the reversed one.
   */
  firstMatch(text: string, from: number, backward: boolean, anchored: boolean): Span | undefined {
    const { ops, next } = this.program;
    let foundStart = -1;
    let foundEnd = -1;
    this.clear(this.current);
    for (let p = from; ; ) {
      if (foundStart < 0 && (!anchored || p === from)) this.add(this.current, 0, p);
      if (this.current.count === 0 && (foundStart >= 0 || anchored)) break;
      const cp = codePointAt(text, p, backward);
      const list = this.current;
      const to = this.clear(this.following);
      for (let i = 0; i < list.count; i++) {
        const pc = list.pcs[i]!;
        if (ops[pc] === MATCH) {
          // This thread wins over every thread after it (lower priority): drop them.
          foundStart = list.starts[i]!;
          foundEnd = p;
          break;
        }
        if (cp >= 0 && this.accepts(pc, cp)) this.add(to, next[pc]!, list.starts[i]!);
      }
      if (cp < 0) break;
      this.swap();
      p = backward ? p - width(cp) : p + width(cp);
    }
    return foundStart < 0 ? undefined : { start: foundStart, end: foundEnd };
  }

  /** Whether the Char instruction at `pc` takes `cp`. */
  private accepts(pc: number, cp: number): boolean {
    const { kinds, codePoints } = this.program;
    switch (kinds[pc]) {
      case ANY:
        return true;
      case LITERAL:
        return cp === codePoints[pc];
      case ANY_EXCEPT:
        return cp !== codePoints[pc];
      default:
        return testCodePoint(this.program.classes[pc]!, cp);
    }
  }

  private clear(list: ThreadList): ThreadList {
    list.count = 0;
    list.generation = ++this.generation;
    return list;
  }

  private swap(): void {
    const list = this.current;
    this.current = this.following;
    this.following = list;
  }

  /** Adds the thread at `pc` and every thread it reaches without reading, in priority order. */
  private add(list: ThreadList, pc: number, start: number): void {
    const { ops, next, alt } = this.program;
    const { stack, marks } = this;
    const generation = list.generation;
    let top = 0;
    stack[top++] = pc;
    while (top > 0) {
      const at = stack[--top]!;
      if (marks[at] === generation) continue;
      marks[at] = generation;
      if (ops[at] === SPLIT) {
        stack[top++] = alt[at]!;
        stack[top++] = next[at]!;
      } else {
        list.pcs[list.count] = at;
        list.starts[list.count] = start;
        list.count++;
      }
    }
  }
}
