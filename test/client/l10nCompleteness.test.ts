// Nothing exists in one language only. The manifest: every user-facing string of package.json is
// a "%key%" placeholder, and package.nls.json (English) and package.nls.ko.json (Korean) hold
// exactly those keys. The extension's messages: every t(...) in client/src (found by parsing the
// sources) takes a string literal that l10n/bundle.l10n.ko.json translates, and the bundle holds
// nothing else. The Korean follows core/docs/ko/GLOSSARY.markdown.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { nlsBundle, placeholderKey, placeholders, rawManifest, readJson, ROOT } from '../helpers/manifest';
import { koreanBundle } from '../helpers/translators';

const CLIENT_SOURCES = join(ROOT, 'client', 'src');
// The translator modules pass messages on (`vscode.l10n.t(message, ...args)`); everyone else calls t
// with a literal.
const TRANSLATOR_MODULES = new Set(['client/src/l10n/displayLanguage.ts', 'client/src/l10n/translator.ts']);

function sourceFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory()
        ? sourceFiles(join(folder, entry.name))
        : entry.name.endsWith('.ts')
          ? [join(folder, entry.name)]
          : [],
    )
    .sort();
}

interface MessageUse {
  readonly message: string | undefined;
  readonly where: string;
}

/**
 * The text of a string literal, or of literals joined with `+` (long messages are split to keep lines
 * at 120 characters); undefined for anything computed.
 */
function literalText(node: ts.Expression): string | undefined {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (ts.isParenthesizedExpression(node)) return literalText(node.expression);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const left = literalText(node.left);
    const right = literalText(node.right);
    return left === undefined || right === undefined ? undefined : left + right;
  }
  return undefined;
}

/**
 * Every call of a function named `t` (`t(...)`, `l10n.t(...)`, `vscode.l10n.t(...)`) in the client,
 * with its first argument when that is a literal.
 */
function messageUses(): MessageUse[] {
  const uses: MessageUse[] = [];
  for (const file of sourceFiles(CLIENT_SOURCES)) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.ES2022, true);
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const callee = node.expression;
        const name = ts.isIdentifier(callee)
          ? callee.text
          : ts.isPropertyAccessExpression(callee)
            ? callee.name.text
            : undefined;
        if (name === 't') {
          const first = node.arguments[0];
          const message = first === undefined ? undefined : literalText(first);
          const line = source.getLineAndCharacterOfPosition(node.getStart()).line + 1;
          const where = `${relative(ROOT, file).split('\\').join('/')}:${line}`;
          uses.push({ message, where });
        }
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return uses;
}

