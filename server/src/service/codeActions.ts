// Quick fixes: the mechanical fixes rules attach to their findings (looked up for the diagnostics
// in the request), and for every rule diagnostic "Ignore <Rule> on this line" and "Ignore <Rule>
// in this file". A select-all request can hold tens of thousands of diagnostics: identical fixes
// are offered once, "in this file" once per rule, and at most CODE_ACTION_LIMIT fixes of single
// findings (mechanical ones first, then "on this line") are answered.
import {
  type CodeAction,
  CodeActionKind,
  type Diagnostic,
  type TextDocumentEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver';
import type { Dockerfile } from '../../../core/src/parser';
import type { Fix } from '../../../core/src/rules';
import type { DiagnosticData } from './diagnostics';
import { IgnoreFixes } from './ignoreFixes';
import type { Language } from '../../../core/src/engine/language';
import { toLspRange } from './lspRange';
import { pathToFileURL } from 'node:url';

/**
 * Fixes of single findings (mechanical and "on this line") in one answer;
 * "in this file" ones come on top, one per rule.
 */
const CODE_ACTION_LIMIT = 100;

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
  limit = CODE_ACTION_LIMIT,
): CodeAction[] {
  const actions: CodeAction[] = [];
  const offered = new Set<string>();
  let single = 0;
  for (const diagnostic of diagnostics) {
    if (single >= limit) break;
    for (const fix of fixesFor(diagnostic)) {
      const key = JSON.stringify([fix.title.en, fix.edits, fix.createFile, fix.fileEdits]);
      if (single >= limit || offered.has(key)) continue;
      offered.add(key);
      single++;
      actions.push({
        title: fix.title[language],
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        isPreferred: true,
        edit: toWorkspaceEdit(uri, version, fix),
      });
    }
  }
  if (!tree) return actions;
  const ignores = new IgnoreFixes(tree);
  for (const diagnostic of diagnostics) {
    const code = diagnostic.code;
    if (!dataOf(diagnostic).ignorable || typeof code !== 'string') continue;
    if (single < limit) {
      // Every line of an instruction gets the same "on this line" fix: offered once per instruction.
      const instruction = ignores.instructionAt(diagnostic.range.start.line);
      const key = instruction && `${code}@${instruction.range.start.line}`;
      const fix = key !== undefined && !offered.has(key) ? ignores.onLine(instruction!, code) : undefined;
      if (key !== undefined) offered.add(key);
      if (fix) {
        single++;
        actions.push({
          title: fix.title[language],
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: toWorkspaceEdit(uri, version, fix),
        });
      }
    }
    if (offered.has(code)) continue;
    offered.add(code);
    const fix = ignores.inFile(code);
    if (fix)
      actions.push({
        title: fix.title[language],
        kind: CodeActionKind.QuickFix,
        diagnostics: [diagnostic],
        edit: toWorkspaceEdit(uri, version, fix),
      });
  }
  return actions;
}

function toWorkspaceEdit(uri: string, version: number, fix: Fix): WorkspaceEdit {
  const documentChanges: WorkspaceEdit['documentChanges'] = [];
  if (fix.edits.length > 0) {
    const edit: TextDocumentEdit = {
      textDocument: { uri, version },
      edits: fix.edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })),
    };
    documentChanges.push(edit);
  }
  if (fix.createFile) {
    const fileUri = pathToFileURL(fix.createFile.path).href;
    documentChanges.push({ kind: 'create', uri: fileUri, options: { overwrite: true } });
    documentChanges.push({
      textDocument: { uri: fileUri, version: null },
      edits: [
        { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: fix.createFile.text },
      ],
    });
  }
  for (const { path, edits } of fix.fileEdits ?? []) {
    documentChanges.push({
      textDocument: { uri: pathToFileURL(path).href, version: null },
      edits: edits.map((e) => ({ range: toLspRange(e.range), newText: e.newText })),
    });
  }
  return { documentChanges };
}
