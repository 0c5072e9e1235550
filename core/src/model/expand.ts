// Variable expansion as the builder does it for ENV, ARG, FROM, COPY, ... values: one pass
// over the text as BuildKit's shell lexer (frontend/dockerfile/shell/lex.go) reads it, quotes
// and escapes removed on the way. Nesting is limited to MAX_VARIABLE_NESTING levels of `${`
// (deeper: the value is unknown), so the recursion depth is bounded and every character is
// read once.
import { MAX_VARIABLE_NESTING } from '../parser';
import { removePrefix, removeSuffix, replacePattern } from './shellPattern';

/**
 * The longest value expansion produces (UTF-16 code units); a longer one is unknown. Values are
 * image references, paths, versions, URLs and package lists: the longest ARG/ENV value in the
 * official-image corpus has 122 characters. Linux refuses (E2BIG) any environment
 * string over 128 KiB (MAX_ARG_STRLEN), so a longer ENV or ARG cannot reach a RUN anyway; half
 * of that keeps every usable value while bounding what one lookup hands to hovers, inlay hints
 * and rules. Without a cap, 60 ARGs each twice the previous one make 2^60 characters.
 */
export const MAX_EXPANDED_LENGTH = 64 * 1024;

/** Looks a name up; undefined means "not set" (or not known). */
export type Lookup = (name: string) => string | undefined;

/**
 * Expands `$NAME` and `${NAME<modifier>word}` in `raw` and removes quotes and escapes.
 * Returns undefined when a value the result depends on is unknown (a plain reference to a
 * name the lookup does not know, `${NAME?}` on an unset name, a pattern BuildKit rejects, a
 * malformed or too deeply nested `${`, a result longer than MAX_EXPANDED_LENGTH), so callers
 * never show a wrong value.
 */
export function expandValue(
  raw: string,
  lookup: Lookup,
  escape: string,
  maxLength = MAX_EXPANDED_LENGTH,
): string | undefined {
  try {
    return new Expansion(raw, lookup, escape, maxLength).word(undefined, false, 0);
  } catch (error) {
    if (error instanceof Failure) return undefined;
    throw error;
  }
}

/** The text cannot be expanded (BuildKit would fail, or we stop reading): no value. */
class Failure extends Error {}

