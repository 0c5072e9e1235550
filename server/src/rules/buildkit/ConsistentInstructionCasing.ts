// BuildKit check ConsistentInstructionCasing: every instruction keyword in the same case as
// the majority (upper when tied). Mixed-case keywords never match. Global ARGs are not counted.
import type { DocumentRule, Finding } from '../rule';
import { buildCheckDocs, fix, replace, text } from '../support';

// Keywords are ASCII: a character-class test avoids building case-converted copies.
const isLower = (word: string): boolean => !/[A-Z]/.test(word);
const isUpper = (word: string): boolean => !/[a-z]/.test(word);

export const ConsistentInstructionCasing: DocumentRule = {
  code: 'ConsistentInstructionCasing',
  kind: 'build-check',
  scope: 'document',
  severity: 'warning',
  docs: buildCheckDocs('consistent-instruction-casing'),
  description: text('All instructions should use the same casing.', '모든 명령어는 같은 대소문자로 씁니다.'),
  check({ tree }) {
    const firstFrom = tree.instructions.findIndex((instruction) => instruction.keyword === 'FROM');
    const instructions = firstFrom < 0 ? [] : tree.instructions.slice(firstFrom);
    let lower = 0;
    let upper = 0;
    for (const instruction of instructions) {
      const word = instruction.keywordRaw;
      if (isLower(word)) lower++;
      else if (isUpper(word)) upper++;
    }
    const majorityLower = lower > upper;
    const findings: Finding[] = [];
    for (const instruction of instructions) {
      const word = instruction.keywordRaw;
      if (majorityLower ? isLower(word) : isUpper(word)) continue;
      const wanted = majorityLower ? word.toLowerCase() : word.toUpperCase();
      findings.push({
        range: instruction.keywordRange,
        message: majorityLower
          ? text(`"${word}" should be lowercase like most instructions in this file: ${wanted}.`, `"${word}"는 이 파일의 다른 명령어들처럼 소문자(${wanted})로 씁니다.`)
          : text(`"${word}" should be uppercase like most instructions in this file: ${wanted}.`, `"${word}"는 이 파일의 다른 명령어들처럼 대문자(${wanted})로 씁니다.`),
        fixes: [fix(`Write ${wanted}`, `${wanted}로 바꾸기`, [replace(instruction.keywordRange, wanted)])],
      });
    }
    return findings;
  },
};
