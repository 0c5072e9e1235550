// The flags each instruction accepts, as BuildKit's instruction parser registers them.
// `string` needs `--name=value`; `bool` is `--name` or `--name=true|false`; `list` may repeat.

export type FlagKind = 'string' | 'bool' | 'list';

const COPY_COMMON: Record<string, FlagKind> = { chown: 'string', chmod: 'string', link: 'bool', exclude: 'list' };

export const FLAG_SPECS: Readonly<Record<string, Readonly<Record<string, FlagKind>>>> = {
  FROM: { platform: 'string' },
  RUN: { mount: 'list', network: 'string', security: 'string', device: 'list' },
  COPY: { ...COPY_COMMON, from: 'string', parents: 'bool' },
  ADD: { ...COPY_COMMON, 'keep-git-dir': 'bool', checksum: 'string', unpack: 'bool' },
  HEALTHCHECK: { interval: 'string', timeout: 'string', 'start-period': 'string', 'start-interval': 'string', retries: 'string' },
  ARG: { required: 'bool' },
};

/** The flags `instruction` accepts (none for most instructions). */
export function flagSpec(keyword: string): Readonly<Record<string, FlagKind>> {
  return FLAG_SPECS[keyword] ?? {};
}

/** HEALTHCHECK NONE takes no options: the builder does not read its flags. */
export function flagsAreRead(keyword: string, healthcheckMode: string | undefined): boolean {
  return !(keyword === 'HEALTHCHECK' && healthcheckMode?.toUpperCase() === 'NONE');
}
