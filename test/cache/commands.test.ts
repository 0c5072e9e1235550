import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cachedDownloads, dependencyInstall, indexUpdate, isManifestSource, splitCommands } from '../../core/src/cache';

test('splitCommands splits at operators and drops shell keywords, assignments and comments', () => {
  assert.deepEqual(
    splitCommands(
      'set -eux; if [ -f x ]; then DEBIAN_FRONTEND=noninteractive apt-get install -y "a b"; fi' +
        ' && npm ci | tee log # npm install x\ncd /a',
    ),
    [
      ['set', '-eux'],
      ['[', '-f', 'x', ']'],
      ['apt-get', 'install', '-y', 'a b'],
      ['npm', 'ci'],
      ['tee', 'log'],
      ['cd', '/a'],
    ],
  );
  assert.deepEqual(splitCommands('for m in a b; do make $m; done'), [['make', '$m']]);
});

test('dependency installs from manifests, and commands that are not', () => {
  const table: [string, string | undefined, boolean?][] = [
    ['npm ci', 'npm', true],
    ['npm install --omit=dev', 'npm', true],
    ['npm install express', undefined],
    ['yarn', 'yarn', true],
    ['yarn add react', undefined],
    ['pnpm i --frozen-lockfile', 'pnpm', true],
    ['pip install -r requirements/dev.txt', 'pip', true],
    ['pip install flask', undefined],
    ['python3 -m pip install --requirement=r.txt', 'pip', true],
    ['poetry install', 'poetry', false],
    ['poetry install --no-root', 'poetry', true],
    ['uv sync --locked --no-install-project', 'uv', true],
    ['go mod download', 'go', true],
    ['go build ./...', 'go', false],
    ['bundle install', 'bundler', true],
    ['composer install', 'composer', false],
    ['cargo fetch', 'cargo', false],
    ['./mvnw dependency:go-offline', 'maven', true],
    ['mvn -B package', 'maven', false],
    ['gradle build', 'gradle', false],
    ['dotnet restore', 'dotnet', true],
    ['apt-get install -y curl', undefined],
  ];
  for (const [script, manager, onlyManifests] of table) {
    const [command] = splitCommands(script);
    const install = dependencyInstall(command!);
    assert.equal(install?.manager.id, manager, script);
    if (onlyManifests !== undefined) assert.equal(install?.needsOnlyManifests, onlyManifests, script);
  }
  assert.deepEqual(dependencyInstall(splitCommands('pip install -r a.txt -r b.txt')[0]!)?.namedManifests, [
    'a.txt',
    'b.txt',
  ]);
});

test('index updates, cache targets and manifest sources', () => {
  assert.equal(indexUpdate(['apt-get', '-q', 'update']), 'apt');
  assert.equal(indexUpdate(['apk', 'update']), 'apk');
  assert.equal(indexUpdate(['apt-get', 'install', 'update']), undefined);
  assert.deepEqual(
    cachedDownloads(['apt-get', 'install', '-y', 'x'])?.mounts.map((m) => `${m.target},${m.sharing}`),
    ['/var/cache/apt,locked', '/var/lib/apt,locked'],
  );
  assert.equal(cachedDownloads(['pip', 'install', '--no-cache-dir', 'x']), undefined);
  assert.equal(cachedDownloads(['npm', 'run', 'build']), undefined);
  for (const source of ['package.json', './package*.json', 'requirements-dev.txt', 'src/App.csproj', 'go.sum'])
    assert.ok(isManifestSource(source), source);
  for (const source of ['src', 'main.go', '*.ts']) assert.ok(!isManifestSource(source), source);
});
