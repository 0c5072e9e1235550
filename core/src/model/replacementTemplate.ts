// The replacement of `${VAR//pattern/replacement}` is a Go regexp template (BuildKit calls
// ReplaceAllString): `$$` is `$`; `$name` or `${name}` names a group, where a name is a run
// of letters, digits and `_` (as long as possible); the pattern has no groups but the whole
// match, so `$0` / `${0}` give the matched text and every other name gives nothing. A `$`
// not followed by a name (or `${` without its `}`) stays as it is.

const isNameChar = (ch: string): boolean => ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch);

export function expandReplacementTemplate(template: string, matched: string): string {
  return compileReplacementTemplate(template).apply(matched);
}

export interface ReplacementTemplate {
  /** The replacement for one match. */
  apply(matched: string): string;
  /** How long `apply` makes it for a match of `matchedLength` (to refuse before building it). */
  lengthFor(matchedLength: number): number;
}

/**
 * The template read once, for `//` to apply to every match: literal text with the places of `$0`
 * between. Reading the template again for each match would take matches x template length even
 * when the result is short (`${X//?/$a$a$a…}`); this way a match costs its share of the result.
 */
export function compileReplacementTemplate(template: string): ReplacementTemplate {
  // literals[0] $0 literals[1] $0 ... literals[n]
  const literals: string[] = [];
  let literal = '';
  for (const piece of templatePieces(template)) {
    if (piece === MATCHED) {
      literals.push(literal);
      literal = '';
    } else literal += piece;
  }
  literals.push(literal);
  const withoutMatch = literals.join('');
  const references = literals.length - 1;
  return {
    apply: (matched) => (matched === '' || references === 0 ? withoutMatch : literals.join(matched)),
    lengthFor: (matchedLength) => withoutMatch.length + references * matchedLength,
  };
}

/** Marks where the matched text goes among a template's literal pieces. */
const MATCHED = Symbol('matched');

function templatePieces(template: string): (string | typeof MATCHED)[] {
  const pieces: (string | typeof MATCHED)[] = [];
  let out = '';
  let i = 0;
  for (;;) {
    const dollar = template.indexOf('$', i);
    if (dollar < 0) break;
    out += template.slice(i, dollar);
    i = dollar + 1;
    if (template[i] === '$') {
      out += '$';
      i++;
      continue;
    }
    const brace = template[i] === '{';
    let end = brace ? i + 1 : i;
    const nameStart = end;
    while (end < template.length) {
      const cp = template.codePointAt(end)!;
      const ch = String.fromCodePoint(cp);
      if (!isNameChar(ch)) break;
      end += ch.length;
    }
    const name = template.slice(nameStart, end);
    if (name === '' || (brace && template[end] !== '}')) {
      out += '$';
      continue;
    }
    if (brace) end++;
    i = end;
    // Only group 0 exists; a number with a leading zero is a name, and names match nothing.
    if (name === '0') {
      pieces.push(out, MATCHED);
      out = '';
    }
  }
  pieces.push(out + template.slice(i));
  return pieces;
}
