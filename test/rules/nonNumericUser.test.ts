// NonNumericUser: the final stage's USER (set there or in a stage it builds on) is a name rather
// than a numeric UID. Numbers, root (FinalStageUserRoot's finding), variables and Windows images
// stay quiet.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nonNumericUser } from '../../core/src/rules/bestPractice/nonNumericUser';
import { ranges, runRule } from '../helpers/ruleHarness';

const fires = (text: string): string[] => ranges(runRule(nonNumericUser, text));

test('a named user in the final stage fires, also when a base stage set it', () => {
  assert.deepEqual(fires('FROM debian:12\nUSER app:app\n'), ['1:5-1:12']);
  assert.deepEqual(fires('FROM debian:12 AS base\nUSER app\nFROM base\nRUN true\n'), ['1:5-1:8']);
});

test('numbers, root, variables, builder stages and Windows images stay quiet', () => {
  for (const text of [
    'FROM debian:12\nUSER 10001\n',
    'FROM debian:12\nUSER 10001:10001\n',
    'FROM debian:12\nUSER root\n',
    'FROM debian:12\nARG APP_USER=app\nUSER $APP_USER\n',
    'FROM debian:12 AS build\nUSER app\nFROM debian:12\nUSER 10001\n',
    'FROM debian:12\n',
    'FROM mcr.microsoft.com/windows/nanoserver:ltsc2022\nUSER ContainerUser\n',
  ])
    assert.deepEqual(fires(text), [], text);
});
