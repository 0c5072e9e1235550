// Headless Chromium (Debian's package) driven by playwright-core, for tests in a real browser.
import { existsSync } from 'node:fs';
import { type Browser, chromium } from 'playwright-core';

export const CHROMIUM_PATH = process.env['LAYERWISE_CHROMIUM'] ?? '/usr/bin/chromium';

/** Undefined when Chromium can be started; otherwise why not (an error under CI=true, where it must). */
export function chromiumSkipReason(): string | undefined {
  if (existsSync(CHROMIUM_PATH)) return undefined;
  const reason = `no Chromium at ${CHROMIUM_PATH}; run scripts/setup-e2e.sh (or set LAYERWISE_CHROMIUM)`;
  if (process.env['CI'] === 'true') throw new Error(`CI=true but ${reason}`);
  return reason;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
