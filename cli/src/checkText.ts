// Checks one Dockerfile's text with core's check engine, the one the language server uses: the
// same parser, model, rules, severities, overrides and `# check=` directives.
import { pathToFileURL } from 'node:url';
import { BuildContext } from '../../core/src/context/buildContext';
import {
  type AnalysedDocument,
  analysedDocumentOf,
  type CheckedFinding,
  CheckEngine,
  type Language,
  type Settings,
} from '../../core/src/engine';
import { RULES } from '../../core/src/rules';
import { fingerprints } from './fingerprint';
import type { Finding } from './report';
import { ruleCatalog } from './ruleCatalog';

export class TextChecker {
  private readonly engine = new CheckEngine(RULES, (rule, error) => {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`layerwise: rule ${rule.code} failed and was skipped: ${reason}\n`);
  });
  /** Dockerfiles sharing a folder and .dockerignore share one context, so its files are listed once. */
  private readonly contexts = new Map<string, Promise<BuildContext>>();

  /**
   * `path` is absolute; undefined for standard input without a name (no build context then).
   * `shownPath` is the path as reported, part of each finding's fingerprint.
   */
  check(
    text: string,
    path: string | undefined,
    settings: Settings,
    language: Language,
    context: BuildContext | undefined,
    shownPath = path ?? '<stdin>',
  ): Finding[] {
    const { checked, document } = this.checked(text, path, settings, language, context);
    const sorted = [...checked].sort(
      (a, b) =>
        a.range.start.line - b.range.start.line ||
        a.range.start.character - b.range.start.character ||
        a.code.localeCompare(b.code),
    );
    const keys = fingerprints(
      sorted.map((finding) => ({ code: finding.code, startLine: finding.range.start.line })),
      shownPath,
      document.tree,
      document.lines,
    );
    return sorted.map((finding, index) => reported(finding, keys[index]!));
  }

  /** The engine's findings (with their fixes) and the parsed document they were found in. */
  checked(
    text: string,
    path: string | undefined,
    settings: Settings,
    language: Language,
    context: BuildContext | undefined,
  ): { checked: CheckedFinding[]; document: AnalysedDocument } {
    const uri = path === undefined ? 'untitled:stdin' : pathToFileURL(path).href;
    const document = analysedDocumentOf({ text, uri });
    const checked = this.engine.check(document, settings, language, context);
    // Each file is checked once (or once a --fix pass): keep nothing for it across a run over thousands of files.
    this.engine.forget(uri);
    return { checked, document };
  }

  /**
   * The listed build context of the Dockerfile at `path` (the walk is awaited); `first` is true
   * for the first Dockerfile that uses it, so its problems are reported once.
   */
  async contextFor(path: string): Promise<{ context: BuildContext; first: boolean }> {
    const fresh = BuildContext.forDockerfile(path);
    const known = this.contexts.get(fresh.key);
    if (known) return { context: await known, first: false };
    const listed = fresh.listed();
    this.contexts.set(fresh.key, listed);
    return { context: await listed, first: true };
  }
}

/** A checked finding as the reports show it: 1-based lines and columns. */
function reported(checked: CheckedFinding, fingerprint: string): Finding {
  return {
    code: checked.code,
    severity: checked.severity,
    message: checked.message,
    line: checked.range.start.line + 1,
    column: checked.range.start.character + 1,
    endLine: checked.range.end.line + 1,
    endColumn: checked.range.end.character + 1,
    docs: checked.docs ?? ruleCatalog().get(checked.code)?.docs,
    fingerprint,
  };
}
