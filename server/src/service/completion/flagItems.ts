// Flags of an instruction and their values: mount types and keys, --network, --security,
// --platform and stage names for --from.
import { type CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import {
  flagDoc,
  flagValues,
  mountDoc,
  mountKeyDoc,
  mountKeys,
  MOUNT_TYPES,
  renderRow,
} from '../../../../core/src/docs';
import type { DockerfileModel } from '../../../../core/src/model';
import {
  comparePositions,
  type Flag,
  flagOf,
  flagsOf,
  type Instruction,
  mountType,
  type Position,
} from '../../../../core/src/parser';
import type { Language } from '../../../../core/src/engine/language';
import { flagSyntaxNote } from '../flagSyntaxNote';
import { stageItems } from './stageItems';

const RETRIGGER = { title: 'Suggest', command: 'editor.action.triggerSuggest' };

const PLATFORMS: readonly string[] = [
  'linux/amd64',
  'linux/arm64',
  'linux/arm/v7',
  'linux/arm/v6',
  'linux/386',
  'linux/ppc64le',
  'linux/s390x',
  'linux/riscv64',
  'windows/amd64',
];
/** Values of mount keys that take one of a few words. */
const MOUNT_KEY_VALUES: Readonly<Record<string, readonly string[]>> = {
  sharing: ['shared', 'private', 'locked'],
  required: ['true', 'false'],
  readonly: ['true', 'false'],
  ro: ['true', 'false'],
  rw: ['true', 'false'],
  readwrite: ['true', 'false'],
};

const markdown = (value: string | undefined): CompletionItem['documentation'] =>
  value ? { kind: 'markdown', value } : undefined;
const cache = new Map<string, CompletionItem[]>();

export function flagNameItems(keyword: string, language: Language): CompletionItem[] {
  const key = `${language}|${keyword}`;
  let items = cache.get(key);
  if (!items) {
    items = flagsOf(keyword).map((spec) => {
      const doc = flagDoc(keyword, spec.name, language);
      // A switch (`--link`) is written without a value; the others get `=` and re-open completion.
      const switchFlag = spec.value === 'bool';
      return {
        label: `--${spec.name}`,
        kind: CompletionItemKind.Property,
        detail: doc ? doc.summary : flagSyntaxNote(keyword, spec, language),
        documentation: markdown(doc?.markdown),
        insertText: switchFlag ? `--${spec.name}` : `--${spec.name}=`,
        command: switchFlag ? undefined : RETRIGGER,
      };
    });
    cache.set(key, items);
  }
  return items;
}

/** Values of `flag` at the cursor; `parsed` is the flag as read (a `--mount` value is completed from its fields). */
export function flagValueItems(
  instruction: Instruction,
  flag: string,
  model: DockerfileModel,
  language: Language,
  parsed?: { flag: Flag; position: Position },
): CompletionItem[] {
  const keyword = instruction.keyword;
  const kind = flagOf(keyword, flag)?.value;
  if (kind === 'mount') return parsed ? mountItems(parsed.flag, parsed.position, model, language) : [];
  if (kind === 'stage-or-image' || (flag === 'from' && keyword === 'ADD'))
    return stageItems(model, instruction, language);
  if (flag === 'platform') return platformItems(language);
  return flagValues(keyword, flag, language).flatMap((row) =>
    row.names.map((name) => ({
      label: name,
      kind: CompletionItemKind.EnumMember,
      documentation: markdown(renderRow(`--${flag}`, row)),
    })),
  );
}

function platformItems(language: Language): CompletionItem[] {
  const doc = markdown(flagDoc('FROM', 'platform', language)?.markdown);
  return [
    {
      label: '$BUILDPLATFORM',
      kind: CompletionItemKind.Variable,
      detail: language === 'ko' ? '빌드하는 머신의 플랫폼' : 'platform of the machine running the build',
      documentation: doc,
      sortText: '0',
    },
    {
      label: '$TARGETPLATFORM',
      kind: CompletionItemKind.Variable,
      detail: language === 'ko' ? '빌드 대상 플랫폼' : 'platform being built',
      documentation: doc,
      sortText: '1',
    },
    ...PLATFORMS.map((platform, i) => ({
      label: platform,
      kind: CompletionItemKind.EnumMember,
      documentation: doc,
      sortText: `2${i}`,
    })),
  ];
}

/**
 * Inside `--mount=`: a key (type first) or, after `key=`, the key's values. The fields before the
 * one at the cursor decide the mount type and which keys are used.
 */
function mountItems(flag: Flag, position: Position, model: DockerfileModel, language: Language): CompletionItem[] {
  const fields = flag.mount?.fields ?? [];
  let currentIndex = fields.findIndex(
    (field) => comparePositions(field.range.start, position) <= 0 && comparePositions(position, field.range.end) <= 0,
  );
  if (currentIndex < 0) currentIndex = fields.length;
  const before = fields.slice(0, currentIndex);
  const current = fields[currentIndex];
  const type = mountType(before);
  if (current?.valueRange && comparePositions(current.valueRange.start, position) <= 0) {
    const key = current.key;
    if (key === 'type') {
      return MOUNT_TYPES.map((name) => {
        const doc = mountDoc(name, language);
        return {
          label: name,
          kind: CompletionItemKind.EnumMember,
          detail: doc?.summary,
          documentation: markdown(doc?.markdown),
          insertText: `${name},`,
          command: RETRIGGER,
        };
      });
    }
    if (key === 'from') return stageItems(model, undefined, language);
    return (MOUNT_KEY_VALUES[key] ?? []).map((value) => ({
      label: value,
      kind: CompletionItemKind.EnumMember,
      documentation: markdown(mountKeyDoc(type, key, language)),
    }));
  }
  const used = new Set(before.map((field) => field.key));
  const items: CompletionItem[] = [];
  if (!used.has('type')) {
    items.push({
      label: 'type',
      kind: CompletionItemKind.Property,
      detail: MOUNT_TYPES.join(' | '),
      documentation: markdown(flagDoc('RUN', 'mount', language)?.markdown),
      insertText: 'type=',
      command: RETRIGGER,
      sortText: '0',
    });
  }
  for (const row of mountKeys(type, language)) {
    if (row.names.some((n) => used.has(n))) continue;
    const [name] = row.names;
    if (!name) continue;
    const takesValue = !['ro', 'readonly', 'rw', 'readwrite'].includes(name);
    items.push({
      label: name,
      kind: CompletionItemKind.Property,
      detail: row.names.length > 1 ? row.names.join(', ') : undefined,
      documentation: markdown(renderRow(`--mount=type=${type}`, row)),
      insertText: takesValue ? `${name}=` : name,
      insertTextFormat: InsertTextFormat.PlainText,
      command: takesValue && MOUNT_KEY_VALUES[name] ? RETRIGGER : undefined,
      sortText: `1${items.length.toString().padStart(2, '0')}`,
    });
  }
  return items;
}
