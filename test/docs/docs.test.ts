// The docs are data: every file has a summary line, both languages cover the same files,
// the loader reads them with the same typed lookups the server uses, and snippets parse.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { DOC_FILES } from '../../core/src/docs/docFiles';
import {
  BRIEF_MARKER,
  docAt,
  flagValues,
  instructionDoc,
  instructionFlags,
  mountKeyDoc,
  mountKeys,
  MOUNT_TYPES,
  officialImage,
  officialImages,
  splitImageReference,
  argDoc,
} from '../../core/src/docs';
import { flagsOf, INSTRUCTION_KEYWORDS, parseDockerfile } from '../../core/src/parser';

const DOCS = resolve(__dirname, '../../core/docs');
const markdownFiles = (language: string): string[] =>
  readdirSync(resolve(DOCS, language), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.split('\\').join('/'))
    .sort();

test('English and Korean docs cover the same files', () => {
  assert.deepEqual(markdownFiles('ko'), markdownFiles('en'));
});

test('every doc starts with a one-line summary and ends with a link', () => {
  for (const language of ['en', 'ko']) {
    for (const file of markdownFiles(language)) {
      const text = readFileSync(resolve(DOCS, language, file), 'utf8');
      const [first = '', second = ''] = text.split('\n');
      assert.ok(first.trim().length > 10 && !first.startsWith('#'), `${language}/${file}: summary line`);
      assert.ok(second.trim() === '' || second.startsWith('###'), `${language}/${file}: line 2 separates the summary`);
      assert.match(text, /\]\(https:\/\/docs\.docker\.com\//, `${language}/${file}: link to Docker's docs`);
      if (language === 'ko') assert.match(first, /[가-힣]/, `${file}: Korean summary`);
    }
  }
});

// A hover shows the summary and the brief part first (or alone, with a link to the full page):
// every doc has one, in both languages, short and in prose, ended by the marker line.
const BRIEF_MAX = 400;

test('every doc has a brief part of bounded length, ended by the marker', () => {
  for (const language of ['en', 'ko'] as const) {
    for (const file of markdownFiles(language)) {
      const name = `${language}/${file}`;
      const text = readFileSync(resolve(DOCS, language, file), 'utf8');
      const lines = text.split('\n');
      assert.equal(lines.filter((line) => line === BRIEF_MARKER).length, 1, `${name}: one ${BRIEF_MARKER} line`);
      const marker = lines.indexOf(BRIEF_MARKER);
      assert.ok(
        lines[1] === '' && lines[marker - 1] === '' && lines[marker + 1] === '',
        `${name}: the marker and the brief stand apart by blank lines`,
      );
      const brief = lines.slice(2, marker - 1).join('\n');
      assert.ok(
        brief.length >= 40 && brief.length <= BRIEF_MAX,
        `${name}: brief of ${brief.length} characters (40 to ${BRIEF_MAX})`,
      );
      assert.doesNotMatch(brief, /^(```|\||#|- )|\n\n/m, `${name}: the brief is one paragraph of prose`);
      if (language === 'ko') assert.match(brief, /[가-힣]/, `${name}: Korean brief`);
      const doc = docAt(file, language)!;
      assert.equal(doc.brief, brief.trim(), name);
      assert.ok(
        !doc.markdown.includes(BRIEF_MARKER) && doc.markdown.includes(doc.brief) && doc.markdown.endsWith(doc.rest),
        name,
      );
      assert.match(doc.reference?.url ?? '', /^https:\/\/docs\.docker\.com\//, `${name}: reference link`);
    }
  }
});

test('the loader sees the folder and offers typed lookups', () => {
  // Every page in both languages, images.json and imageFacts.json.
  assert.equal(DOC_FILES.size, markdownFiles('en').length * 2 + 2);
  for (const keyword of INSTRUCTION_KEYWORDS) assert.ok(instructionDoc(keyword, 'ko')?.summary, keyword);
  assert.deepEqual([...instructionFlags('RUN')].sort(), ['device', 'mount', 'network', 'security']);
  assert.deepEqual(instructionFlags('WORKDIR'), []);
  assert.deepEqual([...MOUNT_TYPES].sort(), ['bind', 'cache', 'secret', 'ssh', 'tmpfs']);
  assert.ok(mountKeys('cache', 'en').some((row) => row.names.includes('sharing')));
  assert.match(mountKeyDoc('cache', 'dst', 'en')!, /`target`, `dst`, `destination`/);
  assert.equal(mountKeyDoc('tmpfs', 'sharing', 'en'), undefined);
  assert.deepEqual(
    flagValues('RUN', 'network', 'en').flatMap((row) => row.names),
    ['default', 'none', 'host'],
  );
  assert.equal(argDoc('https_proxy', 'en'), argDoc('HTTP_PROXY', 'en'));
});

// Completion and hover fall back to a one-line note for a flag without a page: every flag the
// instruction table accepts has one, and no page documents a flag the table does not know.
test('every flag in the instruction table has a doc page, and every flag page a table entry', () => {
  for (const keyword of INSTRUCTION_KEYWORDS) {
    const accepted = flagsOf(keyword).map((spec) => spec.name);
    assert.deepEqual([...instructionFlags(keyword)].sort(), [...accepted].sort(), keyword);
  }
});

test('the image list: well formed, lookups accept Docker Hub long names', () => {
  const images = officialImages();
  assert.ok(images.length >= 40);
  for (const image of images) {
    assert.ok(image.tags.length > 0 && image.description.ko.length > 0, image.name);
    if (image.recommended)
      assert.ok(image.tags.includes(image.recommended), `${image.name}: recommended tag is listed`);
  }
  assert.equal(officialImage('docker.io/library/node')?.name, 'node');
  assert.equal(officialImage('mcr.microsoft.com/dotnet/sdk')?.name, 'mcr.microsoft.com/dotnet/sdk');
  assert.deepEqual(splitImageReference('registry:5000/team/app'), {
    repository: 'registry:5000/team/app',
    tag: undefined,
    digest: undefined,
  });
  assert.deepEqual(splitImageReference('node:22-alpine@sha256:abc'), {
    repository: 'node',
    tag: '22-alpine',
    digest: 'sha256:abc',
  });
});

test('snippets: the templates the issue asks for exist and each one parses cleanly', () => {
  const snippets = JSON.parse(readFileSync(resolve(__dirname, '../../snippets/dockerfile.json'), 'utf8')) as Record<
    string,
    { prefix: string[] | string; body: string[]; description: string }
  >;
  const names = Object.keys(snippets);
  for (const wanted of [/node/i, /python/i, /\bgo\b/i, /non-root/i])
    assert.ok(
      names.some((n) => wanted.test(n)),
      String(wanted),
    );
  for (const [name, snippet] of Object.entries(snippets)) {
    assert.ok(snippet.description.length > 10 && snippet.prefix.length > 0, name);
    // Resolve placeholders to their defaults: ${1:x} -> x, ${1|a,b|} -> a, $0 -> ''.
    const text = snippet.body
      .join('\n')
      .replace(/\$\{\d+\|([^,|]*)[^}]*\}/g, '$1')
      .replace(/\$\{\d+:([^}]*)\}/g, '$1')
      .replace(/\$\d+/g, '')
      .replace(/\\([$}\\])/g, '$1');
    const tree = parseDockerfile(text);
    const problems = [...tree.problems, ...tree.instructions.flatMap((i) => i.problems)];
    assert.deepEqual(
      problems.map((p) => p.message),
      [],
      `${name} parses without problems`,
    );
  }
});
