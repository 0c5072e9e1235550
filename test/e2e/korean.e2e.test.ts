// End-to-end in Korean: code-server started with `--locale ko` (and a language pack declared in
// its user data, since none can be downloaded: VS Code's own UI stays English, but
// vscode.env.language is "ko"), the packaged .vsix, Chromium, the real Docker engine. Layerwise's
// command titles (package.nls.ko.json), its prompts and notifications (l10n/bundle.l10n.ko.json),
// and the walkthrough ("Layerwise로 Docker 배우기") must all be Korean.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { docker, freeHostPort, useWorkbenchSession } from './session';
import {
  answerInput,
  closeAllEditors,
  editorText,
  openFile,
  paletteLabels,
  plain,
  runCommand,
  screenshot,
  showProblems,
  terminalText,
  waitUntil,
} from './workbench';

describe('Layerwise in Korean (code-server --locale ko + Chromium)', { timeout: 4 * 60_000 }, () => {
  const {
    page,
    image: IMAGE,
    container: CONTAINER,
  } = useWorkbenchSession({ name: 'layerwise-e2e-ko', locale: 'ko', shotPrefix: 'ko-' });

  it('the command palette shows Layerwise commands with Korean titles', async () => {
    const p = page();
    await closeAllEditors(p);
    // The docker commands are offered in the palette for Dockerfiles.
    await openFile(p, 'Dockerfile');
    const { labels, aliases } = await paletteLabels(p, 'Layerwise', 'Layerwise: 이미지 빌드');
    for (const title of [
      'Layerwise: 이미지 빌드',
      'Layerwise: 컨테이너 실행',
      'Layerwise: 빌드 후 실행',
      'Layerwise: 안내서 예제 열기',
    ]) {
      assert.ok(labels.includes(title), `${title} is not among ${JSON.stringify(labels)}`);
    }
    // Every Layerwise title is Korean; the English one is only the alias VS Code shows under it.
    assert.deepEqual(
      labels.filter((label) => label.startsWith('Layerwise:') && !/[\uac00-\ud7a3]/.test(label)),
      [],
    );
    assert.ok(aliases.includes('Layerwise: Build Image'), JSON.stringify(aliases));
    await screenshot(p, 'ko-palette');
  });

  it("the Problems panel shows the parser's messages in Korean", async () => {
    const p = page();
    await closeAllEditors(p);
    await showProblems(p, 'broken.Dockerfile', [
      '알 수 없는 명령어입니다: FORM.',
      '변수 치환이 잘못되었습니다',
      'heredoc이 닫히지 않았습니다. EOF만 있는 줄을 추가해 닫으세요.',
    ]);
    await screenshot(p, 'ko-problems-panel');
  });

  it('"Layerwise: 이미지 빌드" asks in Korean, builds, and sums up in Korean', async () => {
    const p = page();
    await closeAllEditors(p);
    await openFile(p, 'Dockerfile');
    await runCommand(p, 'Layerwise: 이미지 빌드');
    await answerInput(p, '이미지 이름:태그', IMAGE);
    await screenshot(p, 'ko-build-context-prompt');
    await answerInput(p, '빌드 컨텍스트 디렉터리');
    const output = await waitUntil(
      () => terminalText(p).catch(() => ''),
      (text) => /빌드 완료|빌드가 .* 실패했습니다/.test(text),
      'the Korean build summary in the terminal',
      120_000,
    );
    assert.match(
      output,
      new RegExp(
        `${IMAGE.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} 빌드 완료\\([^)]*\\) · 단계 \\d+개 중 \\d+개 캐시 사용`,
      ),
    );
    assert.match(output, /아무 키나 누르면 이 터미널을 닫습니다/);
    await screenshot(p, 'ko-build-terminal');
    assert.equal(docker('image', 'inspect', IMAGE, '--format', '{{.Id}}').status, 0);
  });

  it('"Layerwise: 컨테이너 실행" asks in Korean and says in Korean that the container is running', async () => {
    const p = page();
    await closeAllEditors(p);
    await openFile(p, 'Dockerfile');
    const hostPort = await freeHostPort();
    await runCommand(p, 'Layerwise: 컨테이너 실행');
    await answerInput(p, '실행할 이미지', IMAGE);
    await answerInput(p, '컨테이너 이름(--name)', CONTAINER);
    await answerInput(p, /컨테이너 포트 8080\/tcp에 연결할 호스트 포트/, String(hostPort));
    const toast = p
      .locator('.notifications-toasts', {
        hasText: `컨테이너 ${CONTAINER}이(가) localhost:${hostPort}에서 실행 중입니다.`,
      })
      .first();
    await toast.waitFor({ timeout: 60_000 });
    for (const action of ['로그 보기', '셸 열기', '중지', '브라우저에서 열기'])
      await toast.getByRole('button', { name: action }).first().waitFor();
    await screenshot(p, 'ko-run-container');
    const body = await waitUntil(
      () =>
        fetch(`http://127.0.0.1:${hostPort}/`)
          .then((r) => r.text())
          .catch(() => ''),
      (text) => text.includes('hello from layerwise'),
      `http://127.0.0.1:${hostPort}/`,
    );
    assert.match(body, /hello from layerwise/);
  });

  it('the walkthrough is in Korean, and its first button opens the Korean example with a hover', async () => {
    const p = page();
    await closeAllEditors(p);
    await runCommand(p, 'Welcome: Open Walkthrough...');
    const quickPick = p.locator('.quick-input-widget');
    await quickPick.locator('.monaco-list-row', { hasText: 'Layerwise로 Docker 배우기' }).first().click();
    const walkthrough = p.locator('.gettingStartedContainer');
    for (const title of [
      '예제 Dockerfile을 열고 호버 읽기',
      '이미지와 컨테이너',
      '진단 고치기',
      '빌드 캐시에 맞게 순서 바꾸기',
      '멀티 스테이지 빌드와 root가 아닌 마지막 스테이지',
    ]) {
      await walkthrough.getByText(title).first().waitFor();
    }
    await screenshot(p, 'ko-walkthrough');
    await walkthrough.locator('.monaco-button', { hasText: '예제 열기' }).first().click();
    const tab = p.locator('.editor-group-container .tab.active[data-resource-name="Dockerfile"]');
    await tab.waitFor({ timeout: 30_000 });
    const editor = p.locator('.editor-group-container.active .monaco-editor').first();
    await waitUntil(
      () => editorText(editor),
      (text) => /스테이지 1: 아주 작은 사용자 영역입니다/.test(text),
      'the Korean comments of the example',
    );
    const hover = p.locator('.monaco-hover:not(.hidden)').first();
    await waitUntil(
      () =>
        hover
          .innerText()
          .then(plain)
          .catch(() => ''),
      (text) => /스테이지/.test(text),
      'a Korean hover on FROM',
      30_000,
    );
    await screenshot(p, 'ko-walkthrough-example');
  });
});
