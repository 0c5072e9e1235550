// Drives the VS Code workbench in Chromium through Playwright: every helper waits on a UI
// state (a selector, a text), never on a fixed delay alone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

import { ROOT } from './codeServer';

export const SCREENSHOT_DIR = join(ROOT, 'test-results', 'e2e');
const CHROMIUM = process.env.LAYERWISE_CHROMIUM ?? '/usr/bin/chromium';

export interface Workbench {
  readonly browser: Browser;
  readonly page: Page;
}

export async function openWorkbench(url: string, folder: string): Promise<Workbench> {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
  page.setDefaultTimeout(30_000);
  await page.goto(`${url}/?folder=${encodeURIComponent(folder)}`);
  await page.locator('.monaco-workbench').waitFor();
  await page.locator('.explorer-folders-view, .explorer-viewlet').first().waitFor();
  return { browser, page };
}

let shot = 0;
export async function screenshot(page: Page, step: string): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  shot += 1;
  const file = join(SCREENSHOT_DIR, `${String(shot).padStart(2, '0')}-${step}.png`);
  // Finishes fade-ins (hovers, widgets) so the picture shows their final state.
  await page.screenshot({ path: file, animations: 'disabled' });
  return file;
}

const quickInput = (page: Page): Locator => page.locator('.quick-input-widget');

/** A regular expression matching exactly `text`. */
const exactly = (text: string): RegExp => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

/** The row of the open quick input whose label is exactly `label` (not one that merely contains it). */
const quickInputRow = (page: Page, label: string): Locator =>
  quickInput(page)
    .locator('.monaco-list-row')
    .filter({ has: page.locator('.label-name', { hasText: exactly(label) }) })
    .first();

/**
 * The row labelled exactly `label` in the list filtered by what was typed. For a moment after
 * typing, Quick Open and the palette still show the unfiltered list (recent files or commands)
 * and may hold a row with that label too; clicking it then lands on whatever row the filtered
 * list puts in its place (broken.Dockerfile where Dockerfile was). Only filtered rows highlight
 * the matched characters, so the row must have a highlight.
 */
const filteredRow = (page: Page, label: string): Locator =>
  quickInput(page)
    .locator('.monaco-list-row')
    .filter({
      has: page.locator('.label-name', { hasText: exactly(label) }).filter({ has: page.locator('.highlight') }),
    })
    .first();

/**
 * Opens a quick input with `shortcut`, types `text`, accepts it with `accept` (a click on a row,
 * Enter) and waits for its effect with `done`. The quick input closes as soon as something else
 * in the workbench takes focus, which a view or editor still opening from the previous action
 * does a moment later on a busy machine; then the whole pick is done again (at most 3 times).
 */
async function useQuickInput(
  page: Page,
  shortcut: string,
  text: string,
  accept: () => Promise<void>,
  done?: () => Promise<void>,
): Promise<void> {
  const widget = quickInput(page);
  const input = widget.locator('input');
  for (let attempt = 1; ; attempt += 1) {
    await closeQuickInput(page);
    await page.keyboard.press(shortcut);
    try {
      await input.fill(text, { timeout: 10_000 });
      await accept();
      await done?.();
      return;
    } catch (error) {
      if (attempt === 3)
        throw new Error(
          `"${text}" did not take effect after ${attempt} tries (tabs: ${JSON.stringify(await tabLabels(page))})`,
          { cause: error },
        );
      // Shown in the test output, so a step that needed a second try is visible.
      console.log(
        `# "${text}" did not take effect ` +
          `(${error instanceof Error ? error.message.split('\n')[0] : String(error)}); trying again`,
      );
    }
  }
}

/** Runs a command from the palette by its exact label, e.g. "Layerwise: Build Image". */
export async function runCommand(page: Page, label: string): Promise<void> {
  // Each command has its own effect (some open another quick input), so the caller waits for
  // it; here a pick is repeated only when the row could not be clicked, i.e. the command did not run.
  await useQuickInput(page, 'F1', `>${label}`, () => filteredRow(page, label).click({ timeout: 15_000 }));
}

/**
 * The command titles the palette lists for `filter` (typed after ">"), once the filtered list
 * shows `expected`; the palette is closed again. For checking titles as a user sees them. In a
 * display language other than English a row also shows the English title under the translated
 * one: `aliases` has those.
 */
