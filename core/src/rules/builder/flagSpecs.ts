// The flags each instruction accepts, as BuildKit's instruction parser registers them.
// `string` needs `--name=value`; `bool` is `--name` or `--name=true|false`; `list` may repeat.

export type FlagKind = 'string' | 'bool' | 'list';

const COPY_COMMON: Record<string, FlagKind> = { chown: 'string', chmod: 'string', link: 'bool', exclude: 'list' };

/** Flags by name in an object without a prototype: `--constructor` or `--toString` must not look known. */
const flags = (spec: Record<string, FlagKind>): Readonly<Record<string, FlagKind>> =>
  Object.freeze(Object.assign(Object.create(null) as Record<string, FlagKind>, spec));

const NO_FLAGS = flags({});

export const FLAG_SPECS: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  FROM: flags({ platform: 'string' }),
  RUN: flags({ mount: 'list', network: 'string', security: 'string', device: 'list' }),
  COPY: flags({ ...COPY_COMMON, from: 'string', parents: 'bool' }),
  ADD: flags({ ...COPY_COMMON, 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool' }),
  HEALTHCHECK: flags({
    interval: 'string',
    timeout: 'string',
    'start-period': 'string',
    'start-interval': 'string',
    retries: 'string',
  }),
  ARG: flags({ required: 'bool' }),
};

/** The flags `instruction` accepts (none for most instructions). */
export function flagSpec(keyword: string): Readonly<Record<string, FlagKind>> {
  return Object.hasOwn(FLAG_SPECS, keyword) ? FLAG_SPECS[keyword]! : NO_FLAGS;
}

/** HEALTHCHECK NONE takes no options: the builder does not read its flags. */
export function flagsAreRead(keyword: string, healthcheckMode: string | undefined): boolean {
  return !(keyword === 'HEALTHCHECK' && healthcheckMode?.toUpperCase() === 'NONE');
}
