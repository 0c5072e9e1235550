// An image that runs a service but says nothing about how to tell it is healthy: Docker and
// Swarm then only know whether the process is alive, not whether it still answers. Off by
// default: Kubernetes ignores HEALTHCHECK (it has its own probes), and many images rightly skip it.
import type { Stage } from '../../model';
import type { Instruction } from '../../parser';
import { defineMessages } from '../messages';
import type { DocumentRule } from '../rule';
import { referenceDocs } from '../support';

const messages = defineMessages({
  noHealthcheck: {
    en: () =>
      'The image runs a service but has no HEALTHCHECK, so Docker only knows whether its process is running, not ' +
      'whether it still works. Add a HEALTHCHECK, or HEALTHCHECK NONE to say it has none on purpose.',
    ko: () =>
      '이미지가 서비스를 실행하지만 HEALTHCHECK가 없어 Docker는 프로세스가 떠 있는지만 알고 제대로 동작하는지는 모릅니다. ' +
      'HEALTHCHECK를 추가하거나, 일부러 두지 않는다면 HEALTHCHECK NONE을 적으세요.',
  },
});

/** Whether the stage or a stage it builds on sets a HEALTHCHECK (NONE included). */
function setsHealthcheck(stage: Stage): boolean {
  if (stage.instructions.some((instruction: Instruction) => instruction.keyword === 'HEALTHCHECK')) return true;
  return stage.baseStage ? stage.baseStage.summary(setsHealthcheck) : false;
}

export const missingHealthcheck: DocumentRule = {
  scope: 'document',
  code: 'MissingHealthcheck',
  severity: 'info',
  offByDefault: true,
  docs: referenceDocs('healthcheck'),
  description: {
    en: 'The final stage runs a service (it or its base image EXPOSEs a port) but sets no HEALTHCHECK.',
    ko: '마지막 스테이지가 서비스를 실행하지만(스테이지나 베이스 이미지가 EXPOSE로 포트를 엶) HEALTHCHECK를 설정하지 않습니다.',
  },
  messages,
  category: 'best-practice',
  equivalents: [
    {
      tool: 'hadolint',
      id: 'DL3057',
      note: 'fires whenever the final stage and its bases have no HEALTHCHECK, with or without EXPOSE',
    },
    {
      tool: 'droast',
      id: 'DF012',
      note: 'also when there is only a CMD, and looks for HEALTHCHECK anywhere in the file',
    },
  ],
  examples: {
    invalid: [
      { dockerfile: 'FROM nginx:1.27\nEXPOSE 80\nCMD ["nginx", "-g", "daemon off;"]\n', range: '0:0-0:15' },
      // nginx's config exposes 80 and has no HEALTHCHECK (its recorded facts).
      { dockerfile: 'FROM nginx:1.27\nCOPY site /usr/share/nginx/html\n', range: '0:0-0:15' },
    ],
    valid: [
      'FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n' +
        'CMD ["nginx", "-g", "daemon off;"]\n',
      'FROM node:22\nCMD ["node"]\n',
      'FROM example.com/web:1\nCOPY site /srv\n',
    ],
  },
  check({ stages }) {
    const final = stages[stages.length - 1];
    if (!final) return [];
    // A port it listens on is what tells a service from a tool or a language runtime (CMD ["node"]);
    // the base image's ports count when its config is known to have no HEALTHCHECK of its own.
    const image = final.handsDown.image;
    if (image?.healthcheck) return [];
    const inheritedPorts = image?.healthcheck === false ? image.exposedPorts.length : 0;
    if (final.handsDown.exposedPorts.length + inheritedPorts === 0 || final.summary(setsHealthcheck)) return [];
    return [{ range: final.from.range, instruction: final.from, message: messages.noHealthcheck() }];
  },
};