export async function paletteLabels(
  page: Page,
  filter: string,
  expected: string,
): Promise<{ labels: string[]; aliases: string[] }> {
  let rows: string[][] = [];
  await useQuickInput(page, 'F1', `>${filter}`, async () => {
    await filteredRow(page, expected).waitFor({ timeout: 15_000 });
    rows = await quickInput(page)
      .locator('.monaco-list-row')
      .evaluateAll((elements) =>
        elements.map((row) =>
          Array.from(
            (
              row as unknown as { querySelectorAll(selector: string): ArrayLike<{ textContent: string | null }> }
            ).querySelectorAll('.label-name'),
            (name) => name.textContent ?? '',
          ),
        ),
      );
  });
  await closeQuickInput(page);
  return {
    labels: rows.map((names) => plain(names[0] ?? '')),
    aliases: rows.flatMap((names) => names.slice(1).map(plain)),
  };
}

/**
 * Whether the command palette offers a command titled exactly `title`, read once the list is
 * filtered by it: rows that match show highlights, and when none does VS Code lists "similar
 * commands" instead (the unfiltered list has neither). The palette is closed again.
 */
export async function paletteOffers(page: Page, title: string): Promise<boolean> {
  const rows = quickInput(page).locator('.monaco-list-row');
  const filtered = rows.filter({ has: page.locator('.highlight') }).or(rows.filter({ hasText: 'similar commands' }));
  let offered = false;
  await useQuickInput(page, 'F1', `>${title}`, async () => {
    await filtered.first().waitFor({ timeout: 15_000 });
    offered = (await quickInputRow(page, title).count()) > 0;
  });
  await closeQuickInput(page);
  return offered;
}

/** Answers the current input box: replaces its value (unless undefined) and accepts it. */
export async function answerInput(page: Page, title: string | RegExp, value?: string): Promise<void> {
  const widget = quickInput(page);
  await widget.locator('.quick-input-title, .quick-input-header', { hasText: title }).first().waitFor();
  const input = widget.locator('input');
  if (value !== undefined) await input.fill(value);
  await input.press('Enter');
}

/** Closes the quick input if one is open (Escape only reaches it while it has focus). */
async function closeQuickInput(page: Page): Promise<void> {
  const widget = quickInput(page);
  if (!(await widget.isVisible())) return;
  await widget.locator('input').press('Escape');
  await widget.waitFor({ state: 'hidden' });
}

/** Labels of the editor tabs, the active one marked with `*`: what a failure message should show. */
async function tabLabels(page: Page): Promise<string[]> {
  return page.locator('.editor-group-container .tab').evaluateAll((tabs) =>
    tabs.map((tab) => {
      const classes = (tab as unknown as { classList: { contains(name: string): boolean } }).classList;
      const name = tab.getAttribute('data-resource-name') ?? tab.textContent ?? '';
      return `${classes.contains('active') ? '*' : ''}${name}`;
    }),
  );
}

/** Opens a workspace file with Quick Open and waits for it to be the active editor. */
export async function openFile(page: Page, name: string): Promise<Locator> {
  const activeTab = page.locator(`.editor-group-container.active .tab.active[data-resource-name="${name}"]`);
  await useQuickInput(
    page,
    'Control+P',
    name,
    () => filteredRow(page, name).click({ timeout: 15_000 }),
    () => activeTab.waitFor({ timeout: 15_000 }),
  );
  const editor = page.locator('.editor-group-container.active .monaco-editor').first();
  await editor.locator('.view-lines').waitFor();
  return editor;
}

/**
 * Closes every editor ("View: Close All Editors"), answering "Don't Save" for unsaved ones, so a
 * step starts from the same workbench whatever the previous one left open.
 */
export async function closeAllEditors(page: Page): Promise<void> {
  await closeQuickInput(page);
  await runCommand(page, 'View: Close All Editors');
  const dialog = page.locator('.monaco-dialog-box');
  await waitUntil(
    async () => {
      if (await dialog.isVisible()) {
        await dialog.getByRole('button', { name: "Don't Save" }).click();
        return -1;
      }
      return page.locator('.editor-group-container .tab').count();
    },
    (open) => open === 0,
    'all editors to close',
  );
}

/**
 * Shows an output channel in the panel ("Output: Show Output Channels..."). An extension's
 * channel exists once the extension is active and the picker does not update while it is
 * open, so it is reopened until the channel is listed.
 */
export async function showOutputChannel(page: Page, channel: string): Promise<void> {
  const row = quickInputRow(page, channel);
  await waitUntil(
    async () => {
      await closeQuickInput(page);
      await runCommand(page, 'Output: Show Output Channels...');
      return row.waitFor({ timeout: 5_000 }).then(
        () => true,
        () => false,
      );
    },
    (listed) => listed,
    `the output channel ${channel} to be listed`,
    60_000,
  );
  await row.click();
  await quickInput(page).waitFor({ state: 'hidden' });
  // The view takes focus once the channel is loaded; a quick input opened before that would close.
  await page.locator('.part.panel .monaco-editor.focused').waitFor();
}

