// Short UI text written in both languages next to the feature that shows it.
import type { Language } from './language';

export interface Localized {
  en: string;
  ko: string;
}

export const pick = (text: Localized, language: Language): string => text[language];

/** 1-based line number for people (LSP lines are 0-based). */
export const lineLabel = (line: number, language: Language): string =>
  language === 'ko' ? `${line + 1}번째 줄` : `line ${line + 1}`;
