// Signature help: the instruction's forms, with the argument under the cursor highlighted.
import type { SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import { instructionDoc } from '../../../core/src/docs';
import type { Instruction, Position } from '../../../core/src/parser';
import type { AnalysedDocument } from '../../../core/src/engine/analysedDocument';
import { innermostInstruction, instructionAt } from '../../../core/src/engine/instructionAt';
import type { Language } from '../../../core/src/engine/language';
import { comparePositions, rangeContains } from './lspRange';

interface Form {
  /** Parameters in order; flags are written `[--name=...]`, a trailing `...` repeats. */
  params: string[];
  /** Written in JSON (exec) form. */
  exec?: boolean;
}

const FORMS: Readonly<Record<string, Form[]>> = {
  FROM: [{ params: ['[--platform=<platform>]', '<image>[:<tag>|@<digest>]', '[AS <name>]'] }],
  RUN: [
    { params: ['[--mount=<mount>]', '[--network=<mode>]', '[--security=<mode>]', '<command>'] },
    {
      params: ['[--mount=<mount>]', '[--network=<mode>]', '[--security=<mode>]', '["<executable>", "<param>", ...]'],
      exec: true,
    },
  ],
  CMD: [{ params: ['["<executable>", "<param>", ...]'], exec: true }, { params: ['<command>'] }],
  ENTRYPOINT: [{ params: ['["<executable>", "<param>", ...]'], exec: true }, { params: ['<command>'] }],
  LABEL: [{ params: ['<key>=<value>...'] }],
  MAINTAINER: [{ params: ['<name>'] }],
  EXPOSE: [{ params: ['<port>[/<protocol>]...'] }],
  ENV: [{ params: ['<key>=<value>...'] }],
  ADD: [
    {
      params: [
        '[--chown=<user>:<group>]',
        '[--chmod=<perms>]',
        '[--checksum=<hash>]',
        '[--keep-git-dir]',
        '[--link]',
        '[--exclude=<path>]',
        '[--unpack]',
        '<src>...',
        '<dest>',
      ],
    },
  ],
  COPY: [
    {
      params: [
        '[--from=<stage|image>]',
        '[--chown=<user>:<group>]',
        '[--chmod=<perms>]',
        '[--link]',
        '[--parents]',
        '[--exclude=<path>]',
        '<src>...',
        '<dest>',
      ],
    },
  ],
  VOLUME: [{ params: ['<path>...'] }, { params: ['["<path>", ...]'], exec: true }],
  USER: [{ params: ['<user>[:<group>]'] }],
  WORKDIR: [{ params: ['<path>'] }],
  ARG: [{ params: ['<name>[=<default value>]...'] }],
  ONBUILD: [{ params: ['<INSTRUCTION>'] }],
  STOPSIGNAL: [{ params: ['<signal>'] }],
  HEALTHCHECK: [
    {
      params: [
        '[--interval=<duration>]',
        '[--timeout=<duration>]',
        '[--start-period=<duration>]',
        '[--start-interval=<duration>]',
        '[--retries=<n>]',
        'CMD',
        '<command>',
      ],
    },
    { params: ['NONE'] },
  ],
  SHELL: [{ params: ['["<executable>", "<param>", ...]'], exec: true }],
};

const isFlagParam = (param: string): boolean => param.startsWith('[--');
const cache = new Map<string, SignatureInformation[]>();

function signatures(keyword: string, language: Language): SignatureInformation[] {
  const key = `${language}|${keyword}`;
  let result = cache.get(key);
  if (!result) {
    const doc = instructionDoc(keyword, language);
    result = (FORMS[keyword] ?? []).map((form) => ({
      label: `${keyword} ${form.params.join(' ')}`,
      documentation: doc ? { kind: 'markdown', value: doc.summary } : undefined,
      parameters: form.params.map((label) => ({ label })),
    }));
    cache.set(key, result);
  }
  return result;
}

export function signatureHelp(
  document: AnalysedDocument,
  position: Position,
  language: Language,
): SignatureHelp | null {
  const outer = instructionAt(document.tree, position);
  if (!outer) return null;
  const instruction = innermostInstruction(outer, position);
  if (rangeContains(instruction.keywordRange, position) && comparePositions(position, instruction.keywordRange.end) < 0)
    return null;
  const forms = FORMS[instruction.keyword];
  if (!forms) return null;
  const activeSignature = chooseForm(instruction, forms);
  const form = forms[activeSignature]!;
  return {
    signatures: signatures(instruction.keyword, language),
    activeSignature,
    activeParameter: activeParameter(instruction, form, position),
  };
}

function chooseForm(instruction: Instruction, forms: Form[]): number {
  if (instruction.keyword === 'HEALTHCHECK') return instruction.healthcheckMode?.value.toUpperCase() === 'NONE' ? 1 : 0;
  const wantsExec = instruction.exec !== undefined || instruction.rest?.value.trimStart().startsWith('[') === true;
  const index = forms.findIndex((form) => (form.exec ?? false) === wantsExec);
  return index < 0 ? 0 : index;
}

function activeParameter(instruction: Instruction, form: Form, position: Position): number {
  const flag = instruction.flags.find((f) => rangeContains(f.range, position));
  if (flag) {
    const index = form.params.findIndex((p) => p.startsWith(`[--${flag.name}`));
    return index < 0 ? 0 : index;
  }
  const positional = form.params.map((p, i) => ({ p, i })).filter(({ p }) => !isFlagParam(p));
  if (positional.length === 0) return 0;
  if (form.exec) return positional[positional.length - 1]!.i;
  // Which argument the cursor is on: those ending before it come first.
  const args = instruction.args;
  let index = args.filter((arg) => comparePositions(arg.range.end, position) < 0).length;
  const variadic = positional.findIndex(({ p }) => p.endsWith('...'));
  if (variadic >= 0 && variadic < positional.length - 1) {
    // `<src>... <dest>`: the last argument is the destination, every other one a source.
    const onLast = args.length >= 2 && rangeContains(args[args.length - 1]!.range, position);
    const afterAll = args.length >= 1 && index >= args.length;
    index = onLast || afterAll ? positional.length - 1 : variadic;
  }
  return positional[Math.min(index, positional.length - 1)]!.i;
}
