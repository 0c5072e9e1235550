// The walkthrough "Learn Docker with Layerwise": every step has a page in English and Korean and
// buttons whose commands exist (contributed by Layerwise or built into VS Code) and whose
// arguments fit the example; the example project is whole in both languages, and the pure parts of
// its commands (copying it, finding a static busybox, the cache reordering) do what the steps say.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { applyLineEdit, instructionLine, reorderForCache } from '../../client/src/walkthrough/exampleDockerfile';
import {
  busyboxCandidates,
  copyMissingFiles,
  findStaticBusybox,
  isStaticElf,
} from '../../client/src/walkthrough/exampleProject';
import { EXAMPLE_FOLDER, WALKTHROUGH_ID, walkthroughCommands } from '../../client/src/walkthrough/walkthroughCatalog';
import { localizedManifest, rawManifest, ROOT } from '../helpers/manifest';

interface Step {
  id: string;
  title: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

interface Manifest {
  contributes: {
    commands: Array<{ command: string; title: string }>;
    menus: { commandPalette: Array<{ command: string; when?: string }> };
    walkthroughs: Array<{ id: string; title: string; description: string; steps: Step[] }>;
  };
}

/** Commands VS Code itself has that a step may link to. */
const BUILT_IN_COMMANDS = new Set(['workbench.actions.view.problems']);

const EXAMPLE = join(ROOT, 'examples', EXAMPLE_FOLDER);
const EXAMPLE_KO = join(ROOT, 'examples', `${EXAMPLE_FOLDER}.ko`);
const exampleDockerfile = readFileSync(join(EXAMPLE, 'Dockerfile'), 'utf8');

/** `[label](command:id?args)` links of a step description: the command and its arguments. */
function commandLinks(description: string): Array<{ label: string; command: string; args: unknown }> {
  return [...description.matchAll(/\[([^\]]+)\]\(command:([^?)\s]+)(?:\?([^)\s]+))?\)/g)].map((match) => ({
    label: match[1] ?? '',
    command: match[2] ?? '',
    args: match[3] === undefined ? undefined : (JSON.parse(decodeURIComponent(match[3])) as unknown),
  }));
}

describe('walkthrough "Learn Docker with Layerwise"', () => {
  const english = localizedManifest<Manifest>('en');
  const korean = localizedManifest<Manifest>('ko');
  const contributed = new Set(english.contributes.commands.map((command) => command.command));

  it('is contributed with its steps in teaching order', () => {
    const [walkthrough] = english.contributes.walkthroughs;
    assert.ok(walkthrough);
    assert.equal(walkthrough.id, WALKTHROUGH_ID);
    assert.equal(walkthrough.title, 'Learn Docker with Layerwise');
    assert.equal(korean.contributes.walkthroughs[0]?.title, 'Layerwise로 Docker 배우기');
    assert.deepEqual(
      walkthrough.steps.map((step) => step.id),
      ['openExample', 'imageVsContainer', 'fixDiagnostic', 'cacheOrder', 'build', 'run', 'rebuildCache', 'multiStage'],
    );
  });

  for (const [language, manifest] of [
    ['en', english],
    ['ko', korean],
  ] as const) {
    it(`every step's buttons (${language}) call a contributed or built-in command, args fitting the example`, () => {
      for (const step of manifest.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
        const links = commandLinks(step.description);
        assert.ok(links.length > 0, `${step.id} has no button`);
        for (const link of links) {
          assert.ok(
            contributed.has(link.command) || BUILT_IN_COMMANDS.has(link.command),
            `${step.id}: ${link.command} is neither contributed nor built in`,
          );
          if (link.command !== 'layerwise.walkthrough.openExample' || link.args === undefined) continue;
          const args = link.args as { show?: string; file?: string; action?: string };
          if (args.show !== undefined)
            assert.notEqual(
              instructionLine(exampleDockerfile, args.show),
              undefined,
              `${step.id}: no ${args.show} in the example`,
            );
          if (args.file !== undefined)
            assert.ok(existsSync(join(EXAMPLE, args.file)), `${step.id}: ${args.file} is not in the example`);
          if (args.action !== undefined)
            assert.ok(['hover', 'quickFix'].includes(args.action), `${step.id}: action ${args.action}`);
        }
        for (const event of step.completionEvents ?? []) {
          if (event.startsWith('onCommand:'))
            assert.ok(contributed.has(event.slice('onCommand:'.length)), `${step.id}: ${event}`);
        }
      }
    });
  }

  it('each step has a Markdown page in English and in Korean (VS Code reads <page>.nls.ko.md for Korean)', () => {
    for (const step of english.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps)) {
      const page = step.media.markdown;
      // typeof, not `?.`: the assertion has to narrow `page` to a string for the lines below.
      assert.ok(
        typeof page === 'string' && page.startsWith('media/walkthrough/') && page.endsWith('.md'),
        `${step.id}: ${page}`,
      );
      assert.ok(existsSync(join(ROOT, page)), `${step.id}: ${page} is missing`);
      const koreanPage = page.replace(/\.md$/, '.nls.ko.md');
      assert.ok(existsSync(join(ROOT, koreanPage)), `${step.id}: ${koreanPage} is missing`);
      assert.match(readFileSync(join(ROOT, koreanPage), 'utf8'), /[\uac00-\ud7a3]/);
    }
    const pages = new Set(
      english.contributes.walkthroughs.flatMap((walkthrough) => walkthrough.steps.map((step) => step.media.markdown)),
    );
    const onDisk = readdirSync(join(ROOT, 'media', 'walkthrough'))
      .filter((file) => !file.includes('.nls.'))
      .map((file) => `media/walkthrough/${file}`);
    assert.deepEqual(
      onDisk.filter((file) => !pages.has(file)),
      [],
      'pages no step shows',
    );
  });

  it('the client registers the contributed walkthrough commands; only "open the example" is in the palette', () => {
    const registered = Object.values(walkthroughCommands);
    const ours = [...contributed].filter((command) => command.startsWith('layerwise.walkthrough.'));
    assert.deepEqual([...registered].sort(), ours.sort());
    const hidden = new Set(
      rawManifest<Manifest>()
        .contributes.menus.commandPalette.filter((entry) => entry.when === 'false')
        .map((entry) => entry.command),
    );
    assert.deepEqual(
      ours.filter((command) => !hidden.has(command)),
      ['layerwise.walkthrough.openExample'],
    );
  });
});

