// The last build's per-instruction results, kept per Dockerfile URI. Each result is pinned to
// its instruction and to every instruction before it: editing any of them (which changes the
// cache key) drops it, while blank lines or comments moving it around do not.
import { createHash } from 'node:crypto';
import type { Dockerfile, Instruction } from '../../../core/src/parser';
import type { BuildResultsParams, InstructionBuildResult } from '../../../protocol/src/protocol';

const chains = new WeakMap<Dockerfile, string[]>();

/** Per instruction, a digest of it and all instructions before it (cached per parsed tree). */
function chainDigests(tree: Dockerfile): string[] {
  let digests = chains.get(tree);
  if (!digests) {
    digests = [];
    let previous = '';
    for (const instruction of tree.instructions) {
      const hash = createHash('sha1')
        .update(previous)
        .update('\0')
        .update(instruction.keyword)
        .update('\0')
        .update(instruction.argsText);
      for (const heredoc of instruction.heredocs) hash.update('\0').update(heredoc.content);
      previous = hash.digest('base64');
      digests.push(previous);
    }
    chains.set(tree, digests);
  }
  return digests;
}

export class BuildResultStore {
  private readonly byUri = new Map<string, Map<string, InstructionBuildResult>>();

  /** Pins the results to the instructions of `tree` (the Dockerfile as built). Returns how many matched. */
  set(params: BuildResultsParams, tree: Dockerfile): number {
    if (params.instructions.length === 0) {
      this.byUri.delete(params.uri);
      return 0;
    }
    const digests = chainDigests(tree);
    const pinned = new Map<string, InstructionBuildResult>();
    for (const result of params.instructions) {
      const index = tree.instructions.findIndex((i) => i.range.start.line === result.line);
      const instruction = tree.instructions[index];
      if (!instruction || instruction.keyword !== result.keyword.toUpperCase()) continue;
      pinned.set(digests[index]!, result);
    }
    this.byUri.set(params.uri, pinned);
    return pinned.size;
  }

  has(uri: string): boolean {
    return this.byUri.has(uri);
  }

  /** The results that still hold for the instructions of `tree`. */
  resultsFor(uri: string, tree: Dockerfile): Map<Instruction, InstructionBuildResult> {
    const results = new Map<Instruction, InstructionBuildResult>();
    const pinned = this.byUri.get(uri);
    if (!pinned || pinned.size === 0) return results;
    const digests = chainDigests(tree);
    tree.instructions.forEach((instruction, index) => {
      const result = pinned.get(digests[index]!);
      if (result) results.set(instruction, result);
    });
    return results;
  }

  delete(uri: string): void {
    this.byUri.delete(uri);
  }
}

/** Defensive reading of the notification (it crosses a process boundary). */
export function readBuildResultsParams(value: unknown): BuildResultsParams | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { uri, instructions } = value as { uri?: unknown; instructions?: unknown };
  if (typeof uri !== 'string' || !Array.isArray(instructions)) return undefined;
  const results: InstructionBuildResult[] = [];
  for (const item of instructions as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { line, keyword, status, durationMs, sizeBytes } = item as Record<string, unknown>;
    if (typeof line !== 'number' || typeof keyword !== 'string' || typeof status !== 'string') continue;
    if (!['cached', 'ran', 'failed', 'canceled', 'incomplete', 'not-built'].includes(status)) continue;
    results.push({
      line,
      keyword,
      status: status as InstructionBuildResult['status'],
      durationMs: typeof durationMs === 'number' && durationMs >= 0 ? durationMs : undefined,
      sizeBytes: typeof sizeBytes === 'number' && sizeBytes >= 0 ? sizeBytes : undefined,
    });
  }
  return { uri, instructions: results };
}
