// A doc as a whole page, for the "Open the full page" link of a hover: the client shows it as
// rendered Markdown beside the editor.
import { argDoc, docAt, type Doc } from '../../../core/src/docs';
import { type DocPageParams, type DocPageResult, readDocPageParams } from '../../../protocol/src/protocol';
import { pick } from '../../../core/src/engine/localized';

/** The page for a doc request; null when the request is malformed or names no doc. */
export function docPage(raw: unknown): DocPageResult | null {
  const params = readDocPageParams(raw);
  if (!params) return null;
  const doc = docAt(params.path, params.language);
  if (!doc) return null;
  const title = pageTitle(doc, params);
  // A concept's title is its summary; other pages lead with the summary under the title.
  const lead = title === doc.summary ? '' : `${doc.summary}\n\n`;
  return { title, markdown: `# ${title}\n\n${lead}${doc.body}\n` };
}

/** What the page is about: `RUN`, `RUN --mount`, `RUN --mount=type=cache`, `# syntax`, `HEALTHCHECK CMD`, ... */
function pageTitle(doc: Doc, { path, language }: DocPageParams): string {
  const [folder = '', file = ''] = path.split('/');
  const name = file.replace(/\.md$/, '');
  switch (folder) {
    case 'instruction':
      return name;
    case 'flag':
      return name.replace('--', ' --');
    case 'mount':
      return `RUN --mount=type=${name}`;
    case 'directive':
      return `# ${name}=`;
    case 'healthcheck':
      return `HEALTHCHECK ${name}`;
    case 'arg':
      return doc === argDoc('HTTP_PROXY', language)
        ? pick({ en: 'Proxy build arguments', ko: '프록시 빌드 인자' }, language)
        : `ARG ${name}`;
    default:
      return doc.summary;
  }
}
