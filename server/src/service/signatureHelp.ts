// Signature help: the instruction's forms, with the argument under the cursor highlighted.
import type { SignatureHelp, SignatureInformation } from 'vscode-languageserver';
import { instructionDoc } from '../../../core/src/docs';
import {
  type Instruction,
  type InstructionSpec,
  INSTRUCTIONS,
  type Keyword,
  type Position,
} from '../../../core/src/parser';
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

/**
 * How each instruction's flags and arguments are written, which the instruction table does not
 * hold; the table decides which forms exist (a JSON form where it accepts one, a plain form unless
 * BuildKit rejects it) and which plain forms are shell commands.
 */
interface Syntax {
  /** Flags in the order shown. */
  flags?: string[];
  /** Arguments written without JSON; a shell-form instruction defaults to `<command>`. */
  plain?: string[];
  /** Arguments as a JSON array; defaults to an executable and its parameters. */
  json?: string[];
  /** Show the JSON form first: Docker recommends it for CMD and ENTRYPOINT. */
  jsonFirst?: boolean;
  /** Further forms, without flags (HEALTHCHECK NONE). */
  more?: string[][];
}

const EXECUTABLE = '["<executable>", "<param>", ...]';
const RUN_FLAGS = ['[--mount=<mount>]', '[--network=<mode>]', '[--security=<mode>]'];

const SYNTAX: Readonly<Record<Keyword, Syntax>> = {
  FROM: { flags: ['[--platform=<platform>]'], plain: ['<image>[:<tag>|@<digest>]', '[AS <name>]'] },
  RUN: { flags: RUN_FLAGS },
  CMD: { jsonFirst: true },
  ENTRYPOINT: { jsonFirst: true },
  LABEL: { plain: ['<key>=<value>...'] },
  MAINTAINER: { plain: ['<name>'] },
  EXPOSE: { plain: ['<port>[/<protocol>]...'] },
  ENV: { plain: ['<key>=<value>...'] },
  ADD: {
    flags: [
      '[--chown=<user>:<group>]',
      '[--chmod=<perms>]',
      '[--checksum=<hash>]',
      '[--keep-git-dir]',
      '[--link]',
      '[--exclude=<path>]',
      '[--unpack]',
    ],
    plain: ['<src>...', '<dest>'],
    json: ['["<src>", ..., "<dest>"]'],
  },
  COPY: {
    flags: [
      '[--from=<stage|image>]',
      '[--chown=<user>:<group>]',
      '[--chmod=<perms>]',
      '[--link]',
      '[--parents]',
      '[--exclude=<path>]',
    ],
    plain: ['<src>...', '<dest>'],
    json: ['["<src>", ..., "<dest>"]'],
  },
  VOLUME: { plain: ['<path>...'], json: ['["<path>", ...]'] },
  USER: { plain: ['<user>[:<group>]'] },
  WORKDIR: { plain: ['<path>'] },
  ARG: { plain: ['<name>[=<default value>]...'] },
  ONBUILD: { plain: ['<INSTRUCTION>'] },
  STOPSIGNAL: { plain: ['<signal>'] },
  HEALTHCHECK: {
    flags: [
      '[--interval=<duration>]',
      '[--timeout=<duration>]',
      '[--start-period=<duration>]',
      '[--start-interval=<duration>]',
      '[--retries=<n>]',
    ],
    plain: ['CMD', '<command>'],
    more: [['NONE']],
  },
  SHELL: {},
};

function formsOf(spec: InstructionSpec): Form[] {
  const syntax = SYNTAX[spec.keyword];
  const flags = syntax.flags ?? [];
  const forms: Form[] = [];
  if (spec.plainForm !== 'rejected') {
    const plain = syntax.plain ?? (spec.plainForm === 'shell' ? ['<command>'] : []);
    forms.push({ params: [...flags, ...plain] });
  }
  if (spec.json) {
    const exec: Form = { params: [...flags, ...(syntax.json ?? [EXECUTABLE])], exec: true };
    if (syntax.jsonFirst) forms.unshift(exec);
    else forms.push(exec);
  }
  for (const params of syntax.more ?? []) forms.push({ params });
  return forms;
}

const FORMS: ReadonlyMap<string, Form[]> = new Map(INSTRUCTIONS.map((spec) => [spec.keyword, formsOf(spec)]));

const isFlagParam = (param: string): boolean => param.startsWith('[--');
const cache = new Map<string, SignatureInformation[]>();

function signatures(keyword: string, language: Language): SignatureInformation[] {
  const key = `${language}|${keyword}`;
  let result = cache.get(key);
  if (!result) {
    const doc = instructionDoc(keyword, language);
    result = (FORMS.get(keyword) ?? []).map((form) => ({
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
  const forms = FORMS.get(instruction.keyword);
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
  return Math.max(index, 0);
}

function activeParameter(instruction: Instruction, form: Form, position: Position): number {
  const flag = instruction.flags.find((f) => rangeContains(f.range, position));
  if (flag) {
    const index = form.params.findIndex((p) => p.startsWith(`[--${flag.name}`));
    return Math.max(index, 0);
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
