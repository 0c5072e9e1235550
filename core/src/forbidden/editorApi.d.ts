// core must not depend on an editor or protocol: core/tsconfig.json maps `vscode`,
// `vscode-languageserver*` and `vscode-jsonrpc` here, so any name imported from them fails to compile.
export declare const coreMustNotImportEditorOrProtocolModules: unique symbol;
