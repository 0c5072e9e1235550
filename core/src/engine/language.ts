// The language of messages and docs: English or Korean.

export type Language = 'en' | 'ko';
export type LanguageSetting = 'auto' | Language;

/** `auto` follows the editor's display language (e.g. `ko`, `ko-KR`), falling back to English. */
export function resolveLanguage(setting: LanguageSetting, editorLocale: string | undefined): Language {
  if (setting === 'en' || setting === 'ko') return setting;
  return editorLocale?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
