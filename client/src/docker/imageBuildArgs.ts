// `docker build` argument arrays, built from a typed request. Pure and unit-tested; a request
// that cannot be passed safely is refused with a message worded by the Translator passed in.
import type { Translator } from '../l10n/translator';

export interface BuildArg {
  readonly name: string;
  readonly value: string;
}

export interface ImageBuildRequest {
  /** Absolute path of the Dockerfile (`-f`). */
  readonly dockerfile: string;
  /** The build context directory (the last positional argument). */
  readonly context: string;
  /** `name:tag` for `-t`. */
  readonly tag: string;
  readonly target?: string | undefined;
  readonly buildArgs?: readonly BuildArg[] | undefined;
  readonly platform?: string | undefined;
  /** Passed through as-is, before the context. */
  readonly extraArgs?: readonly string[] | undefined;
  /** BuildKit progress style; omitted for the classic builder, which has none. */
  readonly progress?: 'plain' | 'rawjson' | undefined;
}

const buildArgNamePattern = /^[A-Za-z_][A-Za-z0-9_]*$/;

export class InvalidBuildRequestError extends Error {
  override readonly name = 'InvalidBuildRequestError';
}

/**
 * The arguments after the executable: `build -f <file> -t <tag> [--target t] [--build-arg K=V]...
 * [--platform p] [--progress p] [extra...] <context>`. Each value is its own array element,
 * so spaces and quotes reach docker exactly as given.
 */
export function imageBuildArgs(request: ImageBuildRequest, l10n: Translator): string[] {
  if (request.dockerfile === '') throw new InvalidBuildRequestError(l10n.t('The Dockerfile path is empty.'));
  if (request.context === '') throw new InvalidBuildRequestError(l10n.t('The build context is empty.'));
  if (request.tag.trim() === '') throw new InvalidBuildRequestError(l10n.t('The image tag is empty.'));

  const args = ['build', '-f', request.dockerfile, '-t', request.tag.trim()];
  if (request.target !== undefined && request.target !== '') args.push('--target', request.target);
  for (const buildArg of request.buildArgs ?? []) {
    if (!buildArgNamePattern.test(buildArg.name)) {
      throw new InvalidBuildRequestError(l10n.t('"{0}" is not a valid build argument name.', buildArg.name));
    }
    args.push('--build-arg', `${buildArg.name}=${buildArg.value}`);
  }
  if (request.platform !== undefined && request.platform !== '') args.push('--platform', request.platform);
  if (request.progress !== undefined) args.push(`--progress=${request.progress}`);
  args.push(...(request.extraArgs ?? []));
  // A context that starts with "-" would be read as a flag; "./-dir" is the same directory.
  args.push(request.context.startsWith('-') ? `./${request.context}` : request.context);
  return args;
}
