// Translators for tests of the client's pure modules: English as written in the sources, and
// Korean from the bundle the extension ships (l10n/bundle.l10n.ko.json).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundleTranslator, english, type MessageBundle, type Translator } from '../../client/src/l10n/translator';

export { english };

export const KOREAN_BUNDLE_PATH = join(__dirname, '..', '..', 'l10n', 'bundle.l10n.ko.json');

export const koreanBundle = JSON.parse(readFileSync(KOREAN_BUNDLE_PATH, 'utf8')) as Record<string, string>;

export const korean: Translator = bundleTranslator('ko', koreanBundle as MessageBundle);
