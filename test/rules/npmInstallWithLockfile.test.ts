// NpmInstallWithLockfile: npm install after the stage copied a lockfile, where npm ci fits.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import { npmInstallWithLockfile } from '../../core/src/rules/bestPractice/npmInstallWithLockfile';
import { initShellParser } from '../../core/src/shell';
import { fixed, ranges, runRule } from '../helpers/ruleHarness';

before(() => initShellParser());

const stage = (copy: string, command: string): string => `FROM node:22\nWORKDIR /app\n${copy}\nRUN ${command}\n`;

describe('NpmInstallWithLockfile', () => {
  test('fires on npm install after a lockfile is copied by name or by pattern', () => {
    for (const copy of ['COPY package.json package-lock.json ./', 'COPY package*.json ./', 'ADD npm-shrinkwrap.json .'])
      for (const command of ['npm install', 'npm i --omit=dev', 'npm install --no-audit'])
        assert.equal(runRule(npmInstallWithLockfile, stage(copy, command)).length, 1, `${copy} / ${command}`);
  });

  test('stays quiet without a copied lockfile, on named packages, -g, and lockfiles from other stages', () => {
    const quiet = [
      stage('COPY package.json ./', 'npm install'),
      stage('COPY package-lock.json ./', 'npm install left-pad@1.3.0'),
      stage('COPY package-lock.json ./', 'npm install -g pnpm@9'),
      stage('COPY package-lock.json ./', 'npm ci'),
      stage('COPY --from=deps /app/package-lock.json ./', 'npm install'),
      'FROM node:22\nRUN npm install\nCOPY package-lock.json ./\n',
    ];
    for (const text of quiet) assert.deepEqual(ranges(runRule(npmInstallWithLockfile, text)), [], text);
  });

  test('source patterns match as COPY matches them, and many stars do not make it backtrack', () => {
    assert.equal(runRule(npmInstallWithLockfile, stage('COPY package*.json ./', 'npm install')).length, 1);
    assert.equal(runRule(npmInstallWithLockfile, stage('COPY p?ckage-lock.json ./', 'npm i')).length, 1);
    // A backtracking matcher tries every way to place 40 stars over the lockfile names.
    const stars = stage(`COPY ${'*a'.repeat(40)}*z ./`, 'npm install');
    assert.deepEqual(ranges(runRule(npmInstallWithLockfile, stars)), []);
  });

  test('names the COPY and replaces install with ci', () => {
    const text = stage('COPY package.json package-lock.json ./', 'npm install && npm run build');
    const [finding] = runRule(npmInstallWithLockfile, text);
    assert.deepEqual(ranges([finding!]), ['3:4-3:15']);
    assert.deepEqual(ranges(finding!.related!), ['2:0-2:38']);
    assert.equal(fixed(text, finding), stage('COPY package.json package-lock.json ./', 'npm ci && npm run build'));
  });
});
