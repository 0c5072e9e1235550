// The base image's inlay hints in both languages, from the recorded facts: after FROM the user,
// working directory and command; after an ENTRYPOINT that resets the inherited CMD, that it does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AnalysedDocument } from '../../core/src/engine/analysedDocument';
import type { Language } from '../../core/src/engine/language';
import { parseText } from '../../core/src/parser';
import { baseImageHints } from '../../server/src/service/baseImageHints';

const labels = (text: string, language: Language): string[] => {
  const document = new AnalysedDocument('file:///hints/Dockerfile', 1, text, parseText(text));
  return baseImageHints(document, 0, 100, language).map((hint) => `${hint.position.line}:${String(hint.label)}`);
};

const TEXT = 'FROM python:3.14-slim AS base\nENTRYPOINT ["/app/run"]\nFROM base\nENTRYPOINT ["/other"]\n';

test('after FROM and after an ENTRYPOINT that resets a CMD, in English and Korean', () => {
  assert.deepEqual(labels(TEXT, 'en'), ['0:user root, in /, runs python3', '1:CMD from the base image is reset']);
  assert.deepEqual(labels(TEXT, 'ko'), [
    '0:사용자 root, 작업 디렉터리 /, 실행 python3',
    '1:베이스 이미지의 CMD가 지워짐',
  ]);
});

test('a CMD set in the base stage is reset too; nothing on images whose config is not known', () => {
  assert.deepEqual(labels('FROM scratch AS a\nCMD ["/a"]\nFROM a\nENTRYPOINT ["/b"]\n', 'en'), [
    '3:CMD from the base stage is reset',
  ]);
  assert.deepEqual(labels('FROM example.com/app:1\nENTRYPOINT ["/b"]\n', 'en'), []);
  assert.deepEqual(labels('FROM node:22\nCMD ["x"]\nENTRYPOINT ["/b"]\n', 'en'), [
    '0:user root, in /, runs docker-entrypoint.sh node',
  ]);
});
