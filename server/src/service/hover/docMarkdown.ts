// A doc as a hover shows it: brief first (its summary, what it does at this spot, its short part),
// then either a link that opens the whole page beside the editor (`brief`) or the rest (`full`).
import type { Doc } from '../../../../core/src/docs';
import { SHOW_DOCS_COMMAND, type ShowDocsArguments } from '../../../../protocol/src/protocol';
import type { Language } from '../../../../core/src/engine/language';
import { pick } from '../../../../core/src/engine/localized';

/** The `layerwise.docs.detail` setting. */
export type DocDetail = 'brief' | 'full';

/** Facts about the instruction or flag at the cursor, shown right under the summary. */
export type HereFacts = readonly string[];

/**
 * A command link that opens the doc's whole page beside the editor; its arguments are the doc's
 * path and language (client/src/commands/showDocsCommand.ts).
 */
function fullPageLink(doc: Doc, language: Language): string {
  const args: ShowDocsArguments = [doc.path, language];
  const label = pick({ en: 'Open the full page', ko: '전체 문서 열기' }, language);
  return `[${label}](command:${SHOW_DOCS_COMMAND}?${encodeURIComponent(JSON.stringify(args))})`;
}

/** `**Here:** a · b · c`, or nothing without facts. */
function hereLine(facts: HereFacts, language: Language): string | undefined {
  return facts.length ? `**${pick({ en: 'Here:', ko: '여기서:' }, language)}** ${facts.join(' · ')}` : undefined;
}

/** The summary in bold, the facts about this spot and the brief part. */
export function docOpening(doc: Doc, facts: HereFacts, language: Language): string {
  return [`**${doc.summary}**`, hereLine(facts, language), doc.brief].filter(Boolean).join('\n\n');
}

/** The links under a brief doc: the full page, and Docker's reference page. */
export function docLinks(doc: Doc, language: Language): string {
  const links = [fullPageLink(doc, language)];
  if (doc.reference) links.push(`[${doc.reference.title}](${doc.reference.url})`);
  return links.join(' · ');
}

/** One doc for a hover: brief (opening and links) or full (opening and the rest of the page). */
export function docHover(doc: Doc, detail: DocDetail, language: Language, facts: HereFacts = []): string {
  const opening = docOpening(doc, facts, language);
  if (detail === 'full') return doc.rest ? `${opening}\n\n${doc.rest}` : opening;
  return `${opening}\n\n${docLinks(doc, language)}`;
}
