// With `layerwise.diagnostics.allowedRegistries` set, every image the build pulls (FROM,
// COPY --from=<image>, RUN --mount=from=<image>) must come from one of those registries. Stages,
// `scratch` and references whose value depends on build arguments are left alone.
import type { Range } from '../../parser';
import { imageReferenceProblem } from '../imageReference';
import { imageRegistry, registryAllowed } from '../imageRegistry';
import { defineMessages } from '../messages';
import type { DocumentRule, Finding } from '../rule';
import { hasVariable, referenceDocs } from '../support';

const messages = defineMessages({
  notAllowed: {
    en: (p: { image: string; registry: string; allowed: string }) =>
      `${p.image} comes from ${p.registry}, which is not among the allowed registries (${p.allowed}).`,
    ko: (p) =>
      `${p.image}은(는) ${p.registry}에서 가져오는데, 이 레지스트리는 허용된 레지스트리(${p.allowed})에 없습니다.`,
  },
});

/** Whether `value` (a COPY --from or mount from=) names a stage of the file rather than an image. */
function namesStage(value: string, stageNames: ReadonlySet<string>): boolean {
  return /^\d+$/.test(value) || stageNames.has(value.toLowerCase());
}

export const disallowedRegistry: DocumentRule = {
  scope: 'document',
  code: 'DisallowedRegistry',
  severity: 'warning',
  docs: referenceDocs('from'),
  description: {
    en:
      'An image comes from a registry that layerwise.diagnostics.allowedRegistries does not list ' +
      '(checked only when the list is set).',
    ko: '이미지를 layerwise.diagnostics.allowedRegistries에 없는 레지스트리에서 가져옵니다(목록을 설정했을 때만 검사합니다).',
  },
  messages,
  category: 'security',
  equivalents: [
    {
      tool: 'hadolint',
      id: 'DL3026',
      note: 'hadolint checks FROM only and compares hosts exactly; Layerwise also reads `*` wildcards',
    },
  ],
  examples: {
    invalid: [
      {
        dockerfile: 'FROM quay.io/prometheus/busybox:latest\n',
        range: '0:5-0:38',
        settings: { allowedRegistries: ['docker.io'] },
      },
      {
        dockerfile: 'FROM alpine:3.20\nCOPY --from=ghcr.io/acme/tools:1 /bin/tool /bin/\n',
        range: '1:12-1:32',
        settings: { allowedRegistries: ['docker.io'] },
      },
    ],
    valid: [
      { dockerfile: 'FROM alpine:3.20\n', settings: { allowedRegistries: ['docker.io'] } },
      {
        dockerfile: 'FROM registry.example.com/base:1 AS build\nFROM build\nCOPY --from=build /app /app\n',
        settings: { allowedRegistries: ['*.example.com'] },
      },
      'FROM quay.io/prometheus/busybox:latest\n',
    ],
  },
  check({ stages, settings }) {
    const allowed = settings.allowedRegistries.filter((entry) => entry.trim() !== '');
    if (allowed.length === 0) return [];
    const findings: Finding[] = [];
    const stageNames = new Set(stages.flatMap((stage) => (stage.name ? [stage.name] : [])));
    const check = (image: string | undefined, range: Range): void => {
      if (!image || hasVariable(image) || image.toLowerCase() === 'scratch') return;
      // Not an image reference (an empty ARG, a typo): other rules say so.
      if (imageReferenceProblem(image)) return;
      const registry = imageRegistry(image);
      if (registryAllowed(registry, allowed)) return;
      findings.push({ range, message: messages.notAllowed({ image, registry, allowed: allowed.join(', ') }) });
    };
    for (const stage of stages) {
      if (!stage.baseStage && stage.from.image) check(stage.resolvedBaseImage, stage.from.image.range);
      for (const instruction of stage.instructions) {
        for (const flag of instruction.flags) {
          if (flag.name === 'from' && instruction.keyword === 'COPY') {
            if (flag.value && !namesStage(flag.value, stageNames)) check(flag.value, flag.valueRange ?? flag.range);
          } else if (flag.name === 'mount' && flag.mount?.from) {
            const from = flag.mount.from;
            if (from.value && !namesStage(from.value, stageNames)) check(from.value, from.valueRange ?? from.range);
          }
        }
      }
    }
    return findings;
  },
};
