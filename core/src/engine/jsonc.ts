// Settings files are JSON with comments (JSONC), as VS Code's own settings.json: `//` and `/* */`
// comments and trailing commas are accepted. A file that is not even that gets one message naming
// the line and column of the first mistake.
import { type ParseError, parse, printParseErrorCode } from 'jsonc-parser';

export type JsoncResult =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly problem: string };

const EXPLANATIONS: Readonly<Record<string, string>> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'badly written number',
  PropertyNameExpected: 'a property name in double quotes is expected',
  ValueExpected: 'a value is expected',
  ColonExpected: 'a colon is expected',
  CommaExpected: 'a comma is expected',
  CloseBraceExpected: 'a closing } is expected',
  CloseBracketExpected: 'a closing ] is expected',
  EndOfFileExpected: 'nothing may follow the value',
  InvalidCommentToken: 'badly written comment',
  UnexpectedEndOfComment: 'a comment is not closed',
  UnexpectedEndOfString: 'a string is not closed',
  UnexpectedEndOfNumber: 'a number is cut short',
  InvalidUnicode: 'badly written \\u escape',
  InvalidEscapeCharacter: 'unknown escape after \\',
  InvalidCharacter: 'a control character inside a string',
};

/** Parses JSONC; never throws. The problem reads "not valid JSON (line 2, column 5: a comma is expected)". */
export function parseJsonc(text: string): JsoncResult {
  const errors: ParseError[] = [];
  const value: unknown = parse(text, errors, { allowTrailingComma: true, disallowComments: false });
  const first = errors[0];
  if (!first) return { ok: true, value };
  const { line, column } = lineAndColumn(text, first.offset);
  const code = printParseErrorCode(first.error);
  return { ok: false, problem: `not valid JSON (line ${line}, column ${column}: ${EXPLANATIONS[code] ?? code})` };
}

/** 1-based line and column of `offset` (a column counts UTF-16 code units, as editors show it). */
function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = 0; index < offset && index < text.length; index++) {
    const char = text.charCodeAt(index);
    // \r\n counts once: the line starts after the \n.
    if (char === 10 || (char === 13 && text.charCodeAt(index + 1) !== 10)) {
      line++;
      lineStart = index + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
