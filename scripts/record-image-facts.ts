// Writes core/docs/imageFacts.json: the config (ENV, USER, WORKDIR, ENTRYPOINT, CMD, ports,
// volumes) of common official image tags, for hovers and rules when the image is not local.
// The images built from the corpus' official Dockerfiles (shared/corpus/official, see its
// SOURCES.md) are derived by Layerwise's own parser and model, each chained on its base image's
// facts; the base OS images and distroless are recorded by hand from the sources named in their
// basis. Tags map to Dockerfiles as each repository's library generator maps them (named below).
// `npm run record-image-facts` (or `node --import tsx scripts/record-image-facts.ts`).
import { readFileSync, writeFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { type RecordedEntry, recordedFacts } from '../core/src/docs/recordedImageFacts';
import { ImageCatalog } from '../core/src/engine/imageCatalog';
import { buildModel, expandValue } from '../core/src/model';
import type { ImageFactsLookup } from '../core/src/model/imageFacts';
import { cmdInEffect, entrypointInEffect, normalisedPort } from '../core/src/model/runConfig';
import { parseText } from '../core/src/parser';
import { CORPUS_DIR } from '../test/helpers/corpus';

const OUTPUT = resolve(__dirname, '../core/docs/imageFacts.json');
const RECORDED_ON = new Date().toISOString().slice(0, 10);
const DEFAULT_PATH = '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin';

const entries: RecordedEntry[] = [];
const byTag = new Map<string, RecordedEntry>();

function record(entry: RecordedEntry): void {
  entries.push(entry);
  for (const tag of entry.tags) byTag.set(tag, entry);
}

/** The recorded entries as the model reads them (facts for a tag recorded earlier in this run). */
const recordedSoFar: ImageFactsLookup = {
  factsFor(reference) {
    const entry = byTag.get(reference.includes(':') ? reference : `${reference}:latest`);
    return entry === undefined ? undefined : recordedFacts(reference, entry, RECORDED_ON);
  },
};

// --- Base OS images, by hand ----------------------------------------------------------------------

/** An image built FROM scratch by adding a root file system, with only a CMD (Docker adds the default PATH). */
function osImage(tags: string[], cmd: string[], basis: string, labels: Record<string, string> = {}): void {
  record({
    tags,
    basis,
    env: [['PATH', DEFAULT_PATH]],
    user: '',
    workdir: '',
    entrypoint: null,
    cmd,
    exposedPorts: [],
    volumes: [],
    labels,
    os: 'linux',
    healthcheck: false,
  });
}

const REPO_INFO = 'docker-library/repo-info (repos/<image>/remote/<tag>.md: Default Command and image history)';
const debianSuites = ['bookworm', 'trixie', 'bullseye'];
const debianNumbers: Record<string, string> = { bookworm: '12', trixie: '13', bullseye: '11' };
for (const suite of debianSuites) {
  for (const slim of ['', '-slim']) {
    const tags = [`debian:${suite}${slim}`, `debian:${debianNumbers[suite]}${slim}`];
    if (suite === 'trixie') tags.push(...(slim ? ['debian:stable-slim'] : ['debian:stable', 'debian:latest']));
    osImage(tags, ['bash'], `debuerreotype rootfs + CMD ["bash"]; ${REPO_INFO}`);
  }
  // buildpack-deps only adds packages (RUN) on top of debian: docker-library/buildpack-deps Dockerfile templates.
  osImage(
    [`buildpack-deps:${suite}`, `buildpack-deps:${suite}-scm`, `buildpack-deps:${suite}-curl`],
    ['bash'],
    `debian:${suite} + RUN only (docker-library/buildpack-deps debian/${suite}/{curl,scm,}Dockerfile)`,
  );
}
for (const version of ['3.20', '3.21', '3.22', '3.23', '3.24']) {
  const tags = [`alpine:${version}`];
  if (version === '3.24') tags.push('alpine:3', 'alpine:latest');
  osImage(tags, ['/bin/sh'], `alpine minirootfs + CMD ["/bin/sh"]; ${REPO_INFO}`);
}
for (const [version, codename] of [
  ['24.04', 'noble'],
  ['22.04', 'jammy'],
]) {
  osImage(
    [`ubuntu:${version}`, `ubuntu:${codename}`],
    ['/bin/bash'],
    `LABEL org.opencontainers.image.ref.name/version, ADD rootfs, CMD ["/bin/bash"]; ${REPO_INFO}`,
    { 'org.opencontainers.image.ref.name': 'ubuntu', 'org.opencontainers.image.version': version! },
  );
}

// --- distroless, by hand ----------------------------------------------------------------------------

// GoogleContainerTools/distroless@cd08076 static/static.bzl: env PATH and SSL_CERT_FILE, user "0" with
// workdir "/" or user "65532" (nonroot) with workdir "/home/nonroot"; the debug variants add busybox,
// ENTRYPOINT ["/busybox/sh"] and PATH=$PATH:/busybox. base, base-nossl and cc (base/base.bzl,
// cc/cc.bzl) only add packages; tags from the root BUILD (latest, nonroot, debug, debug-nonroot;
// the names without -debianNN are debian13).
const DISTROLESS_BASIS =
  'GoogleContainerTools/distroless@cd080764 static/static.bzl, base/base.bzl, cc/cc.bzl, common/variables.bzl, BUILD';
for (const image of ['static', 'base', 'base-nossl', 'cc']) {
  for (const [tag, debug, nonroot] of [
    ['latest', false, false],
    ['nonroot', false, true],
    ['debug', true, false],
    ['debug-nonroot', true, true],
  ] as const) {
    const tags = [`gcr.io/distroless/${image}-debian12:${tag}`, `gcr.io/distroless/${image}-debian13:${tag}`];
    tags.push(`gcr.io/distroless/${image}:${tag}`);
    record({
      tags,
      basis: DISTROLESS_BASIS,
      env: [
        ['PATH', debug ? `${DEFAULT_PATH}:/busybox` : DEFAULT_PATH],
        ['SSL_CERT_FILE', '/etc/ssl/certs/ca-certificates.crt'],
      ],
      user: nonroot ? '65532' : '0',
      workdir: nonroot ? '/home/nonroot' : '/',
      entrypoint: debug ? ['/busybox/sh'] : null,
      cmd: null,
      exposedPorts: [],
      volumes: [],
      labels: {},
      os: 'linux',
      healthcheck: false,
    });
  }
}

// --- Official images from the corpus, through the model -----------------------------------------------

const SOURCES = readFileSync(join(CORPUS_DIR, '..', 'SOURCES.md'), 'utf8');

function commitOf(folder: string): string {
  const line = SOURCES.split('\n').find((row) => row.includes(`official/${folder} `));
  return line?.split('|')[3]?.trim().slice(0, 12) ?? 'unknown';
}

/** The config of the image `file` builds (its last stage), on its base image's recorded facts. */
function derive(folder: string, file: string, tags: string[]): void {
  const text = readFileSync(join(CORPUS_DIR, folder, file), 'utf8');
  const parsed = parseText(text);
  const model = buildModel(parsed.tree, { lines: parsed.lines, images: new ImageCatalog(recordedSoFar) });
  const final = model.stages[model.stages.length - 1]!;
  const state = final.handsDown;
  if (!state.image) throw new Error(`${folder}/${file}: no facts for its base image ${final.baseImage}`);
  const escape = parsed.tree.escapeChar;
  const env: [string, string][] = [];
  for (const [name, definition] of state.env.entries()) {
    if (definition.value === undefined) throw new Error(`${folder}/${file}: the value of ${name} is not known`);
    env.push([name, definition.value]);
  }
  // The stages the image is built through, oldest first (a final stage may build on earlier ones).
  const chain: (typeof final)[] = [];
  for (let stage: typeof final | undefined = final; stage; stage = stage.baseStage) chain.unshift(stage);
  const instructions = chain.flatMap((stage) => stage.instructions);
  // USER, WORKDIR, EXPOSE and VOLUME values expanded with what is visible where they are written.
  const expanded = (instruction: (typeof instructions)[number], raw: string): string =>
    expandValue(raw, (name) => model.stageOf(instruction)?.lookup(name, instruction)?.value, escape) ?? raw;
  const user = state.userSetBy ? expanded(state.userSetBy, state.userSetBy.args[0]!.raw) : state.image.user;
  let workdir = state.image.workdir;
  const workdirs = [];
  for (let link = state.workdirs; link; link = link.previous) workdirs.unshift(link.instruction);
  for (const instruction of workdirs)
    workdir = posix.resolve(workdir || '/', expanded(instruction, instruction.rest!.raw));
  const ports = new Set(state.image.exposedPorts);
  const volumes = new Set(state.image.volumes);
  // HEALTHCHECK NONE or a test, the last one of the chain, else the base image's.
  let healthcheck = state.image.healthcheck ?? false;
  for (const instruction of instructions) {
    if (instruction.keyword === 'EXPOSE')
      for (const arg of instruction.args) ports.add(normalisedPort(expanded(instruction, arg.raw)));
    if (instruction.keyword === 'VOLUME') {
      const written = instruction.exec?.strings.map((s) => s.value) ?? instruction.args.map((arg) => arg.raw);
      for (const volume of written) volumes.add(expanded(instruction, volume));
    }
    if (instruction.keyword === 'HEALTHCHECK')
      healthcheck = instruction.healthcheckMode?.value.toUpperCase() !== 'NONE';
  }
  const entrypoint = entrypointInEffect(state, model);
  const cmd = cmdInEffect(state, model);
  if (entrypoint === 'unknown' || cmd === 'unknown') throw new Error(`${folder}/${file}: command not known`);
  record({
    tags,
    basis: `${folder.replace('__', '/')}@${commitOf(folder)} ${file.split('~').join('/')} on ${final.baseImage}`,
    env,
    user,
    workdir,
    entrypoint: entrypoint ? [...entrypoint.argv] : null,
    cmd: cmd ? [...cmd.argv] : null,
    exposedPorts: [...ports],
    volumes: [...volumes],
    labels: {},
    os: 'linux',
    healthcheck,
  });
}

/** More tags for the image recorded under `tag` (the library's aliases of its newest version). */
function aliasTags(tag: string, aliases: string[]): void {
  const entry = byTag.get(tag);
  if (!entry) throw new Error(`${tag} was not recorded`);
  for (const alias of aliases) {
    entry.tags.push(alias);
    byTag.set(alias, entry);
  }
}

/**
 * docker-library's generate-stackbrew-library.sh convention (python, golang, ruby, postgres at the
 * corpus commits): `<v>-<variant>` for every variant, the first Debian suite of versions.json also
 * as `<v>` (and its slim as `<v>-slim`), the first Alpine as `<v>-alpine`.
 */
function libraryTags(image: string, version: string, variant: string, debian: string, alpine: string): string[] {
  const tags = [`${image}:${version}-${variant}`];
  if (variant === debian) tags.push(`${image}:${version}`);
  if (variant === `slim-${debian}`) tags.push(`${image}:${version}-slim`);
  if (variant === alpine) tags.push(`${image}:${version}-alpine`);
  return tags;
}

function deriveLibrary(folder: string, image: string, versions: string[], variants: string[], alpine: string): void {
  for (const version of versions)
    for (const variant of variants)
      derive(folder, `${version}~${variant}~Dockerfile`, libraryTags(image, version, variant, 'trixie', alpine));
}

// nodejs/docker-node stackbrew.js at the corpus commit: versions.json's debian-default (bookworm for
// 22 and 24, trixie for 26) gets `<v>` and `<v>-slim`, alpine-default (alpine3.24) `<v>-alpine`.
for (const [version, debian] of [
  ['22', 'bookworm'],
  ['24', 'bookworm'],
  ['26', 'trixie'],
] as const) {
  for (const variant of ['bookworm', 'bookworm-slim', 'trixie', 'trixie-slim', 'bullseye', 'bullseye-slim']) {
    const tags = [`node:${version}-${variant}`];
    if (variant === debian) tags.push(`node:${version}`);
    if (variant === `${debian}-slim`) tags.push(`node:${version}-slim`);
    if (version === '26' && variant === debian) tags.push('node:lts');
    if (version === '26' && variant === `${debian}-slim`) tags.push('node:lts-slim');
    derive('nodejs__docker-node', `${version}~${variant}~Dockerfile`, tags);
  }
  const alpineTags = [`node:${version}-alpine3.24`, `node:${version}-alpine`];
  if (version === '26') alpineTags.push('node:lts-alpine');
  derive('nodejs__docker-node', `${version}~alpine3.24~Dockerfile`, alpineTags);
  derive('nodejs__docker-node', `${version}~alpine3.23~Dockerfile`, [`node:${version}-alpine3.23`]);
}

const debianVariants = ['trixie', 'bookworm'];
deriveLibrary(
  'docker-library__python',
  'python',
  ['3.10', '3.11', '3.12', '3.13', '3.14'],
  [...debianVariants, 'slim-trixie', 'slim-bookworm', 'alpine3.24', 'alpine3.23'],
  'alpine3.24',
);
// python's latest release (3.14) is also `3`, `latest` (aliases of the first non-rc version).
aliasTags('python:3.14-trixie', ['python:3', 'python:latest']);
aliasTags('python:3.14-slim-trixie', ['python:3-slim', 'python:slim']);
aliasTags('python:3.14-alpine3.24', ['python:3-alpine', 'python:alpine']);
deriveLibrary(
  'docker-library__golang',
  'golang',
  ['1.26', '1.27'],
  [...debianVariants, 'alpine3.24', 'alpine3.23'],
  'alpine3.24',
);
// golang's latest release (the first of versions.json but tip: 1.27) is also `1`, `latest`.
aliasTags('golang:1.27-trixie', ['golang:1', 'golang:latest']);
aliasTags('golang:1.27-alpine3.24', ['golang:1-alpine', 'golang:alpine']);
deriveLibrary(
  'docker-library__ruby',
  'ruby',
  ['3.3', '3.4', '4.0'],
  [...debianVariants, 'slim-trixie', 'slim-bookworm', 'alpine3.23', 'alpine3.22'],
  'alpine3.23',
);
deriveLibrary(
  'docker-library__postgres',
  'postgres',
  ['14', '15', '16', '17', '18'],
  [...debianVariants, 'alpine3.23', 'alpine3.22'],
  'alpine3.23',
);
// postgres' newest major (18) is also `latest`.
aliasTags('postgres:18-trixie', ['postgres:latest']);
aliasTags('postgres:18-alpine3.23', ['postgres:alpine']);

// php's generator: `<v>-<variant>-<suite>` always; the default Debian suite (trixie) also
// `<v>-<variant>`, the default Alpine (alpine3.24) `<v>-<variant>-alpine`; cli is also `<v>`.
for (const version of ['8.2', '8.3', '8.4', '8.5']) {
  for (const suite of ['trixie', 'bookworm', 'alpine3.24', 'alpine3.23']) {
    for (const variant of suite.startsWith('alpine') ? ['cli', 'fpm', 'zts'] : ['cli', 'apache', 'fpm', 'zts']) {
      const names = variant === 'cli' ? [`${version}-cli`, version] : [`${version}-${variant}`];
      const tags = names.map((name) => `php:${name}-${suite}`);
      if (suite === 'trixie') tags.push(...names.map((name) => `php:${name}`));
      if (suite === 'alpine3.24') tags.push(...names.map((name) => `php:${name}-alpine`));
      derive('docker-library__php', `${version}~${suite}~${variant}~Dockerfile`, tags);
    }
  }
}

// nginxinc/docker-nginx generate-stackbrew-library.sh at the corpus commit: mainline is also
// `1`, `1.27`, `latest`; stable is `1.26`; each with the full version; Debian variants also with
// `-bookworm`; alpine, alpine-slim, alpine-perl, perl, otel and alpine-otel as suffixes.
const nginxAliases: Record<string, string[]> = {
  mainline: ['mainline', '1', '1.27', 'latest'],
  stable: ['stable', '1.26'],
};
for (const channel of ['mainline', 'stable']) {
  const withVersion = (suffixes: string[]): string[] => {
    // Only the Debian and alpine-slim files set NGINX_VERSION; the others build on them.
    const text = readFileSync(join(CORPUS_DIR, 'nginxinc__docker-nginx', `${channel}~debian~Dockerfile`), 'utf8');
    const version = /^ENV NGINX_VERSION\s+(\S+)/m.exec(text)?.[1];
    const aliases = [...nginxAliases[channel]!, ...(version ? [version] : [])];
    return aliases.flatMap((alias) =>
      suffixes.map((suffix) => (alias === 'latest' ? suffix.slice(1) || 'latest' : `${alias}${suffix}`)),
    );
  };
  const tags = (_variant: string, suffixes: string[]): string[] => withVersion(suffixes).map((t) => `nginx:${t}`);
  derive('nginxinc__docker-nginx', `${channel}~debian~Dockerfile`, tags('debian', ['', '-bookworm']));
  derive('nginxinc__docker-nginx', `${channel}~alpine-slim~Dockerfile`, tags('alpine-slim', ['-alpine-slim']));
  derive('nginxinc__docker-nginx', `${channel}~alpine~Dockerfile`, tags('alpine', ['-alpine']));
  derive(
    'nginxinc__docker-nginx',
    `${channel}~debian-perl~Dockerfile`,
    tags('debian-perl', ['-perl', '-bookworm-perl']),
  );
  derive('nginxinc__docker-nginx', `${channel}~alpine-perl~Dockerfile`, tags('alpine-perl', ['-alpine-perl']));
}

// docker-library/docker: one version (29) in the corpus; `cli`, `dind`, `dind-rootless` follow it.
derive('docker-library__docker', '29~cli~Dockerfile', ['docker:29-cli', 'docker:cli']);
derive('docker-library__docker', '29~dind~Dockerfile', ['docker:29-dind', 'docker:dind']);
derive('docker-library__docker', '29~dind-rootless~Dockerfile', ['docker:29-dind-rootless', 'docker:dind-rootless']);

// One image a line: small in the bundle, and a re-recording shows as a readable diff.
const lines = entries.map((entry) => JSON.stringify(entry));
writeFileSync(OUTPUT, `{"recordedOn": ${JSON.stringify(RECORDED_ON)}, "images": [\n${lines.join(',\n')}\n]}\n`);
console.log(`${entries.length} images, ${byTag.size} tags -> ${OUTPUT}`);
