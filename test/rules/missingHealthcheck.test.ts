// MissingHealthcheck: the final stage EXPOSEs a port (a service) and neither it nor a stage it
// builds on sets HEALTHCHECK. HEALTHCHECK NONE counts as a decision; builder stages do not matter.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { missingHealthcheck } from '../../core/src/rules/bestPractice/missingHealthcheck';
import { ranges, runRule } from '../helpers/ruleHarness';

const fires = (text: string): string[] => ranges(runRule(missingHealthcheck, text));

test('a service without a HEALTHCHECK fires on the final FROM', () => {
  assert.deepEqual(fires('FROM golang:1.23 AS build\nRUN go build\nFROM alpine:3.20\nEXPOSE 8080\n'), ['2:0-2:16']);
  // A HEALTHCHECK in a builder stage does not reach the image.
  assert.deepEqual(fires('FROM alpine:3.20 AS build\nHEALTHCHECK NONE\nFROM alpine:3.20\nEXPOSE 80\n'), ['2:0-2:16']);
});

test('a HEALTHCHECK here or in a base stage, HEALTHCHECK NONE, or no port stay quiet', () => {
  for (const text of [
    'FROM alpine:3.20\nEXPOSE 80\nHEALTHCHECK CMD wget -q --spider http://localhost/\n',
    'FROM alpine:3.20\nEXPOSE 80\nHEALTHCHECK NONE\n',
    'FROM alpine:3.20 AS base\nHEALTHCHECK CMD true\nFROM base\nEXPOSE 80\n',
    'FROM python:3.12\nCMD ["python3"]\n',
  ])
    assert.deepEqual(fires(text), [], text);
});
