// What the language features make of a base image's config, over LSP: a test client answers
// layerwise/imageFacts from a table (as the extension does from `docker image inspect`), and a
// second client that does not answer gets the recorded facts only. Hover on FROM and on a base
// image's variable, UndefinedVar with and without facts, root and non-root final stages, the
// ENTRYPOINT that resets an inherited CMD (rule and hint), and findings that follow a changed entry.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IMAGES_CHANGED, type LocalImageFacts } from '../../protocol/src/protocol';
import { eventually } from '../helpers/dockerEngine';
import { type ImageFactsClient, startImageFactsClient } from '../helpers/imageFactsClient';
import { type Diagnostic, LspClient } from '../helpers/lspClient';

const IMAGE_ID = `sha256:${'5e'.repeat(32)}`;

const facts = (reference: string, overrides: Partial<LocalImageFacts> = {}): LocalImageFacts => ({
  reference,
  source: { kind: 'local', imageId: IMAGE_ID, created: new Date(Date.now() - 3 * 86_400_000).toISOString() },
  env: [['APP_HOME', '/srv/app']],
  user: '1000',
  workdir: '/srv/app',
  entrypoint: ['/entry.sh'],
  cmd: ['serve', '--port', '8080'],
  exposedPorts: ['8080/tcp'],
  volumes: [],
  labels: {},
  ...overrides,
});

interface Item {
  label: string;
  detail?: string;
  documentation?: { value: string };
}

interface Hint {
  position: { line: number; character: number };
  label: string;
}

const WHOLE = { start: { line: 0, character: 0 }, end: { line: 100, character: 0 } };

const hoverText = async (client: LspClient, uri: string, line: number, character: number): Promise<string> => {
  const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
    textDocument: { uri },
    position: { line, character },
  });
  return hover?.contents.value ?? '';
};

const codes = (diagnostics: readonly Diagnostic[], code: string): number[] =>
  diagnostics.filter((diagnostic) => diagnostic.code === code).map((diagnostic) => diagnostic.range.start.line);

