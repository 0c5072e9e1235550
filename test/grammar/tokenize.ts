// Tokenizes Dockerfile text with our grammar (and the shell grammar it embeds), the way
// VS Code does (vscode-textmate + oniguruma). Used by grammar.test.ts; also a debugging aid:
//   node --import tsx test/grammar/tokenize.ts path/to/Dockerfile
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

import * as oniguruma from 'vscode-oniguruma';
import * as textmate from 'vscode-textmate';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

export const GRAMMAR_FILE = join(root, 'syntaxes', 'dockerfile.tmLanguage.json');
/** The shell grammar VS Code ships (via the tm-grammars package, MIT), for `source.shell`. */
export const SHELL_GRAMMAR_FILE = require.resolve('tm-grammars/grammars/shellscript.json');

let registryPromise: Promise<textmate.Registry> | undefined;

function registry(): Promise<textmate.Registry> {
  registryPromise ??= (async () => {
    const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
    const files: Record<string, string> = {
      'source.dockerfile.layerwise': GRAMMAR_FILE,
      'source.shell': SHELL_GRAMMAR_FILE,
    };
    return new textmate.Registry({
      onigLib: Promise.resolve({
        createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
        createOnigString: (s: string) => new oniguruma.OnigString(s),
      }),
      loadGrammar: async (scopeName: string) => {
        const file = files[scopeName];
        return file ? textmate.parseRawGrammar(readFileSync(file, 'utf8'), file) : null;
      },
    });
  })();
  return registryPromise;
}

export interface Token {
  line: number;
  text: string;
  scopes: string[];
}

export async function tokenize(source: string): Promise<Token[]> {
  const grammar = await (await registry()).loadGrammar('source.dockerfile.layerwise');
  if (!grammar) throw new Error('grammar not found');
  const tokens: Token[] = [];
  let stack = textmate.INITIAL;
  source.split(/\r?\n/).forEach((lineText, line) => {
    const result = grammar.tokenizeLine(lineText, stack);
    for (const t of result.tokens)
      tokens.push({ line, text: lineText.slice(t.startIndex, t.endIndex), scopes: t.scopes });
    stack = result.ruleStack;
  });
  return tokens;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tokenize.ts FILE');
  void tokenize(readFileSync(file, 'utf8')).then((tokens) => {
    for (const t of tokens) console.log(`${t.line + 1}\t${JSON.stringify(t.text)}\t${t.scopes.slice(1).join(' ')}`);
  });
}