describe('the example project', () => {
  it('has the files the steps name, and the Korean overlay replaces only files it has', () => {
    for (const file of [
      'Dockerfile',
      '.dockerignore',
      'deps.txt',
      'install-deps.sh',
      'build-site.sh',
      'src/index.html',
      'README.md',
    ]) {
      assert.ok(existsSync(join(EXAMPLE, file)), file);
    }
    for (const file of readdirSync(EXAMPLE_KO))
      assert.ok(existsSync(join(EXAMPLE, file)), `examples/${EXAMPLE_FOLDER}.ko/${file} overlays nothing`);
  });

  it('the Korean Dockerfile differs from the English one in its comments only', () => {
    const instructions = (text: string): string[] =>
      text.split('\n').filter((line) => line.trim() !== '' && !line.trimStart().startsWith('#'));
    assert.deepEqual(
      instructions(readFileSync(join(EXAMPLE_KO, 'Dockerfile'), 'utf8')),
      instructions(exampleDockerfile),
    );
  });

  it('finds the instructions the steps show', () => {
    assert.equal(
      instructionLine(exampleDockerfile, 'FROM'),
      exampleDockerfile.split('\n').findIndex((line) => line.startsWith('FROM scratch AS base')),
    );
    for (const prefix of ['CMD', 'USER', 'COPY . .', 'copy --from=build'])
      assert.notEqual(instructionLine(exampleDockerfile, prefix), undefined, prefix);
    assert.equal(instructionLine('# CMD in a comment\nRUN true', 'CMD'), undefined);
  });

  it('"Reorder the Build Stage" copies the manifest and installs before copying the sources, once', () => {
    const edit = reorderForCache(exampleDockerfile);
    assert.ok(edit);
    const reordered = applyLineEdit(exampleDockerfile, edit);
    assert.match(
      reordered,
      new RegExp(
        String.raw`WORKDIR /src\nCOPY deps\.txt install-deps\.sh \./\nRUN sh install-deps\.sh\n` +
          String.raw`COPY \. \.\nRUN sh build-site\.sh /www\n`,
      ),
    );
    assert.equal(reordered.split('\n').length, exampleDockerfile.split('\n').length + 1);
    assert.equal(reorderForCache(reordered), undefined);
    const crlf = exampleDockerfile.replace(/\n/g, '\r\n');
    assert.equal(applyLineEdit(crlf, reorderForCache(crlf)!), reordered.replace(/\n/g, '\r\n'));
  });

  describe('copying it', () => {
    const temporary = mkdtempSync(join(tmpdir(), 'layerwise-walkthrough-'));
    after(() => rmSync(temporary, { recursive: true, force: true }));

    it("copies every file once, Korean where the overlay has one, and never overwrites the user's edits", () => {
      const destination = join(temporary, 'ko', EXAMPLE_FOLDER);
      const copied = copyMissingFiles(EXAMPLE, destination, EXAMPLE_KO);
      assert.ok(
        copied.includes('Dockerfile') && copied.includes('src/index.html') && copied.includes('.dockerignore'),
        copied.join(),
      );
      assert.equal(
        readFileSync(join(destination, 'Dockerfile'), 'utf8'),
        readFileSync(join(EXAMPLE_KO, 'Dockerfile'), 'utf8'),
      );
      assert.equal(
        readFileSync(join(destination, 'deps.txt'), 'utf8'),
        readFileSync(join(EXAMPLE, 'deps.txt'), 'utf8'),
      );
      writeFileSync(join(destination, 'src', 'index.html'), 'edited');
      rmSync(join(destination, 'deps.txt'));
      assert.deepEqual(copyMissingFiles(EXAMPLE, destination, EXAMPLE_KO), ['deps.txt']);
      assert.equal(readFileSync(join(destination, 'src', 'index.html'), 'utf8'), 'edited');
      const englishCopy = join(temporary, 'en', EXAMPLE_FOLDER);
      copyMissingFiles(EXAMPLE, englishCopy);
      assert.equal(readFileSync(join(englishCopy, 'Dockerfile'), 'utf8'), exampleDockerfile);
    });
  });

  describe('finding a static busybox', () => {
    /** A minimal 64-bit little-endian ELF header with program headers of the given types. */
    function elf64(types: number[]): Uint8Array {
      const bytes = new Uint8Array(64 + 56 * types.length);
      const view = new DataView(bytes.buffer);
      bytes.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1]);
      view.setBigUint64(0x20, 64n, true);
      view.setUint16(0x36, 56, true);
      view.setUint16(0x38, types.length, true);
      for (const [index, type] of types.entries()) view.setUint32(64 + index * 56, type, true);
      return bytes;
    }
    /** The same in 32-bit big-endian. */
    function elf32be(types: number[]): Uint8Array {
      const bytes = new Uint8Array(52 + 32 * types.length);
      const view = new DataView(bytes.buffer);
      bytes.set([0x7f, 0x45, 0x4c, 0x46, 1, 2, 1]);
      view.setUint32(0x1c, 52, false);
      view.setUint16(0x2a, 32, false);
      view.setUint16(0x2c, types.length, false);
      for (const [index, type] of types.entries()) view.setUint32(52 + index * 32, type, false);
      return bytes;
    }

    it('a program interpreter (PT_INTERP) means dynamically linked', () => {
      assert.equal(isStaticElf(elf64([6, 1, 1, 2])), true);
      assert.equal(isStaticElf(elf64([6, 3, 1, 2])), false);
      assert.equal(isStaticElf(elf32be([1, 1])), true);
      assert.equal(isStaticElf(elf32be([3, 1])), false);
      assert.equal(isStaticElf(new TextEncoder().encode('#!/bin/sh\necho not an executable\n'.padEnd(80))), false);
      assert.equal(isStaticElf(elf64([1]).subarray(0, 40)), false);
    });

    it('node (dynamically linked) is never taken; a static busybox on this machine is', () => {
      assert.equal(findStaticBusybox([process.execPath, join(ROOT, 'no-such-file')]), undefined);
      const busybox = spawnSync('sh', ['-c', 'command -v busybox'], { encoding: 'utf8' }).stdout.trim();
      if (busybox === '') return;
      const statically = spawnSync('file', ['-L', busybox], { encoding: 'utf8' }).stdout;
      if (/statically linked|static-pie/.test(statically))
        assert.equal(findStaticBusybox([process.execPath, busybox]), busybox);
    });

    it('looks in the usual places, then on PATH', () => {
      assert.deepEqual(busyboxCandidates('/opt/bin:/bin'), [
        '/bin/busybox',
        '/usr/bin/busybox',
        '/usr/local/bin/busybox',
        '/opt/bin/busybox',
      ]);
      assert.deepEqual(busyboxCandidates(undefined), ['/bin/busybox', '/usr/bin/busybox', '/usr/local/bin/busybox']);
    });
  });
});

