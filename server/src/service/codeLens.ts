// A "Build this stage" code lens above every named stage; it runs the client's build command
// with that stage as --target. Unnamed stages cannot be targeted, so they get none.
import type { CodeLens } from 'vscode-languageserver';
import { BUILD_STAGE_COMMAND, type BuildStageArguments } from '../../../protocol/src/protocol';
import type { LocalizedText } from '../../../core/src/rules';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import type { Language } from '../../../core/src/engine/language';
import { toLspRange } from './lspRange';

const TITLE: LocalizedText = { en: 'Build this stage', ko: '이 스테이지 빌드' };

export function codeLenses(document: AnalysedDocument, language: Language): CodeLens[] {
  const lenses: CodeLens[] = [];
  for (const stage of document.model.stages) {
    const name = stage.from.stageName;
    if (!name) continue;
    const args: BuildStageArguments = [document.uri, { target: name.value }];
    lenses.push({
      range: toLspRange(stage.from.keywordRange),
      command: { title: TITLE[language], command: BUILD_STAGE_COMMAND, arguments: args },
    });
  }
  return lenses;
}
