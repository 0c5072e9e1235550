// Rename stage names, ARG/ENV names and heredoc delimiters everywhere they occur. Refuses
// positions it cannot rename safely (prepareRename) and new names the builder would reject
// or that would change what the Dockerfile means. A stage index (`COPY --from=0`) still names
// the same stage after a rename, so it is left as written.
import { LSPErrorCodes, type PrepareRenameResult, ResponseError, type WorkspaceEdit } from 'vscode-languageserver';
import { predefinedArg } from '../../../../core/src/model';
import type { Position } from '../../../../core/src/parser';
import type { LocalizedText } from '../../../../core/src/rules';
import type { AnalysedDocument } from '../../../../core/src/engine/analysedDocument';
import type { Language } from '../../../../core/src/engine/language';
import { toLspRange } from '../lspRange';
import { type NavigationSymbol, symbolAt } from './symbolAt';
import { scopeKey } from './variableGroups';

/** BuildKit's rule for stage names (compared case-insensitively). */
const STAGE_NAME = /^[a-z][a-z0-9\-_.]*$/i;
const VARIABLE_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;
const HEREDOC_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.]*$/;

class RenameRefused extends Error {
  constructor(readonly text: LocalizedText) {
    super(text.en);
  }
}

const refuse = (language: Language, text: LocalizedText): ResponseError<void> =>
  new ResponseError(LSPErrorCodes.RequestFailed, text[language]);

export function prepareRename(
  document: AnalysedDocument,
  position: Position,
  language: Language,
): PrepareRenameResult | null {
  const symbol = symbolAt(document, position);
  if (!symbol) return null;
  try {
    checkRenamable(symbol);
  } catch (error) {
    if (error instanceof RenameRefused) throw refuse(language, error.text);
    throw error;
  }
  const range = symbol.at.range;
  const line = document.lines[range.start.line] ?? '';
  return { range: toLspRange(range), placeholder: line.slice(range.start.character, range.end.character) };
}

export function rename(
  document: AnalysedDocument,
  position: Position,
  newName: string,
  language: Language,
): WorkspaceEdit | null {
  const symbol = symbolAt(document, position);
  if (!symbol) return null;
  try {
    checkRenamable(symbol);
    checkNewName(document, symbol, newName);
  } catch (error) {
    if (error instanceof RenameRefused) throw refuse(language, error.text);
    throw error;
  }
  const edits = symbol.occurrences
    .filter((o) => !o.byIndex)
    .map((o) => ({ range: toLspRange(o.range), newText: newName }));
  return { changes: { [document.uri]: edits } };
}

function checkRenamable(symbol: NavigationSymbol): void {
  if (symbol.at.byIndex) {
    throw new RenameRefused({
      en:
        'This COPY --from names the stage by its position, which a rename does not change; ' +
        'rename the stage where FROM ... AS names it.',
      ko: '이 COPY --from은 스테이지를 순서 번호로 가리키므로 이름을 바꿔도 달라지지 않습니다. FROM ... AS에서 스테이지 이름을 바꾸세요.',
    });
  }
  if (symbol.occurrences.some((o) => o.range.start.line !== o.range.end.line)) {
    throw new RenameRefused({
      en: 'This name is split across lines by a line continuation; join it first to rename it.',
      ko: '줄 연속 문자로 이름이 여러 줄에 나뉘어 있습니다. 한 줄로 합친 뒤 이름을 바꾸세요.',
    });
  }
  if (symbol.kind !== 'variable') return;
  if (symbol.group.predefined) {
    throw new RenameRefused({
      en: `${symbol.name} is a build argument the builder predefines; renaming it would change its meaning.`,
      ko: `${symbol.name}은(는) 빌더가 미리 정의하는 빌드 인자입니다. 이름을 바꾸면 의미가 달라집니다.`,
    });
  }
  if (!symbol.group.occurrences.some((o) => o.declaration)) {
    throw new RenameRefused({
      en:
        `Nothing in this Dockerfile declares ${symbol.name} (it may come from the base image), ` +
        'so it cannot be renamed here.',
      ko: `이 Dockerfile에는 ${symbol.name}을(를) 선언하는 곳이 없습니다(베이스 이미지에서 올 수 있습니다). 여기서는 이름을 바꿀 수 없습니다.`,
    });
  }
}

function checkNewName(document: AnalysedDocument, symbol: NavigationSymbol, newName: string): void {
  switch (symbol.kind) {
    case 'stage': {
      if (!STAGE_NAME.test(newName)) {
        throw new RenameRefused({
          en: `"${newName}" is not a valid stage name: start with a letter, then use letters, digits, "-", "_" or ".".`,
          ko: `"${newName}"은(는) 올바른 스테이지 이름이 아닙니다. 영문자로 시작하고 영문자, 숫자, "-", "_", "."만 쓸 수 있습니다.`,
        });
      }
      const other = document.model.findStage(newName);
      if (other && other !== symbol.stage) {
        throw new RenameRefused({
          en: `A stage named "${newName}" already exists.`,
          ko: `"${newName}" 스테이지가 이미 있습니다.`,
        });
      }
      return;
    }
    case 'variable': {
      if (!VARIABLE_NAME.test(newName)) {
        throw new RenameRefused({
          en: `"${newName}" is not a valid variable name: start with a letter or "_", then use letters, digits or "_".`,
          ko: `"${newName}"은(는) 올바른 변수 이름이 아닙니다. 영문자나 "_"로 시작하고 영문자, 숫자, "_"만 쓸 수 있습니다.`,
        });
      }
      if (predefinedArg(newName)) {
        throw new RenameRefused({
          en: `${newName} is predefined by the builder; choose another name.`,
          ko: `${newName}은(는) 빌더가 미리 정의하는 이름입니다. 다른 이름을 고르세요.`,
        });
      }
      const clash = document.model.definitions.some(
        (d) => d.name === newName && symbol.group.scopes.has(scopeKey(d.stage)),
      );
      if (clash) {
        throw new RenameRefused({
          en: `${newName} is already defined where ${symbol.name} is used.`,
          ko: `${symbol.name}을(를) 쓰는 곳에 ${newName}이(가) 이미 정의되어 있습니다.`,
        });
      }
      return;
    }
    case 'heredoc': {
      if (!HEREDOC_NAME.test(newName)) {
        throw new RenameRefused({
          en: `"${newName}" is not a usable heredoc delimiter: use letters, digits, "_" or ".".`,
          ko: `"${newName}"은(는) heredoc 구분자로 쓸 수 없습니다. 영문자, 숫자, "_", "."만 쓰세요.`,
        });
      }
      const bodyLines = symbol.heredoc.content.split('\n');
      if (
        bodyLines.includes(newName) ||
        symbol.instruction.heredocs.some((h) => h !== symbol.heredoc && h.name === newName)
      ) {
        throw new RenameRefused({
          en:
            `"${newName}" already appears as a line of this heredoc or names another one, ` +
            'so the heredoc would end early.',
          ko: `"${newName}"은(는) 이 heredoc 본문의 한 줄이거나 다른 heredoc의 이름이라 heredoc이 일찍 끝나게 됩니다.`,
        });
      }
    }
  }
}
