// Where a doc page lives in the editor: a read-only virtual document `layerwise-docs:/<language>/<path>`,
// whose content the language server gives (DOC_PAGE). Nothing is written to the workspace.
import { type DocPageParams, readDocPageParams } from '../../../protocol/src/protocol';

/** The URI scheme of the doc pages' virtual documents. */
export const DOCS_SCHEME = 'layerwise-docs';

/** `/en/instruction/RUN.md` for the RUN page in English. */
export function docPagePath(params: DocPageParams): string {
  return `/${params.language}/${params.path}`;
}

/** The page a virtual document's path names, when well formed. */
export function docPageParams(path: string): DocPageParams | undefined {
  const match = /^\/(en|ko)\/(.+)$/.exec(path);
  return match ? readDocPageParams({ language: match[1], path: match[2] }) : undefined;
}
