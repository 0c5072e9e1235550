// Quick fixes of the best-practice rules, through LSP: codeAction -> apply the edit -> didChange
// -> the diagnostic is gone.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { LspClient } from '../helpers/lspClient';
import { applyEdits, type TextEditLike } from '../helpers/textEdits';

interface CodeAction {
  title: string;
  edit?: { documentChanges?: { edits: TextEditLike[] }[] };
}

const CASES: { code: string; text: string; fixed: string }[] = [
  {
    code: 'AptGetInstallWithoutYes',
    text:
      'FROM debian:12\nRUN apt-get update \\\n  && apt-get install --no-install-recommends curl \\\n' +
      '  && rm -rf /var/lib/apt/lists/*\n',
    fixed:
      'FROM debian:12\nRUN apt-get update \\\n  && apt-get install -y --no-install-recommends curl \\\n' +
      '  && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    code: 'AptGetInstallWithoutNoInstallRecommends',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y curl && rm -rf /var/lib/apt/lists/*\n',
    fixed:
      'FROM debian:12\n' +
      'RUN apt-get update && apt-get install --no-install-recommends -y curl && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    code: 'AptListsNotCleaned',
    text: 'FROM debian:12\nRUN apt-get update && apt-get install -y --no-install-recommends curl\n',
    fixed:
      'FROM debian:12\n' +
      'RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/*\n',
  },
  {
    code: 'AptInsteadOfAptGet',
    text: 'FROM debian:12\nRUN apt full-upgrade -y\n',
    fixed: 'FROM debian:12\nRUN apt-get dist-upgrade -y\n',
  },
  {
    code: 'ApkAddWithoutNoCache',
    text: 'FROM alpine:3.20\nRUN apk add curl\n',
    fixed: 'FROM alpine:3.20\nRUN apk add --no-cache curl\n',
  },
  {
    code: 'PipInstallWithoutNoCacheDir',
    text: 'FROM python:3.12\nRUN pip install flask==3.0.0\n',
    fixed: 'FROM python:3.12\nRUN pip install --no-cache-dir flask==3.0.0\n',
  },
  {
    code: 'YumInstallWithoutYes',
    text: 'FROM fedora:40\nRUN dnf install httpd && dnf clean all\n',
    fixed: 'FROM fedora:40\nRUN dnf install -y httpd && dnf clean all\n',
  },
  {
    code: 'ZypperWithoutNonInteractive',
    text: 'FROM opensuse/leap:15.6\nRUN zypper install curl && zypper clean --all\n',
    fixed: 'FROM opensuse/leap:15.6\nRUN zypper install -y curl && zypper clean --all\n',
  },
  {
    code: 'ServerStartedInRun',
    text: 'FROM node:22\nRUN npm ci \\\n  && npm start\n',
    fixed: 'FROM node:22\nRUN npm ci\nCMD ["npm", "start"]\n',
  },
  {
    code: 'AddInsteadOfCopy',
    text: 'FROM debian:12\nadd app.py /app/\n',
    fixed: 'FROM debian:12\ncopy app.py /app/\n',
  },
];

let client: LspClient;
before(async () => {
  client = await LspClient.start({ transport: 'in-process' });
});
after(async () => {
  await client.stop();
});

describe('best-practice quick fixes over LSP', () => {
  CASES.forEach(({ code, text, fixed }, index) => {
    test(`${code}: the fix applies and the diagnostic goes away`, async () => {
      const uri = `file:///fixes/${index}/Dockerfile`;
      const opened = await client.open(uri, text);
      const diagnostic = opened.diagnostics.find((d) => d.code === code);
      assert.ok(diagnostic, `${code} not reported: ${JSON.stringify(opened.diagnostics.map((d) => d.code))}`);
      const actions = await client.request<CodeAction[]>('textDocument/codeAction', {
        textDocument: { uri },
        range: diagnostic.range,
        context: { diagnostics: [diagnostic], only: ['quickfix'] },
      });
      const edits = actions[0]?.edit?.documentChanges?.[0]?.edits;
      assert.ok(edits, `no quick fix for ${code}`);
      const next = applyEdits(text, edits);
      assert.equal(next, fixed);
      const changed = await client.change(uri, 2, [{ text: next }]);
      assert.deepEqual(
        changed.diagnostics.filter((d) => d.code === code),
        [],
      );
    });
  });
});
