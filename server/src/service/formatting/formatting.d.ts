import type { TextEdit } from 'vscode-languageserver';
import type { Position } from '../../../../core/src/parser';
import { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
export interface FormatOptions {
  /** Spaces before the text of a continuation line and per level of shell nesting (ignored with `useTabs`). */
  continuationIndent: number;
  /** The editor's tab width, to compare the nesting of lines indented with tabs. */
  tabSize: number;
  /** Indent with one tab per level instead of spaces (default false). */
  useTabs?: boolean;
  /** Break `&&`/`||`/`;` chains and `|` pipelines of a multi-line or long RUN one per line (default true). */
  breakChains?: boolean;
  /** Past this length a one-line RUN has its chains broken (default 100). */
  maxLineLength?: number;
}
/** What the editor sends with a formatting request (VS Code: the editor's options, which the EditorConfig extension sets). */
export interface EditorIndent {
  tabSize: number;
  insertSpaces: boolean;
}
/**
 * The indent a request formats with. `layerwise.formatting.continuationIndent`, when the user set
 * it (not null), wins: that many spaces. Otherwise the editor's: one tab per level when it
 * inserts tabs, else `tabSize` spaces (0 to 16).
 */
export declare function indentFor(
  setting: number | null,
  editor: EditorIndent,
): Pick<FormatOptions, 'continuationIndent' | 'tabSize' | 'useTabs'>;
/** Edits for lines fromLine..toLine (inclusive); the whole document by default. */
export declare function formatLines(
  document: AnalysedDocument,
  options: FormatOptions,
  fromLine?: number,
  toLine?: number,
): TextEdit[];
/** Past this many characters of script a RUN is not formatted ahead of time (one step must stay short): the request does it. */
export declare const MAX_WARM_SCRIPT: number;
/**
 * Formats the document's shell RUNs ahead of a format request, one step per RUN, so that their
 * results are cached (runFormatter.ts, per parsed instruction; shellPrinter.ts, per script) when
 * `formatLines` asks with the same options: exactly the calls it makes, so its output is the same.
 */
export declare function warmRunFormatting(
  document: AnalysedDocument,
  options: FormatOptions,
): Generator<void, void, void>;
/**
 * After Enter at the end of a continued line: the new line gets the continuation indent and
 * the instruction's lines above it are formatted. Nothing happens inside a quoted value.
 */
export declare function formatOnNewLine(
  document: AnalysedDocument,
  position: Position,
  options: FormatOptions,
): TextEdit[];
/** The whole text formatted (for the CLI and tests); a CRLF text stays CRLF. */
export declare function formatText(text: string, options: FormatOptions): string;
