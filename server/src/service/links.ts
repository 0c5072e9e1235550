// Document links: the image in FROM opens its registry page (never for a stage or scratch);
// COPY/ADD sources open the file in the build context, unless .dockerignore leaves it out.
import { posix } from 'node:path';
import type { DocumentLink } from 'vscode-languageserver';
import type { BuildContext, ContextListing } from '../../../core/src/context/buildContext';
import type { Stage } from '../../../core/src/model';
import type { Instruction, Word } from '../../../core/src/parser';
import type { LocalizedText } from '../../../core/src/rules';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { imagePage } from './imagePages';
import type { Language } from '../../../core/src/engine/language';
import { toLspRange } from './lspRange';

const listedFiles = new WeakMap<ContextListing, ReadonlySet<string>>();

export function documentLinks(
  document: AnalysedDocument,
  buildContext: BuildContext | undefined,
  language: Language,
): DocumentLink[] {
  const links: DocumentLink[] = [];
  for (const stage of document.model.stages) {
    const link = imageLink(stage, language);
    if (link) links.push(link);
  }
  if (buildContext) {
    for (const instruction of document.tree.instructions) {
      if (instruction.keyword === 'COPY' || instruction.keyword === 'ADD')
        links.push(...sourceLinks(instruction, buildContext, language));
    }
  }
  return links;
}

function imageLink(stage: Stage, language: Language): DocumentLink | undefined {
  const image = stage.from.image;
  if (!image || stage.baseStage || image.range.start.line !== image.range.end.line) return undefined;
  const reference = stage.resolvedBaseImage ?? stage.baseImage;
  if (reference.toLowerCase() === 'scratch' || reference.includes('$')) return undefined;
  const page = imagePage(reference);
  if (!page) return undefined;
  const tooltip: LocalizedText = {
    en: `Open ${reference} on ${page.registry}`,
    ko: `${page.registry}에서 ${reference} 페이지 열기`,
  };
  return { range: toLspRange(image.range), target: page.url, tooltip: tooltip[language] };
}

function sourceLinks(instruction: Instruction, context: BuildContext, language: Language): DocumentLink[] {
  // Sources from another stage or image are not in the build context.
  if (instruction.flags.some((flag) => flag.name.toLowerCase() === 'from')) return [];
  const links: DocumentLink[] = [];
  for (const source of instruction.sources ?? []) {
    const path = contextPath(source);
    if (path === undefined || !isContextFile(context, path)) continue;
    const tooltip: LocalizedText = { en: `Open ${path} from the build context`, ko: `빌드 컨텍스트의 ${path} 열기` };
    links.push({
      range: toLspRange(source.range),
      target: context.uriOf(path),
      tooltip: tooltip[language],
    });
  }
  return links;
}

/** The context-relative path a source names, when it is one literal path. */
function contextPath(source: Word): string | undefined {
  const value = source.value;
  if (source.range.start.line !== source.range.end.line || value.startsWith('<<')) return undefined;
  if (/[$*?[\]]/.test(value) || /^[a-z][a-z0-9+.-]*:\/\//i.test(value) || value.startsWith('git@')) return undefined;
  const normalized = posix.normalize(value.replace(/^\/+/, ''));
  if (normalized === '.' || normalized === '' || normalized.startsWith('..')) return undefined;
  return normalized.replace(/\/+$/, '');
}

/** Without a complete listing (still walking, stopped early, a folder unreadable): one stat of the path. */
function isContextFile(context: BuildContext, path: string): boolean {
  if (context.isIgnored(path)) return false;
  const listing = context.listing;
  if (!listing || listing.truncated || listing.unreadable.length > 0) return context.kindOf(path) === 'file';
  let files = listedFiles.get(listing);
  if (!files) {
    files = new Set(listing.files);
    listedFiles.set(listing, files);
  }
  return files.has(path);
}
