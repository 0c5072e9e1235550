// Diagnostics for what the parser itself finds: things `docker build` rejects before running.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver';
import type { Dockerfile, SyntaxProblem } from '../parser';
import { toLspRange } from './lspRange';

export const DIAGNOSTIC_SOURCE = 'layerwise';

export function syntaxDiagnostics(tree: Dockerfile): Diagnostic[] {
  const diagnostics = tree.problems.map(toDiagnostic);
  for (const instruction of tree.instructions) for (const problem of instruction.problems) diagnostics.push(toDiagnostic(problem));
  return diagnostics;
}

function toDiagnostic(problem: SyntaxProblem): Diagnostic {
  return { range: toLspRange(problem.range), severity: DiagnosticSeverity.Error, code: problem.code, source: DIAGNOSTIC_SOURCE, message: problem.message };
}
