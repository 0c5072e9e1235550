// The translator every message of the extension goes through. `layerwise.docs.language` decides:
// `auto` follows VS Code's display language through vscode.l10n (which loads
// l10n/bundle.l10n.ko.json when the display language is Korean); `en` and `ko` force a
// language whatever the display language is, so `ko` reads the Korean bundle here. This is the
// only module that chooses; everything else calls `t(...)` or hands `l10n` to pure code.
import * as vscode from 'vscode';
import {
  bundleTranslator,
  chosenLanguage,
  english,
  type MessageArgument,
  type MessageBundle,
  type Translator,
} from './translator';

let koreanBundle: Translator | undefined;
/** The Korean bundle being read (through workspace.fs: the extension may live in a browser). */
let loadingKorean: Promise<void> = Promise.resolve();
/** The translator for the current setting; cleared when the setting changes. */
let current: Translator | undefined;

function korean(): Translator {
  return koreanBundle ?? english;
}

async function readKorean(bundle: vscode.Uri): Promise<void> {
  try {
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(bundle));
    koreanBundle = bundleTranslator('ko', JSON.parse(text) as MessageBundle);
  } catch {
    // A broken installation: English rather than no message at all.
    koreanBundle = english;
  }
  current = undefined;
}

/** Resolves once the Korean bundle is read (activation waits for it before the first message). */
export function koreanLoaded(): Promise<void> {
  return loadingKorean;
}

function choose(): Translator {
  const setting = vscode.workspace.getConfiguration('layerwise').get<unknown>('docs.language');
  if (setting === 'en') return english;
  if (setting === 'ko') return korean();
  return {
    language: chosenLanguage('auto', vscode.env.language),
    t: (message, ...args) => vscode.l10n.t(message, ...args),
  };
}

function translator(): Translator {
  current ??= choose();
  return current;
}

/** The live translator: always in the language the setting asks for now. */
export const l10n: Translator = {
  get language() {
    return translator().language;
  },
  t: (message: string, ...args: MessageArgument[]) => translator().t(message, ...args),
};

/** `message` in the user's language, `{0}`... replaced by `args`. */
export const t = (message: string, ...args: MessageArgument[]): string => l10n.t(message, ...args);

/** Finds the bundles in the installed extension and follows changes of the setting. Called once on activation. */
export function registerTranslations(context: vscode.ExtensionContext): vscode.Disposable {
  koreanBundle = undefined;
  current = undefined;
  loadingKorean = readKorean(vscode.Uri.joinPath(context.extensionUri, 'l10n', 'bundle.l10n.ko.json'));
  return vscode.workspace.onDidChangeConfiguration((event) => {
    if (event.affectsConfiguration('layerwise.docs.language')) current = undefined;
  });
}
