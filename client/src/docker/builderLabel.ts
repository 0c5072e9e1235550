// The builder's name as the status bar and the build terminal show it. Pure.
import type { Translator } from '../l10n/translator';
import type { BuilderKind } from './builderDetection';

export function builderLabel(builder: BuilderKind, l10n: Translator): string {
  switch (builder) {
    case 'buildx':
      return l10n.t('BuildKit (buildx)');
    case 'buildkit':
      return l10n.t('BuildKit (DOCKER_BUILDKIT=1)');
    case 'classic':
      return l10n.t('classic builder');
    case 'podman':
      return l10n.t('Podman (buildah)');
  }
}
