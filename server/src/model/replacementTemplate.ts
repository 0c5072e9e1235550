// The replacement of `${VAR//pattern/replacement}` is a Go regexp template (BuildKit calls
// ReplaceAllString): `$$` is `$`; `$name` or `${name}` names a group, where a name is a run
// of letters, digits and `_` (as long as possible); the pattern has no groups but the whole
// match, so `$0` / `${0}` give the matched text and every other name gives nothing. A `$`
// not followed by a name (or `${` without its `}`) stays as it is.

const isNameChar = (ch: string): boolean => ch === '_' || /^[\p{L}\p{Nd}]$/u.test(ch);

export function expandReplacementTemplate(template: string, matched: string): string {
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
    if (name === '0') out += matched;
  }
  return out + template.slice(i);
}
