// Diagnostics for what the parser itself finds: things `docker build` rejects before running.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Dockerfile, SyntaxProblem } from '../../../core/src/parser';
import type { Language } from '../../../core/src/engine/language';
import { toLspRange } from './lspRange';

export const DIAGNOSTIC_SOURCE = 'layerwise';

/** The parser's problems as diagnostics, with their messages in `language`. */
export function syntaxDiagnostics(tree: Dockerfile, language: Language): Diagnostic[] {
  const diagnostics = tree.problems.map((problem) => toDiagnostic(problem, language));
  for (const instruction of tree.instructions)
    for (const problem of instruction.problems) diagnostics.push(toDiagnostic(problem, language));
  return diagnostics;
}

// Problems where `docker build` itself succeeds: Layerwise only stops reading there.
const WARNING_CODES: ReadonlySet<SyntaxProblem['code']> = new Set(['nesting-too-deep']);

function toDiagnostic(problem: SyntaxProblem, language: Language): Diagnostic {
  const severity = WARNING_CODES.has(problem.code) ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error;
  return {
    range: toLspRange(problem.range),
    severity,
    code: problem.code,
    source: DIAGNOSTIC_SOURCE,
    message: problem.message[language],
  };
}
