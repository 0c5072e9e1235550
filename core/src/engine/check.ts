// The one-call API of the check engine: a document's findings as the user sees them. A caller that
// checks the same document again and again (an editor) keeps a CheckEngine instead, which reuses
// what did not change from one version to the next.
import type { BuildContext } from '../context/buildContext';
import { parseText } from '../parser';
import { RULES, type Rule } from '../rules';
import { AnalysedDocument } from './analysedDocument';
import { type CheckedFinding, CheckEngine } from './checkEngine';
import type { Language } from './language';
import type { Settings } from './settings';

/** What to check: a parsed document, or a text and the URI it has (its file's `file:` URL, or an `untitled:` one). */
export type CheckInput = AnalysedDocument | { text: string; uri: string };

export interface CheckRunOptions {
  /** The language of messages (default English). */
  language?: Language;
  /** The Dockerfile's listed build context; without one, rules that read the context's files say nothing. */
  buildContext?: BuildContext;
  /** The rules to run (default: every rule). */
  rules?: readonly Rule[];
  /** Hears once about each rule that throws (the rule then reports nothing where it threw). */
  reportError?: (rule: Rule, error: unknown) => void;
}

/** The document as the engine reads it: parsed once here when given as text. */
export function analysedDocumentOf(input: CheckInput): AnalysedDocument {
  return input instanceof AnalysedDocument
    ? input
    : new AnalysedDocument(input.uri, 0, input.text, parseText(input.text));
}

/**
 * Every finding of the document: the parser's problems first, then the rules' findings, each with
 * its severity word (after settings and `# check=error=true`), message, docs link and fixes.
 * Rules that read RUN as shell need the shell parser: await `initShellParser()` (core/src/shell)
 * once before the first check, or they find nothing.
 */
export function check(input: CheckInput, settings: Settings, options: CheckRunOptions = {}): CheckedFinding[] {
  const engine = new CheckEngine(options.rules ?? RULES, options.reportError);
  return engine.check(analysedDocumentOf(input), settings, options.language ?? 'en', options.buildContext);
}
