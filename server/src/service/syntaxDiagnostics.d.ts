import { type Diagnostic } from 'vscode-languageserver';
import type { Dockerfile } from '../../../core/src/parser';
import type { Language } from '../../../core/src/engine/language';
export declare const DIAGNOSTIC_SOURCE = 'layerwise';
/** The parser's problems as diagnostics, with their messages in `language`. */
export declare function syntaxDiagnostics(tree: Dockerfile, language: Language): Diagnostic[];
