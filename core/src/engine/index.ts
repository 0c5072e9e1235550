// The public entry of the check engine: what the CLI, scripts and tests use to check a Dockerfile
// without a language server.
export { AnalysedDocument, DocumentStore, type VersionedText } from './analysedDocument';
export { analysedDocumentOf, check, type CheckInput, type CheckRunOptions } from './check';
export { type CheckedFinding, type CheckedPlace, CheckEngine, type RuleFinding, syntaxFindings } from './checkEngine';
export { type Language, type LanguageSetting, resolveLanguage } from './language';
export { defaultSettings, readSettings, type RuleSeverity, type Settings } from './settings';
