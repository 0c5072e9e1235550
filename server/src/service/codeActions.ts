// Quick fixes: the mechanical fixes rules attach to their findings (carried in diagnostic.data).
import { type CodeAction, CodeActionKind, type Diagnostic, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import type { Fix } from '../rules';
import type { Language } from './language';
import { toLspRange } from './lspRange';
import { pathToFileURL } from 'node:url';

export interface FixData {
  fixes: Fix[];
}

function fixesOf(diagnostic: Diagnostic): Fix[] {
  const data = diagnostic.data as Partial<FixData> | undefined;
  return Array.isArray(data?.fixes) ? data.fixes : [];
}

/** One quick fix per fix attached to each diagnostic in the request. */
export function quickFixes(uri: string, version: number, diagnostics: readonly Diagnostic[], language: Language): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    for (const fix of fixesOf(diagnostic)) {
      actions.push({ title: fix.title[language], kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true, edit: toWorkspaceEdit(uri, version, fix) });
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
