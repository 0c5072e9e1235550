// Driving VS Code's workbench (code-server) in a Playwright page: opening files, hovering text.
// Waits on UI states, never on fixed delays.
import type { Page } from 'playwright-core';

/** Opens a file shown in the Explorer and waits until its tab is the active one. */
export async function openExplorerFile(page: Page, name: string): Promise<void> {
  await page.locator(`.explorer-folders-view .monaco-list-row[aria-label="${name}"]`).click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
}

/**
 * Moves the mouse onto the first `word` of the first editor line containing `lineText`, and
 * returns the text of the hover that appears. The position comes from a DOM range over the
 * line's text, so it does not depend on how the grammar splits the line into tokens. Until the
 * extension has registered its hover provider, resting on the word shows nothing: then the
 * mouse leaves and comes back, up to `attempts` times.
 */
export async function hoverText(page: Page, lineText: string, word: string, attempts = 10): Promise<string> {
  const hover = page.locator('.monaco-hover').filter({ visible: true }).first();
  for (let attempt = 1; ; attempt++) {
    // Measured each time: the layout may still be settling.
    const point = await wordCenter(page, lineText, word);
    // Off the word but inside the editor (the line-number gutter): leaving the editor for the
    // title bar kept the next hover from showing.
    const gutter = await page.locator('.monaco-editor .margin').first().boundingBox();
    await page.mouse.move((gutter?.x ?? 0) + 2, point.y, { steps: 2 });
    await hover.waitFor({ state: 'hidden' });
    await page.mouse.move(point.x, point.y, { steps: 2 });
    try {
      await hover.waitFor({ timeout: 5000 });
      return await hover.innerText();
    } catch (error) {
      if (attempt >= attempts) throw error;
    }
  }
}

/** Sets a setting with a drop-down (an enum) in the Settings editor, the way a user would. */
export async function chooseSetting(page: Page, key: string, value: string): Promise<void> {
  await page.keyboard.press('Control+Comma');
  const search = page.locator('.settings-editor .suggest-input-container textarea').first();
  await search.waitFor();
  await search.fill(key);
  await page.locator(`.settings-editor select[aria-label="${key}"]`).selectOption(value);
}

async function wordCenter(page: Page, lineText: string, word: string): Promise<{ x: number; y: number }> {
  const line = page.locator('.monaco-editor .view-line', { hasText: lineText }).first();
  await line.waitFor();
  const point = await line.evaluate((element, target) => {
    const text = (element.textContent ?? '').replace(/\u00a0/g, ' ');
    const start = text.indexOf(target.lineText) + target.lineText.indexOf(target.word);
    if (start < target.lineText.indexOf(target.word)) return undefined;
    // Find the text nodes that hold the word's first and last characters.
    const walker = element.ownerDocument.createTreeWalker(element, 4 /* NodeFilter.SHOW_TEXT */);
    const range = element.ownerDocument.createRange();
    let offset = 0;
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const length = node.textContent?.length ?? 0;
      if (start >= offset && start < offset + length) range.setStart(node, start - offset);
      const end = start + target.word.length;
      if (end > offset && end <= offset + length) {
        range.setEnd(node, end - offset);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      offset += length;
    }
    return undefined;
  }, { lineText, word });
  if (point === undefined) throw new Error(`"${word}" not found on the editor line "${lineText}"`);
  return point;
}
