// Variables after `$` and `${`: ARG and ENV in scope with their values, then predefined args.
import { type CompletionItem, CompletionItemKind } from 'vscode-languageserver';
import { argDoc, inlineCode } from '../../../../core/src/docs';
import { type DockerfileModel, PREDEFINED_ARGS, type VariableDefinition } from '../../../../core/src/model';
import type { Instruction } from '../../../../core/src/parser';
import { firstLine } from '../../../../core/src/parser/textScan';
import type { Language } from '../../../../core/src/engine/language';
import { lineLabel, pick } from '../../../../core/src/engine/localized';

export function variableItems(
  model: DockerfileModel,
  scopeOwner: Instruction,
  braced: boolean,
  language: Language,
): CompletionItem[] {
  const scope = model.scopeBefore(scopeOwner);
  const items: CompletionItem[] = [];
  const close = braced ? '}' : '';
  for (const definition of scope.values()) items.push(definitionItem(definition, close, language));
  // Inside a stage the shell also sees the builder's proxy and BuildKit args; platform args need `ARG`.
  if (model.stageOf(scopeOwner) && scopeOwner.keyword !== 'FROM') {
    for (const arg of PREDEFINED_ARGS) {
      if (scope.has(arg.name)) continue;
      const doc = argDoc(arg.name, language);
      const note =
        arg.kind === 'platform'
          ? pick(
              {
                en: `Declare \`ARG ${arg.name}\` in this stage to use it.`,
                ko: `이 스테이지에서 쓰려면 \`ARG ${arg.name}\`를 선언하세요.`,
              },
              language,
            )
          : '';
      items.push({
        label: arg.name,
        kind: CompletionItemKind.Constant,
        detail: pick({ en: 'predefined build arg', ko: '미리 정의된 빌드 인자' }, language),
        documentation: { kind: 'markdown', value: [note, doc?.markdown ?? ''].filter(Boolean).join('\n\n') },
        insertText: arg.name + close,
        sortText: `2${arg.name}`,
      });
    }
  }
  return items;
}

function definitionItem(definition: VariableDefinition, close: string, language: Language): CompletionItem {
  const value = definition.kind === 'predefined' ? definition.predefined?.example : definition.value;
  const shownValue =
    value === undefined ? pick({ en: '(set at build time)', ko: '(빌드할 때 결정)' }, language) : `= ${value}`;
  const instruction = definition.instruction;
  const where = instruction
    ? `${definition.kind === 'env' ? 'ENV' : 'ARG'} — ${lineLabel(instruction.range.start.line, language)}: ` +
      inlineCode(`${instruction.keyword} ${firstLine(instruction.argsText)}`)
    : definition.image
      ? pick(
          {
            en: `From the base image ${inlineCode(definition.image.reference)}`,
            ko: `베이스 이미지 ${inlineCode(definition.image.reference)}에서 옴`,
          },
          language,
        )
      : (argDoc(definition.name, language)?.markdown ?? '');
  const kindLabel =
    definition.kind === 'predefined'
      ? pick({ en: 'predefined', ko: '미리 정의됨' }, language)
      : definition.kind.toUpperCase();
  return {
    label: definition.name,
    kind: definition.kind === 'env' ? CompletionItemKind.Variable : CompletionItemKind.Constant,
    detail: `${kindLabel} ${shownValue}`,
    documentation: { kind: 'markdown', value: where },
    insertText: definition.name + close,
    sortText: `${definition.kind === 'predefined' ? 1 : 0}${definition.name}`,
  };
}
