// Parser directives on the first lines: names, then values (`docker/dockerfile:1`, the escape
// characters, and rule names after `check=skip=`).
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver';
import { DIRECTIVE_NAMES, directiveDoc } from '../../../../core/src/docs';
import { RULES } from '../../../../core/src/rules';
import type { Language } from '../../../../core/src/engine/language';
import { BUILDKIT_CHECKS, checkNames } from './checkNames';

const markdown = (value: string | undefined): CompletionItem['documentation'] =>
  value ? { kind: 'markdown', value } : undefined;

/** `text` is the line after `#` up to the cursor; `textStart` its character offset. */
export function directiveItems(
  text: string,
  textStart: number,
  line: number,
  present: ReadonlySet<string>,
  language: Language,
): CompletionItem[] {
  const at = (from: number, to = textStart + text.length): Range => ({
    start: { line, character: from },
    end: { line, character: to },
  });
  const { spaces, name, equals, value } = splitDirectiveText(text);
  if (!equals) {
    return DIRECTIVE_NAMES.filter((n) => !present.has(n)).map((n) => {
      const doc = directiveDoc(n, language);
      return {
        label: n,
        kind: CompletionItemKind.Keyword,
        detail: doc?.summary,
        documentation: markdown(doc?.markdown),
        textEdit: { range: at(textStart + spaces.length), newText: `${n}=` },
      };
    });
  }
  const valueStart = textStart + spaces.length + name.length + 1;
  const doc = markdown(directiveDoc(name, language)?.markdown);
  switch (name.toLowerCase()) {
    case 'syntax':
      return ['docker/dockerfile:1', 'docker/dockerfile:1-labs'].map((v) => ({
        label: v,
        kind: CompletionItemKind.Value,
        documentation: doc,
        textEdit: { range: at(valueStart), newText: v },
      }));
    case 'escape':
      return ['\\', '`'].map((v) => ({
        label: v,
        kind: CompletionItemKind.Value,
        documentation: doc,
        textEdit: { range: at(valueStart), newText: v },
      }));
    case 'check':
      return checkItems(value, valueStart, at, language);
    default:
      return [];
  }
}

/**
 * `text` as leading whitespace, a name of ASCII letters, an optional `=` and the rest: one pass
 * instead of `/^(\s*)([a-zA-Z]*)(=?)(.*)$/`, which backtracks quadratically (and then fails,
 * leaving no match) when the line holds a character `.` does not match, such as U+2028.
 */
function splitDirectiveText(text: string): { spaces: string; name: string; equals: boolean; value: string } {
  let i = 0;
  while (i < text.length && /\s/.test(text[i]!)) i++;
  const nameStart = i;
  while (i < text.length && /[a-zA-Z]/.test(text[i]!)) i++;
  const equals = text[i] === '=';
  return {
    spaces: text.slice(0, nameStart),
    name: text.slice(nameStart, i),
    equals,
    value: text.slice(equals ? i + 1 : i),
  };
}

function checkItems(
  value: string,
  valueStart: number,
  at: (from: number) => Range,
  language: Language,
): CompletionItem[] {
  const option = value.lastIndexOf(';') + 1;
  const current = value.slice(option);
  if (!current.includes('=')) {
    return ['skip=', 'error=true'].map((v) => ({
      label: v,
      kind: CompletionItemKind.Property,
      textEdit: { range: at(valueStart + option), newText: v },
    }));
  }
  if (!/^skip=/i.test(current)) return [];
  const lastComma = Math.max(current.indexOf('=') + 1, current.lastIndexOf(',') + 1);
  const chosen = new Set(current.slice(current.indexOf('=') + 1).split(','));
  const ours = new Map(RULES.map((rule) => [rule.code, rule]));
  const names = ['all', ...checkNames()].filter((n) => !chosen.has(n) || n === current.slice(lastComma));
  return names.map((n) => {
    const rule = ours.get(n);
    return {
      label: n,
      kind: CompletionItemKind.EnumMember,
      detail:
        n === 'all'
          ? language === 'ko'
            ? '모든 검사 끄기'
            : 'skip every check'
          : BUILDKIT_CHECKS.includes(n)
            ? language === 'ko'
              ? 'BuildKit 빌드 검사'
              : 'BuildKit build check'
            : 'Layerwise',
      documentation: rule
        ? { kind: 'markdown', value: `${rule.description[language]}\n\n[${n}](${rule.docs})` }
        : undefined,
      textEdit: { range: at(valueStart + option + lastComma), newText: n },
    };
  });
}