/** The visible text of the output channel shown in the panel (it scrolls to the newest line). */
export async function outputText(page: Page): Promise<string> {
  return plain(await page.locator('.part.panel .monaco-editor .view-lines').first().innerText());
}

/**
 * Sets a user setting the way a person does: "Preferences: Open Settings (UI)", search for its
 * id, pick the value in its dropdown. Waits until the dropdown shows the new value.
 */
export async function chooseUserSetting(page: Page, key: string, value: string): Promise<void> {
  await runCommand(page, 'Preferences: Open Settings (UI)');
  const settings = page.locator('.editor-group-container.active .settings-editor');
  await settings.waitFor();
  // The search box is a one-line editor; select what it holds and type over it.
  await settings.locator('.search-container .monaco-editor').click();
  await page.keyboard.press('Control+A');
  await page.keyboard.type(key);
  const item = settings.locator(`.setting-item-contents[data-key="${key}"]`);
  await item.waitFor();
  const select = item.locator('select');
  await select.click();
  const option = page
    .locator('.monaco-select-box-dropdown-container .monaco-list-row')
    .filter({ has: page.locator('.option-text', { hasText: exactly(value) }) })
    .first();
  await option.click();
  await waitUntil(
    () => select.evaluate((element) => (element as unknown as { value: string }).value),
    (shown) => shown === value,
    `${key} to show ${value}`,
  );
}

/** Puts the cursor at a 1-based line and column with Go to Line, and waits for the status bar to show it. */
export async function goTo(page: Page, line: number, column: number): Promise<void> {
  const position = page.locator('.statusbar-item', { hasText: new RegExp(`Ln ${line}, Col ${column}\\b`) }).first();
  await useQuickInput(
    page,
    'Control+G',
    `:${line}:${column}`,
    () => quickInput(page).locator('input').press('Enter', { timeout: 5_000 }),
    () => position.waitFor({ timeout: 10_000 }),
  );
}

/** The text of the editor's lines as rendered (non-breaking spaces made plain). */
/** Opens `file`, shows the Problems panel (Ctrl+Shift+M) and waits until it lists every one of `messages`. */
export async function showProblems(page: Page, file: string, messages: readonly string[]): Promise<void> {
  await openFile(page, file);
  await page.keyboard.press('Control+Shift+M');
  const panel = page.locator('.markers-panel');
  for (const message of messages) {
    await panel.getByText(message).first().waitFor({ timeout: 60_000 });
  }
}

/** Opens `file`, puts the cursor at `line`:`column` and runs Show or Focus Hover: the hover widget. */
export async function showHover(page: Page, file: string, line: number, column: number): Promise<Locator> {
  await openFile(page, file);
  await goTo(page, line, column);
  await runCommand(page, 'Show or Focus Hover');
  return page.locator('.monaco-hover:not(.hidden)').first();
}

export async function editorText(editor: Locator): Promise<string> {
  const lines = await editor.locator('.view-line').evaluateAll((nodes) =>
    nodes
      .map((node) => ({
        top: parseFloat((node as unknown as { style: { top: string } }).style.top),
        text: node.textContent ?? '',
      }))
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' ')),
  );
  return lines.join('\n');
}

/** Texts of `after` decorations (VS Code renders them as ::after content in the view lines). */
export async function afterDecorations(editor: Locator): Promise<string[]> {
  return editor.locator('.view-lines').evaluate((root) => {
    const found: string[] = [];
    const style = globalThis as unknown as { getComputedStyle(element: unknown, pseudo: string): { content: string } };
    for (const element of Array.from(root.querySelectorAll('span'))) {
      const content = style.getComputedStyle(element, '::after').content;
      if (content && content !== 'none' && content !== 'normal' && content !== '""')
        found.push(content.replace(/^"|"$/g, ''));
    }
    return found;
  });
}

/** Rendered text with non-breaking spaces made plain. */
export const plain = (text: string): string => text.replace(/\u00a0/g, ' ');

/** Text of the terminal panel (DOM renderer). */
export async function terminalText(page: Page): Promise<string> {
  return plain(await page.locator('.terminal-wrapper.active .xterm-rows, .xterm-rows').first().innerText());
}

/** Waits until `read` returns a value that passes `ok`, polling (each poll is a UI read). */
export async function waitUntil<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  while (Date.now() < deadline) {
    last = await read();
    if (ok(last)) return last;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(
    `timed out after ${timeoutMs} ms waiting for ${what}; last value: ${JSON.stringify(last)?.slice(0, 2000)}`,
  );
}
