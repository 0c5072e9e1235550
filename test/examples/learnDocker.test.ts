// The walkthrough's example (examples/learn-docker) shows what its steps promise, checked against
// the real language server: no errors; the shell-form CMD is the diagnostic to fix, with a quick
// fix to exec form; and "Reorder the Build Stage" changes the layer hints the way the step says.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { applyLineEdit, instructionLine, reorderForCache } from '../../client/src/walkthrough/exampleDockerfile';
import { LspClient } from '../helpers/lspClient';

const EXAMPLE = resolve(__dirname, '../../examples/learn-docker');
const ERROR = 1;
const WHOLE = { start: { line: 0, character: 0 }, end: { line: 1000, character: 0 } };

interface Hint {
  position: { line: number; character: number };
  label: string | Array<{ value: string }>;
}
interface TextEdit {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  newText: string;
}
interface CodeAction {
  title: string;
  edit?: { documentChanges?: Array<{ edits: TextEdit[] }>; changes?: Record<string, TextEdit[]> };
}

const labelText = (hint: Hint): string =>
  typeof hint.label === 'string' ? hint.label : hint.label.map((part) => part.value).join('');

describe('examples/learn-docker', () => {
  let client: LspClient;
  before(async () => (client = await LspClient.start()));
  after(() => client.stop());

  const text = readFileSync(join(EXAMPLE, 'Dockerfile'), 'utf8');
  const cmdLine = instructionLine(text, 'CMD');

  it('has no errors, and the shell-form CMD is reported with a quick fix to exec form', async () => {
    const uri = pathToFileURL(join(EXAMPLE, 'Dockerfile')).href;
    const { diagnostics } = await client.open(uri, text);
    assert.deepEqual(
      diagnostics.filter((d) => d.severity === ERROR),
      [],
    );
    const cmd = diagnostics.find((d) => d.code === 'JSONArgsRecommended');
    assert.ok(cmd, JSON.stringify(diagnostics.map((d) => d.code)));
    assert.equal(cmd.range.start.line, cmdLine);
    const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range: cmd.range,
      context: { diagnostics: [cmd], only: ['quickfix'] },
    });
    const edits = actions.flatMap(
      (action) =>
        action.edit?.documentChanges?.flatMap((change) => change.edits) ??
        Object.values(action.edit?.changes ?? {}).flat(),
    );
    assert.ok(
      edits.some((edit) => edit.newText === '["httpd", "-f", "-p", "8080", "-h", "/www"]'),
      JSON.stringify(actions.map((action) => action.title)),
    );
  });

  it('after "Reorder the Build Stage" the install is rebuilt only when its manifest changes', async () => {
    const hintOn = async (uri: string, source: string, instruction: string): Promise<string> => {
      await client.open(uri, source);
      const line = source.split('\n').indexOf(instruction);
      const hints = await client.request<Hint[]>('textDocument/inlayHint', { textDocument: { uri }, range: WHOLE });
      return hints
        .filter((hint) => hint.position.line === line)
        .map(labelText)
        .join(' | ');
    };
    // Other names in the example's folder, so the build context (and its .dockerignore) is the example's.
    const before = await hintOn(pathToFileURL(join(EXAMPLE, 'before.Dockerfile')).href, text, 'COPY . .');
    assert.match(before, /rebuilt when any context file/);
    const edit = reorderForCache(text);
    assert.ok(edit);
    const reordered = applyLineEdit(text, edit);
    const manifestCopy = await hintOn(
      pathToFileURL(join(EXAMPLE, 'after.Dockerfile')).href,
      reordered,
      'COPY deps.txt install-deps.sh ./',
    );
    assert.match(manifestCopy, /rebuilt when deps\.txt, install-deps\.sh/);
  });
});
