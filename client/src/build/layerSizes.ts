// Finds, for each located step, the size of the layer it added, from `docker history` of the
// image just built. Classic builds name each step's image id, which is a history id; BuildKit
// history has no ids, so RUN/COPY/ADD are matched by their text in CreatedBy. Pure.
import type { ImageLayer } from '../docker/imageHistory';
import type { DockerfileOutline } from '../docker/dockerfileOutline';
import type { LocatedStep } from './stepLocations';

function normalize(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** What docker history shows for an instruction: the shell command, or exec-form words joined. */
function historyText(keyword: string, argumentText: string): string {
  const trimmed = argumentText.replace(/^(?:--\S+\s+)*/, '').trim();
  if (trimmed.startsWith('[')) {
    try {
      const words: unknown = JSON.parse(trimmed);
      if (Array.isArray(words) && words.every((word) => typeof word === 'string')) return normalize(words.join(' '));
    } catch {
      // not exec form after all
    }
  }
  return normalize(keyword === 'RUN' ? trimmed : `${keyword} ${trimmed}`);
}

/** Size in bytes per instruction index, for the steps whose layer could be identified. */
export function layerSizesByInstruction(
  located: readonly LocatedStep[],
  layers: readonly ImageLayer[],
  outline: DockerfileOutline,
): Map<number, number> {
  const sizes = new Map<number, number>();
  const claimed = new Set<number>();
  for (const step of located) {
    if (step.imageId === undefined) continue;
    const layerIndex = layers.findIndex((layer) => layer.id.replace(/^sha256:/, '').startsWith(step.imageId ?? '-'));
    const size = layers[layerIndex]?.sizeBytes;
    if (layerIndex !== -1 && size !== undefined) {
      sizes.set(step.instructionIndex, size);
      claimed.add(layerIndex);
    }
  }
  // Newest steps first against newest layers first.
  for (const step of [...located].reverse()) {
    if (sizes.has(step.instructionIndex) || !['RUN', 'COPY', 'ADD'].includes(step.keyword)) continue;
    const instruction = outline.instructions[step.instructionIndex];
    if (instruction === undefined) continue;
    const wanted = historyText(instruction.keyword, instruction.argumentText);
    if (wanted === '') continue;
    const layerIndex = layers.findIndex(
      (layer, index) => !claimed.has(index) && normalize(layer.createdBy).includes(wanted),
    );
    const size = layers[layerIndex]?.sizeBytes;
    if (layerIndex !== -1 && size !== undefined) {
      sizes.set(step.instructionIndex, size);
      claimed.add(layerIndex);
    }
  }
  return sizes;
}
