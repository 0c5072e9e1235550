// ENTRYPOINT in a stage resets the CMD the stage inherited (from its base image or base stage) to
// nothing, unless the stage set a CMD before it: a surprise for learners who expect `FROM node:22`
// plus `ENTRYPOINT ["docker-entrypoint.sh"]` to keep running `node`. Reported only when the
// inherited CMD is known and not empty, and no CMD follows in the stage.
import { cmdInEffect, UNKNOWN } from '../../model/runConfig';
import type { Instruction } from '../../parser';
import { defineMessages } from '../messages';
import type { Finding, StageRule } from '../rule';
import { referenceDocs } from '../support';

const messages = defineMessages({
  resets: {
    en: (p: { cmd: string; from: string }) =>
      `This ENTRYPOINT resets the CMD inherited from ${p.from} (${p.cmd}): the image has no CMD unless the stage ` +
      'sets one after it.',
    ko: (p) =>
      `이 ENTRYPOINT는 ${p.from}에서 물려받은 CMD(${p.cmd})를 지웁니다. 스테이지가 뒤에 CMD를 다시 정하지 않으면 ` +
      '이미지에 CMD가 없습니다.',
  },
});

const FROM_BASE_IMAGE = { en: 'the base image', ko: '베이스 이미지' };
const FROM_BASE_STAGE = { en: 'the base stage', ko: '바탕 스테이지' };

export const entrypointResetsCmd: StageRule = {
  scope: 'stage',
  code: 'EntrypointResetsCmd',
  severity: 'info',
  docs: referenceDocs('understand-how-cmd-and-entrypoint-interact'),
  description: {
    en: 'Setting ENTRYPOINT resets a CMD the stage inherited; set the CMD again after it if the image needs one.',
    ko: 'ENTRYPOINT를 정하면 스테이지가 물려받은 CMD가 지워집니다. 이미지에 CMD가 필요하면 그 뒤에 다시 정하세요.',
  },
  messages,
  category: 'best-practice',
  equivalents: [],
  examples: {
    invalid: [
      { dockerfile: 'FROM node:22\nENTRYPOINT ["/app/start.sh"]\n', range: '1:0-1:28' },
      { dockerfile: 'FROM scratch AS base\nCMD ["/serve"]\nFROM base\nENTRYPOINT ["/init"]\n', range: '3:0-3:20' },
    ],
    valid: [
      'FROM node:22\nENTRYPOINT ["/app/start.sh"]\nCMD ["node"]\n',
      'FROM node:22\nCMD ["server.js"]\nENTRYPOINT ["node"]\n',
      'FROM gcr.io/distroless/static-debian12:nonroot\nENTRYPOINT ["/app"]\n',
      'FROM example.com/unknown:1\nENTRYPOINT ["/app"]\n',
    ],
  },
  check(stage, model) {
    let cmdInStage = false;
    let found: Finding[] = [];
    for (const instruction of stage.instructions) {
      if (instruction.keyword === 'CMD') {
        cmdInStage = true;
        // A CMD after the ENTRYPOINT sets what the image runs again: nothing is lost.
        found = [];
      }
      if (instruction.keyword !== 'ENTRYPOINT' || cmdInStage) continue;
      const inherited = cmdInEffect(stage.before(instruction), model);
      if (inherited === UNKNOWN || inherited === undefined || inherited.argv.length === 0) continue;
      found.push(finding(instruction, inherited.argv, inherited.setBy === undefined));
    }
    return found;
  },
};

function finding(instruction: Instruction, argv: readonly string[], fromImage: boolean): Finding {
  const from = fromImage ? FROM_BASE_IMAGE : FROM_BASE_STAGE;
  const cmd = JSON.stringify(argv);
  return {
    range: instruction.range,
    instruction,
    message: {
      en: messages.resets({ cmd, from: from.en }).en,
      ko: messages.resets({ cmd, from: from.ko }).ko,
    },
  };
}
