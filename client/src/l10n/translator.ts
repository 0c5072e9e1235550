// How the client words what it shows, in English or Korean. Pure: no 'vscode' import, so the
// modules that build messages (client/src/docker, client/src/build, ...) take a Translator as a
// parameter and stay unit-testable; the VS Code layer passes the one in displayLanguage.ts.
//
// Messages are keyed by their English text, as vscode.l10n does: `t('Stopped {0}.', name)`.
// `{0}`, `{1}` ... are replaced by the arguments; the Korean bundle (l10n/bundle.l10n.ko.json)
// maps each English text to its translation. Every `t(...)` call takes a string literal, so
// test/client/l10nCompleteness.test.ts can find every message in the sources.

export type ClientLanguage = 'en' | 'ko';

export type MessageArgument = string | number | boolean;

export interface Translator {
  /** The language messages come out in; also picks the wording of durations (server/src/duration.ts). */
  readonly language: ClientLanguage;
  /** `message` in this language, with `{0}`, `{1}` ... replaced by `args`. */
  t(message: string, ...args: MessageArgument[]): string;
}

/**
 * Replaces `{0}`, `{1}` ... with the arguments; a placeholder without an argument stays as it is
 * (as in vscode.l10n).
 */
export function formatMessage(template: string, args: readonly MessageArgument[]): string {
  return template.replace(/\{(\d+)\}/g, (placeholder, index: string) => {
    const value = args[Number(index)];
    return value === undefined ? placeholder : String(value);
  });
}

/** The English texts, as written in the sources. */
export const english: Translator = {
  language: 'en',
  t: (message, ...args) => formatMessage(message, args),
};

/**
 * The contents of a bundle.l10n.<language>.json file: English text -> translation (or `{ message }`
 * with a comment).
 */
export type MessageBundle = Readonly<Record<string, string | { readonly message: string }>>;

/** A translator over a bundle; a message the bundle lacks comes out in English. */
export function bundleTranslator(language: ClientLanguage, bundle: MessageBundle): Translator {
  return {
    language,
    t: (message, ...args) => {
      const entry = bundle[message];
      const translated = typeof entry === 'string' ? entry : (entry?.message ?? message);
      return formatMessage(translated, args);
    },
  };
}

/**
 * The language the `layerwise.docs.language` setting asks for; `auto` follows the display language
 * (Korean when it is Korean).
 */
export function chosenLanguage(setting: unknown, displayLanguage: string): ClientLanguage {
  if (setting === 'en' || setting === 'ko') return setting;
  return displayLanguage.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}
