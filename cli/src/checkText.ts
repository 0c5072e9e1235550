// Checks one Dockerfile's text with the language server's own analysis: the same parser,
// model, rules and DiagnosticsEngine (severities, overrides, `# check=` directives).
import { pathToFileURL } from 'node:url';
import { BuildContext } from '../../core/src/context/buildContext';
import { parseText } from '../../core/src/parser';
import { RULES } from '../../core/src/rules';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import { DiagnosticsEngine } from '../../server/src/service/diagnostics';
import type { Language } from '../../core/src/engine/language';
import type { Settings } from '../../core/src/engine/settings';
import type { Finding, Severity } from './report';
import { ruleCatalog } from './ruleCatalog';

// LSP DiagnosticSeverity 1..4, as the engine reports them.
const SEVERITY_BY_LSP: Record<number, Severity> = { 1: 'error', 2: 'warning', 3: 'info', 4: 'hint' };

export class TextChecker {
  private readonly engine = new DiagnosticsEngine(RULES, (rule, error) =>
    process.stderr.write(
      `layerwise: rule ${rule.code} failed and was skipped: ${error instanceof Error ? error.message : String(error)}\n`,
    ),
  );
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
    const document = new AnalysedDocument(uri, 1, text, parseText(text));
    const diagnostics = this.engine.diagnostics(document, settings, language, context);
    // Each file is checked once: keep nothing for it across a run over thousands of files.
    this.engine.forget(uri);
    const findings = diagnostics.map((diagnostic): Finding => {
      const code = String(diagnostic.code ?? '');
      return {
        code,
        severity: SEVERITY_BY_LSP[diagnostic.severity ?? 1] ?? 'error',
        message: diagnostic.message,
        line: diagnostic.range.start.line + 1,
        column: diagnostic.range.start.character + 1,
        endLine: diagnostic.range.end.line + 1,
        endColumn: diagnostic.range.end.character + 1,
        docs: diagnostic.codeDescription?.href ?? ruleCatalog().get(code)?.docs,
      };
    });
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
