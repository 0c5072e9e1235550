// Applies LSP text edits to a text as an editor does, with the same library the server keeps its
// documents in (vscode-languageserver-textdocument): edits in the order given, positions past a
// line's end clamped to it, and overlapping edits rejected. The one edit-applying helper of the tests.
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface TextEditLike {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}

export function applyEdits(text: string, edits: readonly TextEditLike[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///edited', 'dockerfile', 0, text), [...edits]);
}