const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{\d+\}/g)].map((match) => match[0]).sort();
const codeSpansOf = (text: string): string[] => [...text.matchAll(/`[^`]+`/g)].map((match) => match[0]).sort();
const commandLinksOf = (text: string): string[] => [...text.matchAll(/\(command:[^)\s]+\)/g)].map((match) => match[0]);
const HANGUL = /[\uac00-\ud7a3]/;

describe('the manifest in English and Korean', () => {
  const manifest = rawManifest();
  const english = nlsBundle('en');
  const korean = nlsBundle('ko');
  const used = placeholders(manifest);

  it('every %key% of package.json has an English and a Korean text', () => {
    assert.ok(used.length > 50, `only ${used.length} placeholders`);
    assert.deepEqual(
      used.filter(({ key }) => english[key] === undefined).map(({ path, key }) => `${path}: ${key}`),
      [],
      'missing from package.nls.json',
    );
    assert.deepEqual(
      used.filter(({ key }) => korean[key] === undefined).map(({ path, key }) => `${path}: ${key}`),
      [],
      'missing from package.nls.ko.json',
    );
  });

  it('the nls files hold no key package.json does not use, and the same keys', () => {
    const keys = new Set(used.map(({ key }) => key));
    assert.deepEqual(
      Object.keys(english).filter((key) => !keys.has(key)),
      [],
      'stale keys in package.nls.json',
    );
    assert.deepEqual(
      Object.keys(korean).filter((key) => !keys.has(key)),
      [],
      'stale keys in package.nls.ko.json',
    );
    assert.deepEqual(Object.keys(korean).sort(), Object.keys(english).sort());
  });

  it('every user-facing string of package.json is a placeholder', () => {
    type Entry = Record<string, unknown>;
    const contributes = manifest.contributes as {
      commands: Entry[];
      configuration: { properties: Record<string, Entry> };
      taskDefinitions: Array<{ properties: Record<string, Entry> }>;
      walkthroughs?: Array<Entry & { steps: Entry[] }>;
    };
    const texts: Array<[string, unknown]> = [
      ['description', manifest.description],
      [
        'capabilities.untrustedWorkspaces.description',
        (manifest.capabilities as { untrustedWorkspaces: Entry }).untrustedWorkspaces.description,
      ],
      ...contributes.commands.map((command): [string, unknown] => [
        `command ${String(command.command)}`,
        command.title,
      ]),
      ...Object.entries(contributes.configuration.properties).flatMap(([key, property]) =>
        [
          'description',
          'markdownDescription',
          'enumDescriptions',
          'markdownEnumDescriptions',
          'deprecationMessage',
          'markdownDeprecationMessage',
        ]
          .filter((field) => field in property)
          .flatMap((field): Array<[string, unknown]> => {
            const value = property[field];
            return Array.isArray(value)
              ? value.map((item, index): [string, unknown] => [`${key} ${field}[${index}]`, item])
              : [[`${key} ${field}`, value]];
          }),
      ),
      ...contributes.taskDefinitions.flatMap((definition) =>
        Object.entries(definition.properties).map(([name, property]): [string, unknown] => [
          `task property ${name}`,
          property.description,
        ]),
      ),
      ...(contributes.walkthroughs ?? []).flatMap((walkthrough) => [
        [`walkthrough ${String(walkthrough.id)} title`, walkthrough.title] as [string, unknown],
        [`walkthrough ${String(walkthrough.id)} description`, walkthrough.description] as [string, unknown],
        ...walkthrough.steps.flatMap(
          (step): Array<[string, unknown]> => [
            [`step ${String(step.id)} title`, step.title],
            [`step ${String(step.id)} description`, step.description],
          ],
        ),
      ]),
    ];
    assert.ok(texts.length > 60);
    assert.deepEqual(
      texts
        .filter(([, value]) => value !== undefined && placeholderKey(value) === undefined)
        .map(([where, value]) => `${where}: ${JSON.stringify(value)}`),
      [],
    );
  });

  it('each Korean text keeps the English placeholders, code and command links, and is Korean', () => {
    const problems: string[] = [];
    for (const [key, text] of Object.entries(english)) {
      const translated = korean[key] ?? '';
      if (!HANGUL.test(translated)) problems.push(`${key}: not Korean`);
      if (placeholdersOf(translated).join() !== placeholdersOf(text).join()) problems.push(`${key}: placeholders`);
      if (codeSpansOf(translated).join() !== codeSpansOf(text).join()) problems.push(`${key}: inline code`);
      if (commandLinksOf(translated).join() !== commandLinksOf(text).join()) problems.push(`${key}: command links`);
    }
    assert.deepEqual(problems, []);
  });
});

describe("the extension's messages in English and Korean", () => {
  const uses = messageUses();

  it('every t(...) outside the translator modules takes a string literal (so it can be found and translated)', () => {
    assert.ok(uses.length > 100, `only ${uses.length} messages found`);
    assert.deepEqual(
      uses
        .filter((use) => use.message === undefined && !TRANSLATOR_MODULES.has(use.where.split(':')[0] ?? ''))
        .map((use) => use.where),
      [],
    );
  });

  it('every message has a Korean translation in l10n/bundle.l10n.ko.json', () => {
    const missing = uses
      .filter((use) => use.message !== undefined && koreanBundle[use.message] === undefined)
      .map((use) => `${use.where}: ${use.message}`);
    assert.deepEqual(missing, []);
  });

  it('the bundle holds no message the sources no longer use', () => {
    const messages = new Set(uses.map((use) => use.message));
    assert.deepEqual(
      Object.keys(koreanBundle).filter((message) => !messages.has(message)),
      [],
    );
  });

  it('each translation keeps the placeholders of its message and is Korean', () => {
    const problems: string[] = [];
    for (const [message, translated] of Object.entries(koreanBundle)) {
      if (typeof translated !== 'string') problems.push(`${message}: not a string`);
      else if (!HANGUL.test(translated)) problems.push(`${message}: not Korean`);
      else if (placeholdersOf(translated).join() !== placeholdersOf(message).join())
        problems.push(`${message}: placeholders ${placeholdersOf(translated).join()}`);
    }
    assert.deepEqual(problems, []);
  });

  it('package.json points VS Code at the bundles', () => {
    assert.equal(rawManifest().l10n, './l10n');
  });
});

/** The glossary's term table: the terms to use and the ones not to. */
function glossaryRows(): Array<{ preferred: string[]; rejected: string[] }> {
  const glossary = readFileSync(join(ROOT, 'core', 'docs', 'ko', 'GLOSSARY.markdown'), 'utf8');
  const terms = (cell: string | undefined): string[] =>
    (cell ?? '')
      .split(',')
      .map((term) => term.trim())
      .filter(Boolean);
  return glossary
    .slice(glossary.indexOf('## 용어'))
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*(---|영어)/.test(line))
    .map((line) => {
      const cells = line
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return { preferred: terms(cells[1]), rejected: terms(cells[2]) };
    });
}

/** Every Korean text of the extension outside the hover docs: messages, manifest, walkthrough pages, the example. */
function koreanTexts(): Map<string, string> {
  const texts = new Map<string, string>();
  for (const [message, translated] of Object.entries(koreanBundle))
    texts.set(`l10n/bundle.l10n.ko.json "${message}"`, translated);
  for (const [key, translated] of Object.entries(nlsBundle('ko'))) texts.set(`package.nls.ko.json ${key}`, translated);
  for (const file of readdirSync(join(ROOT, 'media', 'walkthrough')).filter((name) => name.endsWith('.nls.ko.md'))) {
    texts.set(`media/walkthrough/${file}`, readFileSync(join(ROOT, 'media', 'walkthrough', file), 'utf8'));
  }
  for (const file of readdirSync(join(ROOT, 'examples', 'learn-docker.ko'))) {
    texts.set(
      `examples/learn-docker.ko/${file}`,
      readFileSync(join(ROOT, 'examples', 'learn-docker.ko', file), 'utf8'),
    );
  }
  return texts;
}

/** Prose only: fenced code blocks and inline code are not Korean text. */
const prose = (text: string): string => text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ');

describe('the Korean follows core/docs/ko/GLOSSARY.markdown', () => {
  it('uses none of the terms the glossary rejects', () => {
    const rows = glossaryRows();
    assert.ok(rows.length >= 15);
    const preferred = rows.flatMap((row) => row.preferred).sort((a, b) => b.length - a.length);
    const problems: string[] = [];
    for (const [name, text] of koreanTexts()) {
      // A preferred term may contain a rejected one ("소스 코드" contains "소스"): remove those first.
      let rest = prose(text);
      for (const term of preferred) rest = rest.split(term).join(' ');
      for (const row of rows)
        for (const term of row.rejected)
          if (rest.includes(term)) problems.push(`${name}: "${term}" (use ${row.preferred.join(', ')})`);
    }
    assert.deepEqual(problems, []);
  });

  it('states in 합니다체 and advises with ~하세요, never ~하십시오 or ~할 것', () => {
    const problems: string[] = [];
    for (const [name, text] of koreanTexts()) {
      for (const pattern of [/십시오/, /할 것\./, /하라\./, /해라\./, /합시다/, /한다\./, /된다\./])
        if (pattern.test(prose(text))) problems.push(`${name}: ${String(pattern)}`);
    }
    assert.deepEqual(problems, []);
  });
});

// The JSON files parse (a syntax error would make every test above fail with a less clear message).
it('the translation files are JSON objects of strings', () => {
  for (const file of ['package.nls.json', 'package.nls.ko.json', 'l10n/bundle.l10n.ko.json']) {
    const value = readJson<Record<string, unknown>>(file);
    assert.ok(
      Object.values(value).every((item) => typeof item === 'string'),
      file,
    );
  }
});