describe('the package', () => {
  it('vsce packs the translations, the walkthrough pages and the example, without a busybox binary', () => {
    const placed = join(EXAMPLE, 'busybox');
    const hadBusybox = existsSync(placed);
    if (!hadBusybox) writeFileSync(placed, 'a stand-in: the real one is never packed');
    try {
      const listed = spawnSync(
        process.execPath,
        [join(ROOT, 'node_modules', '@vscode', 'vsce', 'vsce'), 'ls', '--no-dependencies'],
        { cwd: ROOT, encoding: 'utf8' },
      );
      assert.equal(listed.status, 0, listed.stderr);
      const files = new Set(listed.stdout.split('\n').map((line) => line.trim()));
      const expected = [
        'package.nls.json',
        'package.nls.ko.json',
        'l10n/bundle.l10n.ko.json',
        ...readdirSync(join(ROOT, 'media', 'walkthrough')).map((file) => `media/walkthrough/${file}`),
        `examples/${EXAMPLE_FOLDER}/Dockerfile`,
        `examples/${EXAMPLE_FOLDER}/.dockerignore`,
        `examples/${EXAMPLE_FOLDER}/src/index.html`,
        `examples/${EXAMPLE_FOLDER}.ko/Dockerfile`,
      ];
      assert.deepEqual(
        expected.filter((file) => !files.has(file)),
        [],
      );
      assert.ok(!files.has(`examples/${EXAMPLE_FOLDER}/busybox`));
    } finally {
      if (!hadBusybox) rmSync(placed);
    }
  });
});
