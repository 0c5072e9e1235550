// Base images and tags in FROM, from the offline list of official images, and earlier stages.
import { type CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { officialImage, officialImages, splitImageReference } from '../../../../core/src/docs';
import type { Language } from '../../../../core/src/engine/language';
import { pick } from '../../../../core/src/engine/localized';

const cache = new Map<string, CompletionItem[]>();

export function imageItems(language: Language): CompletionItem[] {
  let items = cache.get(language);
  if (!items) {
    const pageLinkText = pick({ en: 'Image page', ko: '이미지 페이지' }, language);
    items = officialImages().map((image) => ({
      label: image.name,
      kind: CompletionItemKind.Module,
      detail: image.recommended ? `${image.name}:${image.recommended}` : image.name,
      documentation: {
        kind: 'markdown',
        value: `${image.description[language]}${image.url ? `\n\n[${pageLinkText}](${image.url})` : ''}`,
      },
      insertText: image.recommended ? `${image.name}:\${1:${image.recommended}}` : image.name,
      insertTextFormat: InsertTextFormat.Snippet,
      sortText: `1${image.name}`,
    }));
    cache.set(language, items);
  }
  return items;
}

/** Tags of the image typed before the `:`. */
export function tagItems(typed: string, language: Language): CompletionItem[] {
  const image = officialImage(splitImageReference(`${typed.slice(0, typed.lastIndexOf(':'))}`).repository);
  if (!image) return [];
  return image.tags.map((tag, index) => ({
    label: tag,
    kind: CompletionItemKind.Value,
    detail: tag === image.recommended ? pick({ en: 'suggested', ko: '추천' }, language) : undefined,
    documentation: { kind: 'markdown', value: image.description[language] },
    preselect: tag === image.recommended,
    sortText: `${tag === image.recommended ? 0 : 1}${String(index).padStart(3, '0')}`,
  }));
}