describe('base image facts in hover, hints and rules', () => {
  let imageFacts: ImageFactsClient;
  let client: LspClient;
  /** What the test client answers, by reference; absent: null. */
  const table = new Map<string, LocalImageFacts>();

  before(async () => {
    imageFacts = await startImageFactsClient((references) =>
      references.map((reference) => table.get(reference) ?? null),
    );
    client = imageFacts.client;
  });
  after(async () => {
    await client.stop();
  });

  /** Opens the document and waits for the diagnostics published after the client answered about `reference`. */
  const openAndWait = async (uri: string, text: string, reference: string): Promise<Diagnostic[]> => {
    imageFacts.forgetAnswer(reference);
    await client.open(uri, text);
    return imageFacts.diagnosticsAfterAnswer(uri, reference);
  };

  it('hover on FROM shows what the local image brings and where the facts came from', async () => {
    table.set('local/app:1', facts('local/app:1'));
    const uri = 'file:///facts/hover/Dockerfile';
    await openAndWait(uri, 'FROM local/app:1\nRUN echo "$APP_HOME"\nENV DIR=$APP_HOME\n', 'local/app:1');
    const image = await hoverText(client, uri, 0, 8);
    assert.match(image, /local image sha256:5e5e5e5e5e5e built 3 days ago/);
    assert.match(image, /user `1000`/);
    assert.match(image, /working directory `\/srv\/app`/);
    assert.match(image, /ENTRYPOINT `\["\/entry\.sh"\]`/);
    assert.match(image, /CMD `\["serve","--port","8080"\]`/);
    assert.match(image, /ports `8080\/tcp`/);
    assert.match(image, /ENV `APP_HOME=\/srv\/app`/);
    const keyword = await hoverText(client, uri, 0, 1);
    assert.match(keyword, /the image runs `\["\/entry\.sh","serve","--port","8080"\]` as `1000`/);
    const variable = await hoverText(client, uri, 2, 12);
    assert.match(variable, /environment variable from the base image `local\/app:1`/);
    assert.match(variable, /Value: `\/srv\/app` \(local image sha256:5e5e5e5e5e5e/);
  });

  it('UndefinedVar: base image variables are defined; others are reported, with did-you-mean', async () => {
    table.set('local/env:1', facts('local/env:1', { env: [['APP_HOME', '/srv/app']] }));
    const uri = 'file:///facts/undefined/Dockerfile';
    const text = 'FROM local/env:1\nENV A=$APP_HOME\nENV B=$APP_HOEM\nENV C=$LOG_DIR\n';
    const diagnostics = await openAndWait(uri, text, 'local/env:1');
    assert.deepEqual(codes(diagnostics, 'UndefinedVar'), [2, 3]);
    const messages = diagnostics.filter((d) => d.code === 'UndefinedVar').map((d) => d.message);
    assert.match(messages[0]!, /did you mean \$APP_HOME\?/);
    assert.doesNotMatch(messages[1]!, /did you mean/);
    // Without facts (the client knows nothing of this image), only a likely typo is reported: none here.
    const unknown = 'file:///facts/unknown/Dockerfile';
    await client.open(unknown, 'FROM local/none:1\nENV C=$LOG_DIR\n');
    await eventually(async () => (imageFacts.answered('local/none:1') ? true : undefined), 10_000, 'the answer');
    assert.deepEqual(codes(imageFacts.published(unknown)!.diagnostics, 'UndefinedVar'), []);
  });

  it('a final stage on an image that runs as root is warned; on a non-root image it is not', async () => {
    table.set('local/root:1', facts('local/root:1', { user: 'root' }));
    const root = await openAndWait('file:///facts/root/Dockerfile', 'FROM local/root:1\nCOPY . /app\n', 'local/root:1');
    assert.deepEqual(codes(root, 'FinalStageUserRoot'), [0]);
    table.set('local/user:1', facts('local/user:1'));
    const nonRoot = await openAndWait(
      'file:///facts/nonroot/Dockerfile',
      'FROM local/user:1\nCOPY . /app\n',
      'local/user:1',
    );
    assert.deepEqual(codes(nonRoot, 'FinalStageUserRoot'), []);
  });

  it('ENTRYPOINT after an inherited CMD: the info finding and the hint', async () => {
    const uri = 'file:///facts/entrypoint/Dockerfile';
    table.set('local/cmd:1', facts('local/cmd:1'));
    const diagnostics = await openAndWait(uri, 'FROM local/cmd:1\nENTRYPOINT ["/other.sh"]\n', 'local/cmd:1');
    assert.deepEqual(codes(diagnostics, 'EntrypointResetsCmd'), [1]);
    const hints = await client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    const labels = hints.map((hint) => `${hint.position.line}:${hint.label.trim()}`);
    assert.ok(labels.includes('1:CMD from the base image is reset'), JSON.stringify(labels));
    assert.ok(labels.includes('0:user 1000, in /srv/app, runs /entry.sh serve --port 8080'), JSON.stringify(labels));
    const hover = await hoverText(client, uri, 1, 2);
    assert.match(hover, /`docker run IMAGE` executes `\["\/other\.sh"\]`/);
  });

  it('the image’s SHELL runs shell forms: CMD hover, BashSyntaxInSh and JSONArgsRecommended follow it', async () => {
    table.set('local/bash:1', facts('local/bash:1', { shell: ['/bin/bash', '-o', 'pipefail', '-c'] }));
    table.set('local/sh:1', facts('local/sh:1'));
    const text = (image: string): string =>
      `FROM ${image}\nRUN [[ -f /etc/os-release ]] && echo yes\nCMD serve --port 80\n`;
    const bashUri = 'file:///facts/shell-bash/Dockerfile';
    const bash = await openAndWait(bashUri, text('local/bash:1'), 'local/bash:1');
    assert.deepEqual(codes(bash, 'BashSyntaxInSh'), []);
    // BuildKit does not recommend JSON when the image's config has a Shell.
    assert.deepEqual(codes(bash, 'JSONArgsRecommended'), []);
    const hover = await hoverText(client, bashUri, 2, 1);
    assert.match(hover, /shell form, run by `\/bin\/bash -o pipefail -c` \(from the base image\)/);
    assert.match(hover, /"\/entry\.sh","\/bin\/bash","-o","pipefail","-c","serve --port 80"/);
    const shUri = 'file:///facts/shell-sh/Dockerfile';
    const sh = await openAndWait(shUri, text('local/sh:1'), 'local/sh:1');
    assert.deepEqual(codes(sh, 'BashSyntaxInSh'), [1]);
    assert.deepEqual(codes(sh, 'JSONArgsRecommended'), [2]);
    const shHover = await hoverText(client, shUri, 2, 1);
    assert.match(shHover, /shell form, run by `\/bin\/sh -c` ·/);
  });

  it('MissingHealthcheck: a local image’s own HEALTHCHECK counts, and its ports when it has none', async () => {
    table.set('local/checked:1', facts('local/checked:1', { healthcheck: true }));
    table.set('local/unchecked:1', facts('local/unchecked:1', { healthcheck: false }));
    // An off-by-default rule, turned on the way BuildKit turns on experimental checks.
    const on = '# check=experimental=MissingHealthcheck\n';
    const checked = await openAndWait(
      'file:///facts/hc-yes/Dockerfile',
      `${on}FROM local/checked:1\n`,
      'local/checked:1',
    );
    assert.deepEqual(codes(checked, 'MissingHealthcheck'), []);
    const unchecked = await openAndWait(
      'file:///facts/hc-no/Dockerfile',
      `${on}FROM local/unchecked:1\n`,
      'local/unchecked:1',
    );
    assert.deepEqual(codes(unchecked, 'MissingHealthcheck'), [1], 'it exposes 8080 and has no HEALTHCHECK');
  });

  it('hover on FROM shows the image’s SHELL and whether it has a HEALTHCHECK, only when known', async () => {
    const shell = ['/bin/bash', '-o', 'pipefail', '-c'];
    table.set('local/sh-hc:1', facts('local/sh-hc:1', { shell, healthcheck: true }));
    table.set('local/no-hc:1', facts('local/no-hc:1', { healthcheck: false }));
    table.set('local/plain:1', facts('local/plain:1'));
    const hoverOnFrom = async (reference: string): Promise<string> => {
      const uri = `file:///facts/brings-${reference.replace(/\W/g, '-')}/Dockerfile`;
      await openAndWait(uri, `FROM ${reference}\nRUN make\n`, reference);
      return hoverText(client, uri, 0, 8);
    };
    const withBoth = await hoverOnFrom('local/sh-hc:1');
    assert.ok(
      withBoth.includes(
        '- SHELL `["/bin/bash","-o","pipefail","-c"]`: shell-form RUN, CMD and ENTRYPOINT in this stage run with it',
      ),
      withBoth,
    );
    assert.match(withBoth, /^- has a HEALTHCHECK$/m);
    assert.doesNotMatch(withBoth, /no HEALTHCHECK/);
    const without = await hoverOnFrom('local/no-hc:1');
    assert.match(without, /^- no HEALTHCHECK$/m);
    assert.doesNotMatch(without, /SHELL|has a HEALTHCHECK/);
    const unknown = await hoverOnFrom('local/plain:1');
    assert.match(unknown, /What the image brings/);
    assert.doesNotMatch(unknown, /SHELL|HEALTHCHECK/);
    // The hint after FROM stays short: user, workdir and command only.
    const hints = await client.request<Hint[]>('textDocument/inlayHint', {
      textDocument: { uri: 'file:///facts/brings-local-sh-hc-1/Dockerfile' },
      range: WHOLE,
    });
    assert.deepEqual(
      hints.filter((hint) => hint.position.line === 0).map((hint) => hint.label.trim()),
      ['user 1000, in /srv/app, runs /entry.sh serve --port 8080'],
    );
  });

  it('a changed entry changes the findings of the documents on that image', async () => {
    const uri = 'file:///facts/changed/Dockerfile';
    table.set('local/change:1', facts('local/change:1', { env: [['APP_HOME', '/srv/app']] }));
    const first = await openAndWait(uri, 'FROM local/change:1\nENV A=$LOG_DIR\n', 'local/change:1');
    assert.deepEqual(codes(first, 'UndefinedVar'), [1]);
    table.set('local/change:1', facts('local/change:1', { env: [['LOG_DIR', '/var/log/app']] }));
    imageFacts.forgetAnswer('local/change:1');
    await client.connection.sendNotification(IMAGES_CHANGED);
    assert.deepEqual(codes(await imageFacts.diagnosticsAfterAnswer(uri, 'local/change:1'), 'UndefinedVar'), []);
  });
});

describe('base image facts in Korean', () => {
  let imageFacts: ImageFactsClient;
  const table = new Map<string, LocalImageFacts>();
  before(async () => {
    imageFacts = await startImageFactsClient(
      (references) => references.map((reference) => table.get(reference) ?? null),
      10_000,
      'ko',
    );
  });
  after(async () => {
    await imageFacts.client.stop();
  });

  it('hover on FROM words the SHELL and HEALTHCHECK items in Korean, only when known', async () => {
    const shell = ['/bin/bash', '-o', 'pipefail', '-c'];
    table.set('local/ko-sh:1', facts('local/ko-sh:1', { shell, healthcheck: true }));
    table.set('local/ko-no-hc:1', facts('local/ko-no-hc:1', { healthcheck: false }));
    table.set('local/ko-plain:1', facts('local/ko-plain:1'));
    const hoverOnFrom = async (reference: string): Promise<string> => {
      const uri = `file:///ko/${reference.replace(/\W/g, '-')}/Dockerfile`;
      imageFacts.forgetAnswer(reference);
      await imageFacts.client.open(uri, `FROM ${reference}\nRUN make\n`);
      await imageFacts.diagnosticsAfterAnswer(uri, reference);
      return hoverText(imageFacts.client, uri, 0, 8);
    };
    const withBoth = await hoverOnFrom('local/ko-sh:1');
    assert.match(withBoth, /\*\*이미지가 가져오는 설정\*\* \(로컬 이미지 sha256:5e5e5e5e5e5e, 3일 전 빌드\)/);
    assert.ok(
      withBoth.includes(
        '- SHELL `["/bin/bash","-o","pipefail","-c"]`: 이 스테이지의 셸 형식 RUN, CMD, ENTRYPOINT는 SHELL로 바꾸기 전까지 이 셸로 실행됨',
      ),
      withBoth,
    );
    assert.match(withBoth, /^- HEALTHCHECK 있음$/m);
    const without = await hoverOnFrom('local/ko-no-hc:1');
    assert.match(without, /^- HEALTHCHECK 없음$/m);
    assert.doesNotMatch(without, /SHELL|HEALTHCHECK 있음/);
    const unknown = await hoverOnFrom('local/ko-plain:1');
    assert.match(unknown, /^- 사용자 `1000`$/m);
    assert.doesNotMatch(unknown, /SHELL|HEALTHCHECK/);
  });
});

describe('recorded facts without an engine', () => {
  let client: LspClient;
  before(async () => {
    client = await LspClient.start({ transport: 'in-process' });
  });
  after(async () => {
    await client.stop();
  });

  it('node:22: hover, variable value and hint come from the recorded facts; never an error', async () => {
    const uri = 'file:///recorded/Dockerfile';
    const diagnostics = await client.open(uri, 'FROM node:22\nENV V=$NODE_VERSION W=$NODE_VERSON\n');
    const undefinedVars = diagnostics.diagnostics.filter((d) => d.code === 'UndefinedVar');
    assert.deepEqual(
      undefinedVars.map((d) => d.message),
      ['$NODE_VERSON is not defined at this point, so it expands to an empty string (did you mean $NODE_VERSION?).'],
    );
    const image = await hoverText(client, uri, 0, 7);
    assert.match(image, /recorded for node:22 on \d{4}-\d\d-\d\d/);
    assert.match(image, /CMD `\["node"\]`/);
    const variable = await hoverText(client, uri, 1, 10);
    assert.match(variable, /Value: `22\.\d+\.\d+` \(recorded for node:22/);
    const hints = await client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    assert.ok(
      hints.some((hint) => hint.label.trim() === 'user root, in /, runs docker-entrypoint.sh node'),
      JSON.stringify(hints.map((hint) => hint.label)),
    );
  });

  it('nginx:stable: inherited ports on EXPOSE, the base ENTRYPOINT in what `docker run` executes', async () => {
    const uri = 'file:///recorded/nginx/Dockerfile';
    const text = 'FROM nginx:stable\nEXPOSE 8080\nCMD ["nginx-debug", "-g", "daemon off;"]\n';
    await client.open(uri, text);
    assert.match(await hoverText(client, uri, 1, 2), /the base image also exposes `80\/tcp`/);
    const run = '`docker run IMAGE` executes `["/docker-entrypoint.sh","nginx-debug","-g","daemon off;"]`';
    assert.ok((await hoverText(client, uri, 2, 1)).includes(`${run} (with the base image’s config)`));
    const reset = await client.open(
      'file:///recorded/nginx-entrypoint/Dockerfile',
      'FROM nginx:stable\nENTRYPOINT ["/start"]\n',
    );
    assert.deepEqual(codes(reset.diagnostics, 'EntrypointResetsCmd'), [1]);
    assert.match(
      reset.diagnostics.find((d) => d.code === 'EntrypointResetsCmd')!.message,
      /resets the CMD inherited from the base image \(\["nginx","-g","daemon off;"\]\)/,
    );
  });

  it('completion offers the base image’s variables with their values and where they come from', async () => {
    const uri = 'file:///recorded/completion/Dockerfile';
    await client.open(uri, 'FROM node:22\nENV X=$\n');
    const reply = await client.request<Item[] | { items: Item[] }>('textDocument/completion', {
      textDocument: { uri },
      position: { line: 1, character: 7 },
    });
    const items = Array.isArray(reply) ? reply : reply.items;
    const item = items.find((candidate) => candidate.label === 'NODE_VERSION');
    assert.ok(item, JSON.stringify(items.map((candidate) => candidate.label)));
    assert.match(item.detail ?? '', /^ENV = 22\.\d+\.\d+$/);
    const resolved = await client.request<Item>('completionItem/resolve', item);
    assert.equal(resolved.documentation?.value, 'From the base image `node:22`');
  });

  it('distroless :nonroot: no FinalStageUserRoot; the hint names user 65532', async () => {
    const uri = 'file:///recorded/distroless/Dockerfile';
    const text = 'FROM gcr.io/distroless/static-debian12:nonroot\nCOPY app /app\nENTRYPOINT ["/app"]\n';
    const diagnostics = await client.open(uri, text);
    assert.deepEqual(codes(diagnostics.diagnostics, 'FinalStageUserRoot'), []);
    assert.deepEqual(codes(diagnostics.diagnostics, 'EntrypointResetsCmd'), []);
    const hints = await client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
    assert.ok(
      hints.some((hint) => hint.label.trim() === 'user 65532, in /home/nonroot'),
      JSON.stringify(hints.map((hint) => hint.label)),
    );
  });
});
