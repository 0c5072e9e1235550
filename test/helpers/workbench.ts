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
 * line's text, so it does not depend on how the grammar splits the line into tokens.
 */
export async function hoverText(page: Page, lineText: string, word: string): Promise<string> {
  await page.mouse.move(0, 0);
  await page.keyboard.press('Escape');
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
  await page.mouse.move(point.x, point.y);
  const hover = page.locator('.monaco-hover .hover-contents').filter({ visible: true }).first();
  await hover.waitFor();
  return hover.innerText();
}
