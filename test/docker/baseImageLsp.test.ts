// Integration: a Dockerfile FROM a base image built here, checked by the language server with the
// image's config read from the real engine: the test client answers the server's
// layerwise/imageFacts with the extension's own reader (client/src/docker/localImageFacts.ts).
// Hover on FROM shows the config; the base's ENV makes UndefinedVar exact; the base's USER decides
// FinalStageUserRoot; an ENTRYPOINT resets the inherited CMD; a rebuilt base, announced with
// layerwise/imagesChanged, updates it all.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { LocalImageFactsReader } from '../../client/src/docker/localImageFacts';
import { defaultDockerSettings } from '../../client/src/docker/settings';
import { IMAGES_CHANGED } from '../../protocol/src/protocol';
import { docker, engineSkipReason, makeBuildContext } from '../helpers/dockerEngine';
import { type ImageFactsClient, startImageFactsClient } from '../helpers/imageFactsClient';
import type { Diagnostic, LspClient } from '../helpers/lspClient';

const baseImages = (appEnv: string): string => `FROM scratch AS busybox
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]

FROM busybox AS root
USER root
CMD ["sh"]

FROM busybox AS app
ENV ${appEnv}
WORKDIR /srv/app
USER 1000:1000
ENTRYPOINT ["/bin/sh", "-c"]
CMD ["echo hello"]
`;

const FIRST_ENV = 'APP_HOME=/srv/app GREETING=hello';
const REBUILT_ENV = 'APP_HOME=/srv/app GREETING=hello LOG_DIR=/var/log/app';

const onLine = (diagnostics: readonly Diagnostic[], line: number, code: string): Diagnostic[] =>
  diagnostics.filter((diagnostic) => diagnostic.range.start.line === line && diagnostic.code === code);

describe('base image facts over LSP, from the real engine', async () => {
  const skip = await engineSkipReason();
  if (skip !== undefined) console.log(`# skipping base image LSP tests: ${skip}`);
  const name = `layerwise-lsp-${randomBytes(4).toString('hex')}`;
  const app = `${name}:app`;
  const root = `${name}:root`;
  let context: ReturnType<typeof makeBuildContext>;
  let imageFacts: ImageFactsClient;
  let client: LspClient;
  const reader = new LocalImageFactsReader({ settings: () => defaultDockerSettings });
  let documents = 0;
  /** Images a rebuild left without a tag. */
  const untagged: string[] = [];

  const build = async (target: string, tag: string, dockerfile: string) => {
    const built = await docker([
      'build',
      '-q',
      '--target',
      target,
      '-f',
      `${context.dir}/${dockerfile}`,
      '-t',
      tag,
      context.dir,
    ]);
    assert.equal(built.exitCode, 0, built.stderr);
  };

  /** The hover on the base image's name in the FROM of `uri`. */
  const fromHover = async (uri: string): Promise<string> => {
    const hover = await client.request<{ contents: { value: string } } | null>('textDocument/hover', {
      textDocument: { uri },
      position: { line: 0, character: 7 },
    });
    return hover?.contents.value ?? '';
  };

  const open = async (text: string): Promise<string> => {
    const uri = `file:///base-image-lsp/${documents++}/Dockerfile`;
    await client.open(uri, text);
    return uri;
  };

  before(async () => {
    if (skip !== undefined) return;
    context = makeBuildContext({
      'first.Dockerfile': baseImages(FIRST_ENV),
      'rebuilt.Dockerfile': baseImages(REBUILT_ENV),
    });
    await build('app', app, 'first.Dockerfile');
    await build('root', root, 'first.Dockerfile');
    imageFacts = await startImageFactsClient((references) => reader.factsFor(references), 20_000);
    client = imageFacts.client;
  });

  after(async () => {
    if (skip !== undefined) return;
    await client?.stop();
    await docker(['rmi', '-f', app, root, ...untagged]);
    context.remove();
  });

  const usesApp = `FROM ${app}
ENV DATA=$APP_HOME/data
WORKDIR $APP_HOEM
ENV LOGS=$LOG_DIR
`;
  let appUri: string;

  it('takes the base image ENV into UndefinedVar: defined names pass, a misspelt one gets did-you-mean', {
    skip,
  }, async () => {
    appUri = await open(usesApp);
    const diagnostics = await imageFacts.diagnosticsAfterAnswer(appUri, app);
    assert.deepEqual(onLine(diagnostics, 1, 'UndefinedVar'), [], '$APP_HOME comes from the base image');
    const [typo] = onLine(diagnostics, 2, 'UndefinedVar');
    assert.match(typo?.message ?? '', /\$APP_HOEM.*did you mean \$APP_HOME\?/);
    assert.equal(onLine(diagnostics, 3, 'UndefinedVar').length, 1, '$LOG_DIR is not in the base image');
  });

  it('shows what the base image sets up in the FROM hover', { skip }, async () => {
    const text = await fromHover(appUri);
    for (const value of ['1000:1000', '/srv/app', 'APP_HOME', 'GREETING', 'echo hello', '/bin/sh'])
      assert.ok(text.includes(value), `the hover shows ${value}:\n${text}`);
    assert.match(text, /local image sha256:[0-9a-f]{12}/);
  });

  it('warns about a final stage on a root base image, not on a non-root one', { skip }, async () => {
    const onRoot = await open(`FROM ${root}\nRUN true\n`);
    const rootDiagnostics = await imageFacts.diagnosticsAfterAnswer(onRoot, root);
    assert.equal(
      rootDiagnostics.filter((diagnostic) => diagnostic.code === 'FinalStageUserRoot').length,
      1,
      JSON.stringify(rootDiagnostics),
    );
    const onApp = await open(`FROM ${app}\nRUN true\n`);
    const appDiagnostics = await imageFacts.diagnosticsAfterAnswer(onApp, app);
    assert.deepEqual(
      appDiagnostics.filter((diagnostic) => diagnostic.code === 'FinalStageUserRoot'),
      [],
    );
  });

  it('says that an ENTRYPOINT resets the CMD inherited from the base image', { skip }, async () => {
    const uri = await open(`FROM ${app}\nENTRYPOINT ["/bin/echo"]\n`);
    const diagnostics = await imageFacts.diagnosticsAfterAnswer(uri, app);
    const [reset] = onLine(diagnostics, 1, 'EntrypointResetsCmd');
    assert.match(reset?.message ?? '', /echo hello/, JSON.stringify(diagnostics));
  });

  it('updates after the base image is rebuilt with another ENV and the client says images changed', {
    skip,
  }, async () => {
    const [first] = await reader.factsFor([app]);
    if (first) untagged.push(first.source.imageId);
    await build('app', app, 'rebuilt.Dockerfile');
    reader.forgetReferences();
    imageFacts.forgetAnswer(app);
    await client.connection.sendNotification(IMAGES_CHANGED);
    const diagnostics = await imageFacts.diagnosticsAfterAnswer(appUri, app);
    assert.deepEqual(onLine(diagnostics, 3, 'UndefinedVar'), [], '$LOG_DIR is in the rebuilt base image');
    assert.equal(onLine(diagnostics, 2, 'UndefinedVar').length, 1, '$APP_HOEM is still misspelt');
    assert.match((await fromHover(appUri)).replaceAll('\\', ''), /LOG_DIR=\/var\/log\/app/);
  });
});