const isNameStart = (ch: string | undefined): boolean =>
  ch !== undefined && ((ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') || ch === '_');
const isDigit = (ch: string | undefined): boolean => ch !== undefined && ch >= '0' && ch <= '9';
const isNameChar = (ch: string | undefined): boolean => isNameStart(ch) || isDigit(ch);
/** Shell special parameters, read as one-character names after `$`. */
const SPECIAL_PARAMETERS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

/** A value that is not known: the rest of the word is still read, to find where it ends. */
const UNKNOWN = undefined;
type Value = string | typeof UNKNOWN;

class Expansion {
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly lookup: Lookup,
    private readonly escape: string,
    private readonly maxLength: number,
  ) {}

  /** `out + value`, or a Failure when that is longer than the limit. */
  private append(out: string, value: string): string {
    if (out.length + value.length > this.maxLength) throw new Failure('too long');
    return out + value;
  }

  /**
   * Reads up to `stop` (consumed) or, without one, to the end, expanding references and
   * removing quotes. With `rawEscapes` the escape character stays in the result (pattern
   * words keep `\*` for the pattern). `depth` is the number of enclosing `${`.
   */
  word(stop: string | undefined, rawEscapes: boolean, depth: number): Value {
    const { text, escape } = this;
    let out = '';
    let known = true;
    const add = (value: Value): void => {
      if (value === UNKNOWN) known = false;
      else if (known) out = this.append(out, value);
    };
    while (this.pos < text.length) {
      const ch = text[this.pos]!;
      if (ch === stop) {
        this.pos++;
        return known ? out : UNKNOWN;
      }
      if (ch === '$') add(this.dollar(depth));
      else if (ch === "'") add(this.singleQuoted());
      else if (ch === '"') add(this.doubleQuoted(rawEscapes, depth));
      else if (ch === escape) {
        this.pos++;
        if (rawEscapes) add(ch);
        if (this.pos >= text.length) break;
        add(text[this.pos++]!);
      } else add(this.plainRun(stop));
    }
    if (stop !== undefined) throw new Failure(`missing ${stop}`);
    return known ? out : UNKNOWN;
  }

  /** Characters up to the next one that means something here. */
  private plainRun(stop: string | undefined): string {
    const { text, escape } = this;
    const start = this.pos;
    let i = start + 1;
    while (i < text.length) {
      const ch = text[i];
      if (ch === '$' || ch === "'" || ch === '"' || ch === escape || ch === stop) break;
      i++;
    }
    this.pos = i;
    return text.slice(start, i);
  }

  /** `'...'`: everything literal up to the next `'` (to the end when there is none). */
  private singleQuoted(): string {
    const close = this.text.indexOf("'", this.pos + 1);
    const end = close < 0 ? this.text.length : close;
    const content = this.text.slice(this.pos + 1, end);
    this.pos = close < 0 ? end : end + 1;
    return content;
  }

  /** `"..."`: references expand; the escape character only escapes `"`, `$` and itself. */
  private doubleQuoted(rawEscapes: boolean, depth: number): Value {
    const { text, escape } = this;
    let out = '';
    let known = true;
    this.pos++;
    while (this.pos < text.length) {
      const ch = text[this.pos]!;
      if (ch === '"') {
        this.pos++;
        break;
      }
      if (ch === '$') {
        const value = this.dollar(depth);
        if (value === UNKNOWN) known = false;
        else if (known) out = this.append(out, value);
        continue;
      }
      this.pos++;
      if (ch === escape) {
        if (rawEscapes) out += ch;
        const next = text[this.pos];
        if (next === undefined) continue;
        if (next === '"' || next === '$' || next === escape) {
          out += next;
          this.pos++;
          continue;
        }
      }
      out += ch;
    }
    return known ? out : UNKNOWN;
  }

  /** `$NAME`, `${...}`, or a lone `$`. */
  private dollar(depth: number): Value {
    const { text } = this;
    this.pos++;
    if (text[this.pos] === '{') {
      this.pos++;
      return this.braced(depth + 1);
    }
    const name = this.name();
    if (name === '') return '$';
    return this.lookup(name);
  }

  /** A name as BuildKit reads it: digits only, one special parameter, or letters, digits and `_`. */
  private name(): string {
    const { text } = this;
    const start = this.pos;
    if (isDigit(text[start])) {
      while (isDigit(text[this.pos])) this.pos++;
    } else if (SPECIAL_PARAMETERS.has(text[start]!)) {
      this.pos++;
    } else {
      while (isNameChar(text[this.pos])) this.pos++;
    }
    return text.slice(start, this.pos);
  }

  /** After `${`: the name, then `}` or a modifier and its word(s) up to the closing `}`. */
  private braced(depth: number): Value {
    if (depth > MAX_VARIABLE_NESTING) throw new Failure('nested too deep');
    const { text } = this;
    const first = text[this.pos];
    if (first === undefined || first === '{' || first === '}' || first === ':') throw new Failure('bad substitution');
    const name = this.name();
    let modifier = text[this.pos++];
    if (modifier === undefined) throw new Failure("missing '}'");
    if (modifier === '}') return this.lookup(name);
    const nullIsUnset = modifier === ':';
    if (nullIsUnset) {
      modifier = text[this.pos++];
      if (modifier !== '-' && modifier !== '+' && modifier !== '?') throw new Failure('unsupported modifier');
    }
    if (modifier === '/') return this.replace(name, depth);
    if (modifier !== '-' && modifier !== '+' && modifier !== '?' && modifier !== '#' && modifier !== '%')
      throw new Failure('unsupported modifier');
    const pattern = modifier === '#' || modifier === '%';
    const word = this.word('}', pattern, depth);
    const value = this.lookup(name);
    const unset = value === undefined || (nullIsUnset && value === '');
    switch (modifier) {
      case '-':
        return unset ? word : value;
      case '+':
        return unset ? '' : word;
      case '?':
        // BuildKit fails the build here; whether it would is not known when the name is unknown.
        if (unset) throw new Failure('required variable');
        return value;
    }
    if (value === undefined || word === UNKNOWN) return UNKNOWN;
    // `##` and `%%` are `#` and `%` whose (expanded) word starts with the modifier again.
    const longest = word.startsWith(modifier);
    const body = longest ? word.slice(1) : word;
    const result = modifier === '#' ? removePrefix(value, body, longest) : removeSuffix(value, body, longest);
    if (result === undefined) throw new Failure('invalid pattern');
    return result;
  }

  /** `${NAME/pattern/replacement}` and `${NAME//pattern/replacement}`, after the first `/`. */
  private replace(name: string, depth: number): Value {
    const all = this.text[this.pos] === '/';
    if (all) this.pos++;
    const pattern = this.word('/', true, depth);
    const replacement = this.word('}', true, depth);
    const value = this.lookup(name);
    if (value === undefined || pattern === UNKNOWN || replacement === UNKNOWN) return UNKNOWN;
    const result = replacePattern(value, pattern, replacement, all, this.maxLength);
    if (result === undefined) throw new Failure('invalid pattern or too long');
    return result;
  }
}
