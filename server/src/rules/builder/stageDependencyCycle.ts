// Stages that copy from each other in a circle (`COPY --from`, `RUN --mount=from=`): the builder
// cannot order them and stops with "circular dependency detected on stage". Like the builder, only
// these copies count, not FROM (which can only name an earlier stage). A stage copying from itself
// is copy-from-own-stage's finding.
import { parseMount } from '../../cache';
import type { Flag, Instruction } from '../../parser';
import type { DocumentRule, Finding } from '../rule';
import type { BuildStage } from '../../model';
import { hasVariable, referenceDocs, text } from '../support';

/** A stage named by `COPY --from` (a name or an index) or `RUN --mount=from=` (a name only). */
interface CopySource {
  name: string;
  byIndex: boolean;
}

function copySource(instruction: Instruction, flag: Flag): CopySource | undefined {
  const flagName = flag.name.toLowerCase();
  let name: string | undefined;
  if (instruction.keyword === 'COPY' && flagName === 'from') name = flag.value;
  else if (instruction.keyword === 'RUN' && flagName === 'mount' && flag.value !== undefined) name = parseMount(flag.value).from;
  if (!name || hasVariable(name)) return undefined;
  return { name: name.toLowerCase(), byIndex: instruction.keyword === 'COPY' };
}

/** What each stage copies from (a summary: no positions). */
function copiedFrom(stage: BuildStage): CopySource[] {
  const sources: CopySource[] = [];
  for (const instruction of stage.instructions) {
    for (const flag of instruction.flags) {
      const source = copySource(instruction, flag);
      if (source) sources.push(source);
    }
  }
  return sources;
}

export const stageDependencyCycle: DocumentRule = {
  code: 'stage-dependency-cycle',
  kind: 'builder-error',
  scope: 'document',
  severity: 'error',
  docs: referenceDocs('copy---from'),
  description: text('Stages copy from each other in a circle, so the builder cannot order them.', '스테이지들이 서로를 돌아가며 복사해 빌더가 순서를 정할 수 없습니다.'),
  check({ stages, stageSummaries }) {
    const sources = stageSummaries(copiedFrom);
    if (sources.every((list) => list.length === 0)) return [];
    const byName = new Map<string, number>();
    for (const stage of stages) if (stage.name !== undefined && !byName.has(stage.name)) byName.set(stage.name, stage.index);
    const resolve = ({ name, byIndex }: CopySource): number | undefined => byName.get(name) ?? (byIndex && /^\d+$/.test(name) && Number(name) < stages.length ? Number(name) : undefined);
    const edges = sources.map((list, from) => [...new Set(list.map(resolve))].filter((to): to is number => to !== undefined && to !== from));
    const component = cycleComponents(edges);
    const findings: Finding[] = [];
    for (const stage of stages) {
      const group = component[stage.index];
      if (group === undefined) continue;
      const circle = stages.filter((other) => component[other.index] === group).map(label).join(', ');
      for (const instruction of stage.instructions) {
        for (const flag of instruction.flags) {
          const source = copySource(instruction, flag);
          const target = source && resolve(source);
          if (target === undefined || target === stage.index || component[target] !== group) continue;
          findings.push({
            range: flag.range,
            instruction,
            message: text(
              `${label(stage)} copies from ${label(stages[target]!)}, which in turn depends on ${label(stage)} (stages in the circle: ${circle}). The builder cannot order them and stops with "circular dependency detected". Copy in one direction only.`,
              `${label(stage)}이(가) ${label(stages[target]!)}에서 복사하는데, 그 스테이지도 다시 ${label(stage)}에 의존합니다(순환하는 스테이지: ${circle}). 빌더가 순서를 정하지 못해 "circular dependency detected"로 멈춥니다. 한 방향으로만 복사하세요.`,
            ),
          });
        }
      }
    }
    return findings;
  },
};

const label = (stage: BuildStage): string => (stage.name !== undefined ? `"${stage.name}"` : `stage ${stage.index}`);

/** For each stage on a cycle, the id of its strongly connected component (Tarjan); undefined for the rest. */
function cycleComponents(edges: readonly number[][]): (number | undefined)[] {
  const index: (number | undefined)[] = new Array(edges.length);
  const low: number[] = new Array(edges.length).fill(0);
  const onStack: boolean[] = new Array(edges.length).fill(false);
  const stack: number[] = [];
  const result: (number | undefined)[] = new Array(edges.length);
  let counter = 0;
  const visit = (node: number): void => {
    index[node] = low[node] = counter++;
    stack.push(node);
    onStack[node] = true;
    for (const next of edges[node]!) {
      if (index[next] === undefined) {
        visit(next);
        low[node] = Math.min(low[node]!, low[next]!);
      } else if (onStack[next]) low[node] = Math.min(low[node]!, index[next]!);
    }
    if (low[node] !== index[node]) return;
    const members: number[] = [];
    let member: number;
    do {
      member = stack.pop()!;
      onStack[member] = false;
      members.push(member);
    } while (member !== node);
    if (members.length > 1) for (const m of members) result[m] = node;
  };
  for (let node = 0; node < edges.length; node++) if (index[node] === undefined) visit(node);
  return result;
}
