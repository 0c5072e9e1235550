// `docker run` argument arrays, built from a typed request. Pure and unit-tested; a request
// that cannot be passed safely is refused with a message worded by the Translator passed in.
import type { Translator } from '../l10n/translator';
import { publishFlagValue, type PortMapping } from './portMappings';

export interface EnvironmentVariable {
  readonly name: string;
  readonly value: string;
}

export interface ContainerRunRequest {
  readonly image: string;
  readonly name?: string | undefined;
  /** `-d`: run in the background and print the container id. */
  readonly detach?: boolean | undefined;
  /** `-it`: keep stdin open and allocate a TTY, for a terminal the user types into. */
  readonly interactive?: boolean | undefined;
  /** `--rm`: remove the container when it stops. */
  readonly removeWhenStopped?: boolean | undefined;
  readonly ports?: readonly PortMapping[] | undefined;
  readonly env?: readonly EnvironmentVariable[] | undefined;
  /** Passed through as-is, before the image. */
  readonly extraArgs?: readonly string[] | undefined;
  /** Command and arguments after the image (override CMD). */
  readonly command?: readonly string[] | undefined;
}

const containerNamePattern = /^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/;

export class InvalidRunRequestError extends Error {
  override readonly name = 'InvalidRunRequestError';
}

/**
 * The arguments after the executable:
 * `run [--rm] [-d|-it] [--name n] [-p ...]... [-e K=V]... [extra...] <image> [command...]`.
 */
export function containerRunArgs(request: ContainerRunRequest, l10n: Translator): string[] {
  const image = request.image.trim();
  if (image === '') throw new InvalidRunRequestError(l10n.t('The image is empty.'));
  if (image.startsWith('-')) throw new InvalidRunRequestError(l10n.t('"{0}" is not an image name.', image));

  const args = ['run'];
  if (request.removeWhenStopped === true) args.push('--rm');
  if (request.detach === true && request.interactive === true) {
    throw new InvalidRunRequestError(l10n.t('A container cannot be both detached and interactive.'));
  }
  if (request.detach === true) args.push('-d');
  if (request.interactive === true) args.push('-it');
  if (request.name !== undefined && request.name !== '') {
    if (!containerNamePattern.test(request.name)) {
      throw new InvalidRunRequestError(
        l10n.t('"{0}" is not a valid container name (letters, digits, _ . - ; not first).', request.name),
      );
    }
    args.push('--name', request.name);
  }
  for (const mapping of request.ports ?? []) args.push('-p', publishFlagValue(mapping));
  for (const variable of request.env ?? []) {
    if (variable.name === '' || variable.name.includes('=')) {
      throw new InvalidRunRequestError(l10n.t('"{0}" is not a valid environment variable name.', variable.name));
    }
    args.push('-e', `${variable.name}=${variable.value}`);
  }
  args.push(...(request.extraArgs ?? []));
  args.push(image, ...(request.command ?? []));
  return args;
}
