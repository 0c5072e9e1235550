// Instruction keywords valid at the cursor, each with its doc, plus snippets for common forms.
import {
  type CompletionItem,
  CompletionItemKind,
  CompletionItemTag,
  InsertTextFormat,
  type Range,
} from 'vscode-languageserver';
import { directiveDoc, instructionDoc } from '../../../../core/src/docs';
import { INSTRUCTION_KEYWORDS, INSTRUCTIONS, instructionSpec } from '../../../../core/src/parser';
import type { Language } from '../../../../core/src/engine/language';
import { INSTRUCTION_SNIPPETS } from './instructionSnippets';

/** Before the first FROM only ARG (and FROM itself) may appear. */
const BEFORE_FROM: readonly string[] = ['FROM', 'ARG'];

export type KeywordSet = 'beforeFrom' | 'all' | 'triggers';

const cache = new Map<string, CompletionItem[]>();

function keywordsOf(set: KeywordSet): readonly string[] {
  if (set === 'beforeFrom') return BEFORE_FROM;
  if (set === 'triggers') return INSTRUCTIONS.filter((spec) => spec.trigger).map((spec) => spec.keyword);
  return INSTRUCTION_KEYWORDS;
}

/** Keyword items (and form snippets when `withSnippets`), cached per language; the caller adds the edit range. */
export function keywordItems(set: KeywordSet, withSnippets: boolean, language: Language): CompletionItem[] {
  const key = `${language}|${set}|${withSnippets}`;
  let items = cache.get(key);
  if (!items) {
    items = [];
    for (const keyword of keywordsOf(set)) {
      const doc = instructionDoc(keyword, language);
      const documentation = doc ? { kind: 'markdown' as const, value: doc.markdown } : undefined;
      const deprecated: CompletionItemTag[] | undefined = instructionSpec(keyword)?.deprecated
        ? [CompletionItemTag.Deprecated]
        : undefined;
      items.push({
        label: keyword,
        kind: CompletionItemKind.Keyword,
        detail: doc?.summary,
        documentation,
        sortText: `${keyword}0`,
        insertText: `${keyword} `,
        tags: deprecated,
      });
      if (!withSnippets) continue;
      INSTRUCTION_SNIPPETS.filter((s) => s.keyword === keyword).forEach((snippet, index) => {
        items!.push({
          label: snippet.label,
          kind: CompletionItemKind.Snippet,
          detail: doc?.summary,
          documentation,
          filterText: keyword,
          sortText: `${keyword}${index + 1}`,
          insertText: snippet.snippet,
          insertTextFormat: InsertTextFormat.Snippet,
          tags: deprecated,
        });
      });
    }
    cache.set(key, items);
  }
  return items;
}

/** `# syntax=docker/dockerfile:1` and friends, offered on the first lines before any instruction. */
export function directiveLineItems(language: Language): CompletionItem[] {
  const key = `${language}|directiveLines`;
  let items = cache.get(key);
  if (!items) {
    const line = (label: string, snippet: string, name: string, sortText: string): CompletionItem => {
      const doc = directiveDoc(name, language);
      return {
        label,
        kind: CompletionItemKind.Snippet,
        detail: doc?.summary,
        documentation: doc ? { kind: 'markdown', value: doc.markdown } : undefined,
        filterText: `# ${name} ${label}`,
        sortText,
        insertText: snippet,
        insertTextFormat: InsertTextFormat.Snippet,
      };
    };
    items = [
      line('# syntax=docker/dockerfile:1', '# syntax=docker/dockerfile:${1:1}', 'syntax', '~0'),
      line('# check=skip=<rules>', '# check=skip=${1:JSONArgsRecommended}', 'check', '~1'),
      line('# escape=`', '# escape=${1|`,\\\\|}', 'escape', '~2'),
    ];
    cache.set(key, items);
  }
  return items;
}

/** Copies of cached items that replace `range` with their insert text. */
export function withRange(items: readonly CompletionItem[], range: Range): CompletionItem[] {
  return items.map((item) => ({ ...item, textEdit: { range, newText: item.insertText ?? item.label } }));
}
