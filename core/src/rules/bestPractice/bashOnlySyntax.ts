// Finds syntax that bash (and ksh) accept but POSIX sh does not, in a script's text: a small
// lexer that knows quotes, substitutions and command positions, enough to tell `[[ ... ]]` the
// command from `'[['` the string. One pass over the text, with an explicit stack (no recursion).

export type BashOnlyKind = 'doubleBracket' | 'bothRedirect' | 'source' | 'functionKeyword' | 'indirect' | 'array';

export interface BashOnlyUse {
  kind: BashOnlyKind;
  /** Offsets in the scanned text. */
  start: number;
  end: number;
}

type Context = 'code' | 'dq' | 'brace' | 'backquote' | 'arith';

/** Words after which a command starts (so `[[`, `source` and `function` there are commands). */
const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'do', 'while', 'until', '!', '{', 'time']);
const WORD_END = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*\+?=/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*\+?=$/;

export function bashOnlySyntax(text: string): BashOnlyUse[] {
  const found: BashOnlyUse[] = [];
  // Each open `$(`, `(`, `"`, `${`, backquote or `$((`; the script itself is the bottom `code`.
  const stack: Context[] = ['code'];
  let commandStart = true;
  let redirectTarget = false;
  let wordStart = -1;

  const endWord = (end: number): void => {
    if (wordStart < 0) return;
    const word = text.slice(wordStart, end);
    const start = wordStart;
    wordStart = -1;
    if (redirectTarget) {
      redirectTarget = false;
      return;
    }
    if (!commandStart) return;
    if (word === '[[') found.push({ kind: 'doubleBracket', start, end });
    else if (word === 'source') found.push({ kind: 'source', start, end });
    else if (word === 'function') found.push({ kind: 'functionKeyword', start, end });
    commandStart = KEYWORDS.has(word) || ASSIGNMENT.test(word);
  };

  /** At `${`: indirect expansion `${!x}` and array references `${a[1]}`. */
  const parameter = (at: number): void => {
    if (text[at + 2] === '!') found.push({ kind: 'indirect', start: at, end: at + 3 });
    else {
      const name = /^[A-Za-z_][A-Za-z0-9_]*\[/.exec(text.slice(at + 2, at + 260));
      if (name) found.push({ kind: 'array', start: at, end: at + 2 + name[0].length });
    }
  };

  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    const context = stack[stack.length - 1]!;
    if (c === '\\') {
      if (context === 'code' && wordStart < 0) wordStart = i;
      i++;
      continue;
    }
    if (context === 'dq' || context === 'brace') {
      if (c === '"' && context === 'dq') stack.pop();
      else if (c === '}' && context === 'brace') stack.pop();
      else if (c === '"') stack.push('dq');
      else if (c === '$' && text[i + 1] === '{') {
        parameter(i);
        stack.push('brace');
        i++;
      } else if (c === '$' && text[i + 1] === '(') {
        const arithmetic = text[i + 2] === '(';
        stack.push(arithmetic ? 'arith' : 'code');
        i += arithmetic ? 2 : 1;
        wordStart = -1;
        commandStart = !arithmetic;
      } else if (c === '`') {
        stack.push('backquote');
        wordStart = -1;
        commandStart = true;
      }
      continue;
    }
    if (context === 'arith') {
      if (c === ')' && text[i + 1] === ')') {
        stack.pop();
        i++;
      }
      continue;
    }
    // Shell code: the script, a `$( ... )`, a `( ... )` or a backquoted command.
    if (c === '#' && wordStart < 0) {
      while (i + 1 < text.length && text[i + 1] !== '\n') i++;
      continue;
    }
    if (c === '`' && context === 'backquote') {
      endWord(i);
      stack.pop();
      commandStart = false;
      continue;
    }
    if (WORD_END.has(c)) {
      if (c === '(' && wordStart >= 0 && NAME.test(text.slice(wordStart, i))) {
        found.push({ kind: 'array', start: wordStart, end: i + 1 });
        stack.push('code');
        wordStart = -1;
        commandStart = false;
        continue;
      }
      endWord(i);
      if (c === '\n' || c === ';' || c === '|') commandStart = true;
      else if (c === '&') {
        if (text[i + 1] === '>' && text[i - 1] !== '>' && text[i - 1] !== '<') {
          found.push({ kind: 'bothRedirect', start: i, end: i + (text[i + 2] === '>' ? 3 : 2) });
          redirectTarget = true;
          i += text[i + 2] === '>' ? 2 : 1;
        } else commandStart = true;
      } else if (c === '(') {
        stack.push('code');
        commandStart = true;
      } else if (c === ')') {
        if (stack.length > 1) stack.pop();
        commandStart = false;
      } else if (c === '<' || c === '>') {
        // `2>&1`, `>&2`: a descriptor, not a file name; `<(...)`: a process substitution.
        if (text[i + 1] === '&') i++;
        else if (text[i + 1] === '(') continue;
        else redirectTarget = true;
        while (text[i + 1] === '>' || text[i + 1] === '<' || text[i + 1] === '|') i++;
      }
      continue;
    }
    if (wordStart < 0) wordStart = i;
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      i = close < 0 ? text.length : close;
    } else if (c === '"') stack.push('dq');
    else if (c === '$' && text[i + 1] === '{') {
      parameter(i);
      stack.push('brace');
      i++;
    } else if (c === '$' && text[i + 1] === '(') {
      const arithmetic = text[i + 2] === '(';
      stack.push(arithmetic ? 'arith' : 'code');
      i += arithmetic ? 2 : 1;
      // The substitution holds commands of its own; the word around it is not one to look at.
      if (!arithmetic) {
        wordStart = -1;
        commandStart = true;
      }
    } else if (c === '`') {
      stack.push('backquote');
      wordStart = -1;
      commandStart = true;
    }
  }
  endWord(text.length);
  return found;
}
