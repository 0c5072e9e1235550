// Checks one Dockerfile's text with core's check engine, the one the language server uses: the
// same parser, model, rules, severities, overrides and `# check=` directives.
import { pathToFileURL } from 'node:url';
import { BuildContext } from '../../core/src/context/buildContext';
import {
  analysedDocumentOf,
  type CheckedFinding,
  CheckEngine,
  type Language,
  type Settings,
} from '../../core/src/engine';
import { RULES } from '../../core/src/rules';
import type { Finding } from './report';
import { ruleCatalog } from './ruleCatalog';

export class TextChecker {
  private readonly engine = new CheckEngine(RULES, (rule, error) => {
    const reason = error instanceof Error ? error.message : String(error);
    process.stderr.write(`layerwise: rule ${rule.code} failed and was skipped: ${reason}\n`);
  });
  /** Dockerfiles sharing a folder and .dockerignore share one context, so its files are listed once. */
  private readonly contexts = new Map<string, Promise<BuildContext>>();

  /** `path` is absolute; undefined for standard input without a name (no build context then). */
  check(
    text: string,
    path: string | undefined,
    settings: Settings,
    language: Language,
    context: BuildContext | undefined,
  ): Finding[] {
    const uri = path === undefined ? 'untitled:stdin' : pathToFileURL(path).href;
    const checked = this.engine.check(analysedDocumentOf({ text, uri }), settings, language, context);
    // Each file is checked once: keep nothing for it across a run over thousands of files.
    this.engine.forget(uri);
    const findings = checked.map(reported);
    return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.code.localeCompare(b.code));
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
function reported(checked: CheckedFinding): Finding {
  return {
    code: checked.code,
    severity: checked.severity,
    message: checked.message,
    line: checked.range.start.line + 1,
    column: checked.range.start.character + 1,
    endLine: checked.range.end.line + 1,
    endColumn: checked.range.end.character + 1,
    docs: checked.docs ?? ruleCatalog().get(checked.code)?.docs,
  };
}
