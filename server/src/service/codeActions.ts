// Quick fixes: the mechanical fixes rules attach to their findings (looked up for the diagnostics
// in the request),
// and for every rule diagnostic "Ignore <Rule> on this line" and "Ignore <Rule> in this file".
import { type CodeAction, CodeActionKind, type Diagnostic, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Dockerfile } from '../parser';
import type { Fix } from '../rules';
import type { DiagnosticData } from './diagnostics';
import { ignoreInFileFix, ignoreOnLineFix } from './ignoreFixes';
import type { Language } from './language';
import { toLspRange } from './lspRange';
import { pathToFileURL } from 'node:url';

function dataOf(diagnostic: Diagnostic): Partial<DiagnosticData> {
  const data = diagnostic.data as Partial<DiagnosticData> | undefined;
  return typeof data === 'object' && data !== null ? data : {};
}

/** One quick fix per fix attached to each diagnostic in the request, then the ignore fixes. */
export function quickFixes(
  uri: string,
  version: number,
  diagnostics: readonly Diagnostic[],
  language: Language,
  fixesFor: (diagnostic: Diagnostic) => Fix[],
  tree?: Dockerfile,
): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    for (const fix of fixesFor(diagnostic)) {
      actions.push({ title: fix.title[language], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: toWorkspaceEdit(uri, version, fix) });
    }
  }
  if (!tree) return actions;
  const offered = new Set<string>();
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (!dataOf(diagnostic).ignorable || typeof code !== 'string') continue;
    const line = diagnostic.range.start.line;
    for (const [key, fix] of [[`${code}@${line}`, ignoreOnLineFix(tree, line, code)], [code, ignoreInFileFix(tree, code)]] as const) {
      if (!fix || offered.has(key)) continue;
      offered.add(key);
      actions.push({ title: fix.title[language], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: toWorkspaceEdit(uri, version, fix) });
    }
  }
  return actions;
}

export function toWorkspaceEdit(uri: string, version: number, fix: Fix): WorkspaceEdit {
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  if (fix.edits.length > 0) {
    const edit: TextDocumentEdit = { textDocument: { uri, version }, edits: fix.edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) };
    documentChanges.push(edit);
  }
  if (fix.createFile) {
    const fileUri = pathToFileURL(fix.createFile.path).href;
    documentChanges.push({ kind: 'create', uri: fileUri, options: { overwrite: true } });
    documentChanges.push({
      textDocument: { uri: fileUri, version: null },
      edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.createFile.text }],
    });
  }
  for (const { path, edits } of fix.fileEdits ?? []) {
    documentChanges.push({ textDocument: { uri: pathToFileURL(path).href, version: null }, edits: edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })) });
  }
  return { documentChanges };
}
