// Flags of an instruction and their values: mount types and keys, --network, --security,
// --platform and stage names for --from.
import { type CompletionItem, CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import {
  flagDoc,
  flagValues,
  instructionFlags,
  mountDoc,
  mountKeyDoc,
  mountKeys,
  MOUNT_TYPES,
  renderRow,
} from '../../../../core/src/docs';
import type { DockerfileModel } from '../../../../core/src/model';
import type { Instruction } from '../../../../core/src/parser';
import type { Language } from '../../../../core/src/engine/language';
import { stageItems } from './stageItems';

/** Flags written without a value (`--link`); the others get `=` and re-open completion. */
const SWITCHES: ReadonlySet<string> = new Set(['link', 'keep-git-dir', 'unpack', 'parents']);
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
    items = instructionFlags(keyword).map((flag) => {
      const doc = flagDoc(keyword, flag, language);
      const switchFlag = SWITCHES.has(flag);
      return {
        label: `--${flag}`,
        kind: CompletionItemKind.Property,
        detail: doc?.summary,
        documentation: markdown(doc?.markdown),
        insertText: switchFlag ? `--${flag}` : `--${flag}=`,
        command: switchFlag ? undefined : RETRIGGER,
      };
    });
    cache.set(key, items);
  }
  return items;
}

export function flagValueItems(
  instruction: Instruction,
  flag: string,
  typed: string,
  model: DockerfileModel,
  language: Language,
): CompletionItem[] {
  const keyword = instruction.keyword;
  if (keyword === 'RUN' && flag === 'mount') return mountItems(instruction, typed, model, language);
  if (flag === 'from' && (keyword === 'COPY' || keyword === 'ADD')) return stageItems(model, instruction, language);
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

/** Inside `--mount=`: a key (type first) or, after `key=`, the key's values. */
function mountItems(
  _instruction: Instruction,
  typed: string,
  model: DockerfileModel,
  language: Language,
): CompletionItem[] {
  const options = typed.split(',');
  const current = options[options.length - 1] ?? '';
  const type = options.map((o) => /^type=(\w+)$/i.exec(o)?.[1]?.toLowerCase()).find((t) => t !== undefined) ?? 'bind';
  const equals = current.indexOf('=');
  if (equals >= 0) {
    const key = current.slice(0, equals).toLowerCase();
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
  const used = new Set(options.slice(0, -1).map((o) => o.split('=')[0]!.toLowerCase()));
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
