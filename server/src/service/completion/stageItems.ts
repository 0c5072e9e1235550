// Earlier stages as completion items (for COPY --from, --mount from= and FROM).
import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver';
import { inlineCode } from '../../../../core/src/docs';
import type { DockerfileModel } from '../../../../core/src/model';
import type { Instruction } from '../../../../core/src/parser';
import { firstLine } from '../../../../core/src/parser/textScan';
import type { Language } from '../../../../core/src/engine/language';
import { lineLabel } from '../../../../core/src/engine/localized';

/** Stages that start above `instruction` and are not the stage it belongs to (all stages when undefined). */
export function stageItems(
  model: DockerfileModel,
  instruction: Instruction | undefined,
  language: Language,
): CompletionItem[] {
  const own = instruction ? model.stageOf(instruction) : undefined;
  const limit = instruction?.range.start.line ?? Number.POSITIVE_INFINITY;
  return model.stages
    .filter((stage) => stage !== own && stage.from.range.start.line < limit)
    .map((stage) => {
      const stageWord = language === 'ko' ? '스테이지' : 'Stage';
      const stageName = stage.name ? inlineCode(stage.name) : `#${stage.index}`;
      const fromCode = inlineCode(`FROM ${firstLine(stage.from.argsText)}`);
      const fromLine = `${lineLabel(stage.from.range.start.line, language)}: ${fromCode}`;
      return {
        label: stage.name ?? String(stage.index),
        kind: CompletionItemKind.Reference,
        detail: `FROM ${stage.resolvedBaseImage ?? stage.baseImage}`,
        documentation: { kind: 'markdown', value: `${stageWord} ${stageName} — ${fromLine}` },
        sortText: String(stage.index).padStart(4, '0'),
      };
    });
}
