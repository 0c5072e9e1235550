// BuildKit check ConsistentInstructionCasing: every instruction keyword in the same case as
// the majority (upper when tied). Mixed-case keywords never match. Global ARGs are not counted.
import type { DocumentRule, Finding } from '../rule';
import type { Stage } from '../../model';
import { buildCheckDocs, fix, replace, text } from '../support';
import { defineMessages } from '../messages';

const messages = defineMessages({
  shouldBeLowercase: {
    en: (p: { word: string; wanted: string }) =>
      `"${p.word}" should be lowercase like most instructions in this file: ${p.wanted}.`,
    ko: (p) => `"${p.word}"는 이 파일의 다른 명령어들처럼 소문자(${p.wanted})로 씁니다.`,
  },
  shouldBeUppercase: {
    en: (p: { word: string; wanted: string }) =>
      `"${p.word}" should be uppercase like most instructions in this file: ${p.wanted}.`,
    ko: (p) => `"${p.word}"는 이 파일의 다른 명령어들처럼 대문자(${p.wanted})로 씁니다.`,
  },
});

// Keywords are ASCII: a character-class test avoids building case-converted copies.
function hasLetterIn(word: string, first: number, last: number): boolean {
  for (let i = 0; i < word.length; i++) {
    const code = word.charCodeAt(i);
    if (code >= first && code <= last) return true;
  }
  return false;
}

const isLower = (word: string): boolean => !hasLetterIn(word, 65, 90);
const isUpper = (word: string): boolean => !hasLetterIn(word, 97, 122);

/** How many keywords of a stage are written in lower, upper and mixed case. */
function countCasing(stage: Stage): { lower: number; upper: number; mixed: number } {
  const counts = { lower: 0, upper: 0, mixed: 0 };
  for (const instruction of stage.instructions) {
    const word = instruction.keywordRaw;
    if (isLower(word)) counts.lower++;
    else if (isUpper(word)) counts.upper++;
    else counts.mixed++;
  }
  return counts;
}

export const ConsistentInstructionCasing: DocumentRule = {
  code: 'ConsistentInstructionCasing',
  kind: 'build-check',
  scope: 'document',
  severity: 'warning',
  docs: buildCheckDocs('consistent-instruction-casing'),
  description: text('All instructions should use the same casing.', '모든 명령어는 같은 대소문자로 씁니다.'),
  messages,
  category: 'buildkit',
  equivalents: [{ tool: 'buildkit', id: 'ConsistentInstructionCasing' }],
  examples: {
    invalid: [{ dockerfile: 'FROM alpine\nrun true\nCMD ["a"]\n', range: '1:0-1:3' }],
    valid: ['from alpine\nrun true\n'],
  },
  check({ tree, facts, stageSummaries }) {
    let lower = 0;
    let upper = 0;
    let mixed = 0;
    for (const counts of stageSummaries(countCasing)) {
      lower += counts.lower;
      upper += counts.upper;
      mixed += counts.mixed;
    }
    const majorityLower = lower > upper;
    if ((majorityLower ? upper : lower) + mixed === 0) return [];
    const instructions = tree.instructions.slice(facts.globalInstructions.length);
    const findings: Finding[] = [];
    for (const instruction of instructions) {
      const word = instruction.keywordRaw;
      if (majorityLower ? isLower(word) : isUpper(word)) continue;
      const wanted = majorityLower ? word.toLowerCase() : word.toUpperCase();
      findings.push({
        range: instruction.keywordRange,
        message: majorityLower
          ? messages.shouldBeLowercase({ word, wanted })
          : messages.shouldBeUppercase({ word, wanted }),
        fixes: [fix(`Write ${wanted}`, `${wanted}로 바꾸기`, [replace(instruction.keywordRange, wanted)])],
      });
    }
    return findings;
  },
};
