// Completion: reads the cursor's context from the cached analysed document and offers what is
// valid there, each item documented in the user's language.
import { type CompletionItem, CompletionItemKind, type Range } from 'vscode-languageserver';
import { healthcheckDoc } from '../../../../core/src/docs';
import type { Instruction, Position } from '../../../../core/src/parser';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import type { Language } from '../../../../core/src/engine/language';
import { cursorContext } from './cursorContext';
import { directiveItems } from './directiveItems';
import { flagNameItems, flagValueItems } from './flagItems';
import { imageItems, tagItems } from './imageItems';
import { directiveLineItems, keywordItems, withRange } from './keywordItems';
import { stageItems } from './stageItems';
import { variableItems } from './variableItems';

export function completion(document: AnalysedDocument, position: Position, language: Language): CompletionItem[] {
  const context = cursorContext(document.tree, document.lines, position);
  switch (context.kind) {
    case 'directive': {
      const present = new Set(
        document.tree.directives.filter((d) => d.range.start.line !== position.line).map((d) => d.name),
      );
      return directiveItems(context.text, context.textStart, position.line, present, language);
    }
    case 'keyword': {
      const items = withRange(
        keywordItems(context.afterFrom ? 'all' : 'beforeFrom', !context.hasArguments, language),
        context.replace,
      );
      if (context.inDirectiveBlock && !context.afterFrom)
        items.push(...withRange(directiveLineItems(language), context.replace));
      return items;
    }
    case 'trigger':
      return withRange(keywordItems('triggers', true, language), context.replace);
    case 'flagName':
      return withRange(flagNameItems(context.instruction.keyword, language), context.replace);
    case 'flagValue': {
      const items = flagValueItems(context.instruction, context.flag, document.model, language, context.parsed);
      const replace = context.flag === 'mount' ? afterLast(context.replace, context.value, /[,=]/) : context.replace;
      return withRange(items, replace);
    }
    case 'variable':
      return withRange(variableItems(document.model, context.scopeOwner, context.braced, language), context.replace);
    case 'argument':
      return argumentItems(document, context.instruction, context.index, context.token, context.replace, language);
    case 'none':
      return [];
  }
}

function argumentItems(
  document: AnalysedDocument,
  instruction: Instruction,
  index: number,
  token: string,
  replace: Range,
  language: Language,
): CompletionItem[] {
  const keyword = instruction.keyword;
  if (keyword === 'FROM') {
    if (index === 0) {
      if (token.includes(':') && !token.includes('@'))
        return withRange(tagItems(token, language), afterLast(replace, token, /:/));
      const stages = stageItems(document.model, instruction, language);
      return withRange([...stages, ...imageItems(language)], replace);
    }
    if (index === 1) return withRange([{ label: 'AS', kind: CompletionItemKind.Keyword, insertText: 'AS ' }], replace);
    return [];
  }
  if (keyword === 'HEALTHCHECK' && index === 0) {
    return withRange(
      ['CMD', 'NONE'].map((mode) => {
        const doc = healthcheckDoc(mode, language);
        return {
          label: mode,
          kind: CompletionItemKind.Keyword,
          detail: doc?.summary,
          documentation: doc ? { kind: 'markdown', value: doc.markdown } : undefined,
          insertText: `${mode} `,
        };
      }),
      replace,
    );
  }
  return [];
}

/** `range` narrowed to start after the last `separator` in the text typed so far. */
function afterLast(range: Range, typed: string, separator: RegExp): Range {
  let last = -1;
  for (let i = 0; i < typed.length; i++) if (separator.test(typed[i]!)) last = i;
  return { start: { line: range.start.line, character: range.start.character + last + 1 }, end: range.end };
}
