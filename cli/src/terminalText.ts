// Text from the user (file names, instruction text, variable names, option values) on its way to
// a terminal: control characters would move the cursor, recolour or retitle the terminal, or
// forge whole lines (a file name holding "\n" and a fake finding), and bidi overrides would show
// text in another order than it has. They are written as visible escapes instead. JSON and SARIF
// need none of this: JSON.stringify escapes them.

/**
 * C0 controls (with tab, LF and CR), DEL, C1 controls (0x9B is a one-byte CSI), the bidi
 * embeddings, overrides, isolates and marks, the line and paragraph separators, the byte order
 * mark, and UTF-16 surrogates without their other half. One character class: linear, no backtracking.
 */
const UNSAFE = new RegExp(
  [
    // C0 and C1 controls, bidirectional marks and overrides, line/paragraph separators, BOM.
    '[\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069\\ufeff]',
    // Surrogates without their partner.
    '[\\ud800-\\udbff](?![\\udc00-\\udfff])',
    '(?<![\\ud800-\\udbff])[\\udc00-\\udfff]',
  ].join('|'),
  'g',
);

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t' };

function escape(character: string): string {
  const named = NAMED[character];
  if (named) return named;
  const code = character.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
}

/**
 * `text` with every character that could control a terminal or reorder text shown as an escape
 * (`\n`, `\x1b`, `\u202e`).
 */
export function showControls(text: string): string {
  return text.replace(UNSAFE, escape);
}
